import { parse, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Role } from '@wales-lac/caller';
import { postPass } from './post-pass.ts';
import { shieldedSchema } from './shielded-schema.ts';
import { API_SCHEMA, callerAs } from './testing.ts';

const SHIELDED = shieldedSchema(API_SCHEMA);
const HOST = { relationships: ['host'], read: ['identity', 'education', 'pep', 'voice', 'contacts'] };
const HOME = { relationships: ['home'], read: ['identity', 'education', 'pep', 'voice', 'wellbeing', 'care', 'contacts'] };
const newportHead = callerAs('virtual-school-head', { authorityCode: 'W06000022' });

function run(query: string, fetched: Record<string, unknown>, role: Role | typeof newportHead = newportHead, variables = {}) {
  const caller = typeof role === 'string' ? callerAs(role) : role;
  return postPass({ schema: SHIELDED, document: parse(query), operationName: undefined, variables, fetched, caller });
}

const CHILD_QUERY = `{
  child: learner(id: "W06000015:L1") {
    id
    given: legalGivenName
    currentPlacement { placedOutOfCounty }
    currentPep { status }
  }
}`;

const fetchedChild = (access: unknown) => ({
  child: {
    id: 'W06000015:L1',
    given: 'Ann',
    currentPlacement: { placedOutOfCounty: true },
    currentPep: { status: 'DRAFT', _policyAccess: access },
    _policyAccess: access,
  },
});

