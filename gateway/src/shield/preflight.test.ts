import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@wales-lac/caller';
import { preflight, refusalErrors, refusedAccesses, reservedAlias } from './preflight.ts';
import { GATEWAY_ONLY_ROOT_FIELDS, MUTATION_ROLES, MUTATION_WRITES, QUERY_FIELD_ROLES } from '@wales-lac/policy';
import { API_SCHEMA } from './testing.ts';

function check(query: string, role: Role, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation');
  return { ...preflight(document, operation, variables, role), errors: refusalErrors(document, operation, variables, role) };
}

const EVERY_ROOT = '{ learner(id: "x") { id } learners { totalCount } accessHistory(learner: "x") { pageInfo { hasNextPage } } me { subject } }';
const WRITE = 'mutation { recordTargetProgress(input: { targetId: "t", progress: MET, pepVersion: 1, idempotencyKey: "k" }) { applied } }';

describe('root fields by role', () => {
  it.each<[Role, string[]]>([
    ['virtual-school-head', []],
    ['social-worker', ['accessHistory']],
    ['designated-teacher', ['accessHistory']],
    ['learner', ['accessHistory']],
    ['consortium-analyst', ['learner', 'learners', 'accessHistory']],
    ['national-analyst', ['learner', 'learners', 'accessHistory']],
  ])('a %s may not ask for %j', (role, refused) => {
    const result = check(EVERY_ROOT, role);
    expect([...result.refused].sort()).toEqual([...refused].sort());
    expect(result.needsFetch).toBe(true);
    expect(result.errors.map((e) => e.path)).toEqual(refused.map((name) => [name]));
  });

  it.each<[Role, boolean]>([
    ['virtual-school-head', true],
    ['social-worker', true],
    ['designated-teacher', true],
    ['learner', false],
    ['consortium-analyst', false],
    ['national-analyst', false],
  ])('a %s may record PEP progress: %s', (role, allowed) => {
    const result = check(WRITE, role);
    expect(result.refused.has('recordTargetProgress')).toBe(!allowed);
    expect(result.needsFetch).toBe(allowed);
    if (!allowed) expect(result.errors[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('finds refused fields behind aliases, fragments and inline fragments, reporting them at their response keys', () => {
    const result = check(
      'query { kid: learner(id: "x") { id } ...Q ... on Query { h: accessHistory(learner: "x") { pageInfo { hasNextPage } } } } fragment Q on Query { learners { totalCount } }',
      'national-analyst',
    );
    expect([...result.refused].sort()).toEqual(['accessHistory', 'learner', 'learners']);
    expect(result.needsFetch).toBe(false);
    expect(result.errors.map((e) => e.path)).toEqual([['kid'], ['learners'], ['h']]);
  });

  it('refuses fields that @skip hides too (they are stripped), but does not fetch for them', () => {
    const result = check('query ($skip: Boolean!) { me @skip(if: $skip) { subject } learners { totalCount } }', 'national-analyst', { skip: true });
    expect(result).toMatchObject({ needsFetch: false });
    expect([...result.refused]).toEqual(['learners']);
  });

  it('needs no subgraph for __typename alone, and lets anyone ask what they may do with a child', () => {
    expect(check('{ __typename learner(id: "x") { id } }', 'national-analyst').needsFetch).toBe(false);
    const me = check('{ me { access(learner: "x") { read } } }', 'national-analyst');
    expect(me).toMatchObject({ needsFetch: true, errors: [] });
    expect(me.refused.size).toBe(0);
  });
});

describe('the rule tables', () => {
  it('cover every mutation of the supergraph, and name only fields it has (or the gateway alone calls)', () => {
    const mutations = Object.keys(API_SCHEMA.getMutationType()?.getFields() ?? {}).sort();
    const publicOnes = [...Object.keys(MUTATION_WRITES), ...Object.keys(MUTATION_ROLES)].filter((f) => !GATEWAY_ONLY_ROOT_FIELDS.includes(f));
    expect(publicOnes.sort()).toEqual(mutations);
    const queries = Object.keys(API_SCHEMA.getQueryType()?.getFields() ?? {});
    expect(Object.keys(QUERY_FIELD_ROLES).filter((f) => !queries.includes(f) && !GATEWAY_ONLY_ROOT_FIELDS.includes(f))).toEqual([]);
  });

  it('refuse a mutation that has no entry to every role', () => {
    for (const role of ROLES) expect(check('mutation { somethingNew }', role).refused.has('somethingNew')).toBe(true);
  });
});

describe('reserved aliases', () => {
  it('are found wherever the client uses them', () => {
    expect(reservedAlias(parse('{ me { subject } }'))).toBeNull();
    expect(reservedAlias(parse('{ learner(id: "x") { ...F } } fragment F on Learner { _policyAccess: legalGivenName }'))).toBe('_policyAccess');
  });
});

describe('refused accesses reported to the owning authority', () => {
  it('name the records the refused root fields asked about', () => {
    const document = parse('query($id: ID!) { a: learner(id: $id) { id } learners { totalCount } me { subject } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const refused = preflight(document, operation, { id: 'W06000015:L000001' }, 'national-analyst').refused;
    expect(refusedAccesses(document, operation, { id: 'W06000015:L000001' }, refused)).toEqual([
      { record: 'W06000015:L000001', field: 'Query.learner', action: 'read' },
    ]);
    const write = parse(
      'mutation { recordTargetProgress(input: { targetId: "W06000022:T000009", progress: MET, pepVersion: 1, idempotencyKey: "abcdefgh" }) { applied } }',
    );
    const writeOperation = write.definitions[0] as OperationDefinitionNode;
    const writeRefused = preflight(write, writeOperation, {}, 'learner').refused;
    expect(refusedAccesses(write, writeOperation, {}, writeRefused)).toEqual([
      { record: 'W06000022:T000009', field: 'Mutation.recordTargetProgress', action: 'write' },
    ]);
  });
});
