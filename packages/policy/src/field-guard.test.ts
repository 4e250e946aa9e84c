// The field guards (the authorities' enforcement) must decide exactly as the shield (the gateway's) over
// the same rule tree: the same schema is executed through both, for each caller and access, and the
// answers (data and errors) must be equal, whether the child's access is known at once or arrives later.
import { describe, expect, it } from 'vitest';
import { buildSchema, execute, isObjectType, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddleware } from 'graphql-middleware';
import type { Caller, Role } from '@wales-lac/caller';
import { accessFor } from './access.ts';
import type { Access } from './access.ts';
import type { Relationship } from './model.ts';
import { fieldGuards } from './field-guard.ts';
import { allow, permissionsMiddleware } from './rules.ts';
import { LEARNER_DATA } from './schema-classes.ts';

// Every classified field of Learner is in the schema (the shield checks its rules against it), as a string but two.
const LEARNER_FIELDS = Object.keys(LEARNER_DATA['Learner']!.fields).filter((f) => f !== 'id' && f !== 'currentPlacement');
const SDL = `
  type Learner { id: ID! currentPlacement: Placement notClassified: String ${LEARNER_FIELDS.map((f) => `${f}: String`).join(' ')} }
  type Placement { type: String }
  type Unlisted { x: String }
  input Reason { purpose: String! note: String }
  type Query { learner(id: ID!, reason: Reason): Learner learners(reason: Reason): [Learner!]! unlisted: Unlisted regions: [String!]! notifications: [String!]! }
  type Mutation { startPep: String notListed: String }`;

const LEARNER = { id: 'W06000015:L1', legalGivenName: 'Alys', careStatus: 'looked-after', currentPlacement: { type: 'foster' }, notClassified: 'x' };
const resolvers = {
  Query: { learner: () => LEARNER, learners: () => [LEARNER], unlisted: () => ({ x: 'x' }), regions: () => ['SEWC'], notifications: () => ['n'] },
  Mutation: { startPep: () => 'started', notListed: () => 'done' },
};

interface Context {
  readonly caller: Caller;
  readonly access: Access | null;
  readonly later: boolean;
}

function schemaWith(enforce: (schema: GraphQLSchema) => object): GraphQLSchema {
  const schema = buildSchema(SDL);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (isObjectType(type)) for (const [name, resolve] of Object.entries(fields)) type.getFields()[name]!.resolve = resolve;
  }
  return applyMiddleware(schema, enforce(schema) as IMiddleware);
}

const accessOf = (_typeName: string, _parent: unknown, context: Context) => (context.later ? Promise.resolve(context.access) : context.access);
const shielded = schemaWith((schema) =>
  permissionsMiddleware<Context>(schema, {
    accessOf: async (t, p, c) => accessOf(t, p, c),
    rootRules: { Query: { notifications: allow }, Mutation: { startPep: allow } },
  }),
);
const guarded = schemaWith((schema) =>
  fieldGuards<Context>(schema, { accessOf, rootRules: { Query: { notifications: 'open' }, Mutation: { startPep: 'open' } } }),
);

const caller = (role: Role): Caller => ({ subject: 's', role, authorityCode: 'W06000015', schoolId: null, learnerId: null, regionCode: null });
const CALLERS: readonly [string, Role, readonly Relationship[] | null][] = [
  ['home head', 'virtual-school-head', ['home']],
  ['social worker on the caseload', 'social-worker', ['caseload']],
  ['social worker of the home authority, not on the caseload', 'social-worker', ['home']],
  ['designated teacher', 'designated-teacher', ['school']],
  ['the child', 'learner', ['self']],
  ['head with no relationship', 'virtual-school-head', []],
  ['child unknown', 'social-worker', null],
  ['national analyst', 'national-analyst', []],
];
const QUERIES = [
  '{ learner(id: "W06000015:L1") { id legalGivenName careStatus currentPlacement { type } notClassified upn contacts } }',
  '{ learners { id legalGivenName } }',
  '{ learner(id: "W06000015:L1", reason: { purpose: "DUTY" }) { id legalGivenName careStatus currentPlacement { type } upn } }',
  'query($r: Reason) { a: learner(id: "W06000015:L1", reason: $r) { id legalGivenName } b: learner(id: "W06000015:L1") { legalGivenName } ...L } fragment L on Query { c: learners(reason: $r) { careStatus } }',
  '{ unlisted { x } regions notifications }',
  'mutation { startPep notListed }',
];