describe('the shield over a fetched result, for a host authority’s virtual school head', () => {
  it('keeps identity and PEP, refuses care with FORBIDDEN at its path, and never shows the hidden alias', async () => {
    const result = await run(CHILD_QUERY, fetchedChild(HOST));
    expect(result.data).toEqual({ child: { id: 'W06000015:L1', given: 'Ann', currentPlacement: null, currentPep: { status: 'DRAFT' } } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toEqual(['child', 'currentPlacement']);
    expect(result.errors[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(result.denied).toEqual([['child', 'currentPlacement']]);
    expect(JSON.stringify(result)).not.toContain('_policy');
  });

  it('refuses care even when the owner’s answer grants it, as the grants give a host no care fields', async () => {
    const result = await run(CHILD_QUERY, fetchedChild({ relationships: ['host'], read: HOME.read }));
    expect(result.data?.['child']).toMatchObject({ currentPlacement: null });
  });

  it('refuses what the owner did not grant, even when the grants would', async () => {
    const result = await run(CHILD_QUERY, fetchedChild({ relationships: ['home'], read: ['identity'] }));
    expect(result.data).toEqual({ child: { id: 'W06000015:L1', given: 'Ann', currentPlacement: null, currentPep: null } });
    expect(result.denied).toEqual([
      ['child', 'currentPlacement'],
      ['child', 'currentPep'],
    ]);
  });

  it('shows the home authority everything it asked for', async () => {
    const result = await run(CHILD_QUERY, fetchedChild(HOME));
    expect(result.errors).toEqual([]);
    expect(result.data?.['child']).toMatchObject({ currentPlacement: { placedOutOfCounty: true } });
  });

  it('refuses a record whose access did not come back, down to the record itself', async () => {
    const result = await run(CHILD_QUERY, fetchedChild(undefined));
    expect(result.data).toEqual({ child: null });
    expect(result.errors.every((e) => e.extensions['code'] === 'FORBIDDEN')).toBe(true);
  });

  it('decides each child of a list on its own', async () => {
    const node = (id: string, access: unknown) => ({ node: { id, currentPlacement: { placedOutOfCounty: false }, _policyAccess: access } });
    const fetched = { learners: { totalCount: 2, edges: [node('W06000022:L1', HOME), node('W06000015:L2', HOST)] } };
    const result = await run('{ learners { totalCount edges { node { id currentPlacement { placedOutOfCounty } } } } }', fetched);
    expect(result.denied).toEqual([['learners', 'edges', 1, 'node', 'currentPlacement']]);
    expect(result.data).toEqual({
      learners: {
        totalCount: 2,
        edges: [{ node: { id: 'W06000022:L1', currentPlacement: { placedOutOfCounty: false } } }, { node: { id: 'W06000015:L2', currentPlacement: null } }],
      },
    });
  });
});

describe('the shield for a social worker, for a child of their authority not on their caseload (decision 0026)', () => {
  const worker = callerAs('social-worker', { authorityCode: 'W06000015' });
  const HOME_WORKER = { relationships: ['home'], read: [], readWithReason: ['identity', 'education', 'care', 'contacts'] };
  const ASKED =
    'query($reason: AccessReasonInput) { child: learner(id: "W06000015:L1", reason: $reason) { id given: legalGivenName currentPlacement { placedOutOfCounty } currentPep { status } } }';

  it('refuses the record with REASON_REQUIRED naming the argument when no reason is given', async () => {
    const result = await run(ASKED, fetchedChild(HOME_WORKER), worker);
    expect(result.data).toEqual({ child: null });
    expect(result.errors.map((e) => e.extensions)).toContainEqual({ code: 'REASON_REQUIRED', field: 'reason' });
    expect(result.denied).toContainEqual(['child', 'id']);
  });

  it('opens the home grant with a reason, and nothing the home grant does not give', async () => {
    const result = await run(ASKED, fetchedChild(HOME_WORKER), worker, { reason: { purpose: 'DUTY' } });
    expect(result.data).toEqual({ child: { id: 'W06000015:L1', given: 'Ann', currentPlacement: { placedOutOfCounty: true }, currentPep: null } });
    expect(result.errors.map((e) => [e.path, e.extensions['code']])).toEqual([[['child', 'currentPep'], 'FORBIDDEN']]);
  });

  it('opens nothing the owner did not say a reason opens, whatever the reason', async () => {
    const result = await run(ASKED, fetchedChild({ ...HOME_WORKER, readWithReason: ['identity'] }), worker, {
      reason: { purpose: 'COURT', note: 'hearing on Monday' },
    });
    expect(result.data?.['child']).toMatchObject({ given: 'Ann', currentPlacement: null });
  });

  it('does not take a reason given to another root field', async () => {
    const query = 'query { a: learner(id: "W06000015:L1", reason: { purpose: SAFEGUARDING }) { id } child: learner(id: "W06000015:L1") { id } }';
    const result = await run(
      query,
      { a: { id: 'W06000015:L1', _policyAccess: HOME_WORKER }, child: { id: 'W06000015:L1', _policyAccess: HOME_WORKER } },
      worker,
    );
    expect(result.data).toEqual({ a: { id: 'W06000015:L1' }, child: null });
  });
});

describe('root fields', () => {
  it.each<[Role, string]>([
    ['national-analyst', '{ learner(id: "x") { id } }'],
    ['consortium-analyst', '{ learner(id: "x") { id } }'],
    ['social-worker', '{ accessHistory(learner: "x") { edges { cursor } } }'],
    ['learner', 'mutation { recordTargetProgress(input: { targetId: "t", progress: MET, pepVersion: 1, idempotencyKey: "k" }) { applied } }'],
  ])('a %s is refused %s with FORBIDDEN at the root field', async (role, query) => {
    const result = await run(query, {}, role);
    const [field] = Object.keys(result.data ?? {});
    expect(result.data).toEqual({ [field ?? '']: null });
    expect(result.errors.map((e) => [e.path, e.extensions['code']])).toEqual([[[field], 'FORBIDDEN']]);
  });

  it('refusing the non-null learners leaves no data at all', async () => {
    const result = await run('{ learners { totalCount } }', {}, 'national-analyst');
    expect(result.data).toBeNull();
    expect(result.errors[0]?.extensions['code']).toBe('FORBIDDEN');
  });

  it('lets any caller ask what they may do with a child, and who they are', async () => {
    const fetched = { me: { role: 'NATIONAL_ANALYST', access: { read: ['aggregate'] } } };
    const result = await run('{ me { role access(learner: "x") { read } } __typename }', fetched, 'national-analyst');
    expect(result).toMatchObject({ data: { me: { role: 'NATIONAL_ANALYST', access: { read: ['aggregate'] } }, __typename: 'Query' }, errors: [] });
  });
});

describe('the shielded schema', () => {
  it('is the API schema, field for field, and leaves the API schema untouched', () => {
    expect(printSchema(SHIELDED)).toBe(printSchema(API_SCHEMA));
    expect(API_SCHEMA.getQueryType()?.getFields()['learner']?.resolve).toBeUndefined();
  });
});