const VARIABLES = { r: { purpose: 'COVERING_FOR_COLLEAGUE', note: 'Sam is on leave' } };
const run = async (schema: GraphQLSchema, query: string, context: Context) =>
  JSON.parse(JSON.stringify(await execute({ schema, document: parse(query), contextValue: context, variableValues: VARIABLES }))) as ExecutionResult;

describe('field guards decide as the shield does', () => {
  for (const [name, role, relationships] of CALLERS) {
    for (const later of [false, true]) {
      it(`${name}, access known ${later ? 'later' : 'at once'}`, async () => {
        const context: Context = { caller: caller(role), access: relationships ? accessFor(role, [...relationships]) : null, later };
        for (const query of QUERIES) {
          const [guard, shield] = [await run(guarded, query, context), await run(shielded, query, context)];
          expect(guard.data).toEqual(shield.data);
          // Every error the guards give, the shield gives too. The shield may give more: where a refused
          // non-null field nulls its parent, graphql-js stops a synchronous object at that field, while the
          // shield's promises have all run; the fields it reports then are not in the answer either way.
          expect(shield.errors ?? []).toEqual(expect.arrayContaining([...(guard.errors ?? [])]));
          expect(Boolean(guard.errors?.length)).toBe(Boolean(shield.errors?.length));
        }
      });
    }
  }

  it('a refused field is FORBIDDEN and a permitted one answers (the comparison is not of two empty answers)', async () => {
    const worker: Context = { caller: caller('designated-teacher'), access: accessFor('designated-teacher', ['school']), later: false };
    const answer = await run(guarded, QUERIES[0]!, worker);
    expect(answer.data?.['learner']).toMatchObject({ id: LEARNER.id, notClassified: null });
    expect(answer.errors?.map((e) => e.extensions?.['code'])).toContain('FORBIDDEN');
    const mutation = await run(guarded, QUERIES.at(-1)!, worker);
    expect(mutation.data).toEqual({ startPep: 'started', notListed: null });
  });

  it("a reason opens a home social worker's grant only under the root field it is given to", async () => {
    const worker: Context = { caller: caller('social-worker'), access: accessFor('social-worker', ['home']), later: false };
    for (const schema of [guarded, shielded]) {
      const answer = await run(schema, QUERIES[3]!, worker);
      expect(answer.data).toEqual({ a: { id: LEARNER.id, legalGivenName: 'Alys' }, b: { legalGivenName: null }, c: [{ careStatus: 'looked-after' }] });
      expect(answer.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code'], e.extensions?.['field']])).toContainEqual([
        'b.legalGivenName',
        'REASON_REQUIRED',
        'reason',
      ]);
      // The reason opens the home grant, not the caseload's: placement-address stays closed, and upn is identity.
      const withReason = await run(schema, QUERIES[2]!, worker);
      expect(withReason.data?.['learner']).toMatchObject({ id: LEARNER.id, legalGivenName: 'Alys', careStatus: 'looked-after' });
    }
  });

  it('an access check that fails answers with its error, not a refusal', async () => {
    const failing = schemaWith((schema) =>
      fieldGuards<Context>(schema, {
        accessOf: () => {
          throw new Error('database connection lost');
        },
      }),
    );
    const answer = await run(failing, '{ learner(id: "W06000015:L1") { legalGivenName } }', {
      caller: caller('virtual-school-head'),
      access: null,
      later: false,
    });
    expect(answer.errors?.[0]?.message).toBe('database connection lost');
  });
});
