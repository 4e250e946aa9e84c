import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FanOutAdmission, asksEveryAuthority, fanOutInFlightOfCores } from './fan-out-admission.ts';

function request(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return { document, operation, request: { query, variables } };
}

describe('a request that asks every authority', () => {
  it.each([
    ['learners', '{ learners(first: 20) { totalCount } }', {}, true],
    ['notifications', '{ notifications(first: 10) { totalCount } }', {}, true],
    ['learners through a fragment', 'query { ...F } fragment F on Query { learners(first: 5) { totalCount } }', {}, true],
    ['learners of one authority', '{ learners(first: 20, homeAuthority: "W06000015") { totalCount } }', {}, false],
    ['learners of one authority by variable', 'query($h: String) { learners(first: 20, homeAuthority: $h) { totalCount } }', { h: 'W06000015' }, false],
    ['learners with a null homeAuthority variable', 'query($h: String) { learners(first: 20, homeAuthority: $h) { totalCount } }', { h: null }, true],
    ['one child', '{ learner(id: "W06000015:L000001") { id } }', {}, false],
    ['a change', 'mutation { markNotificationRead(input: { notification: "x", idempotencyKey: "k" }) { id } }', {}, false],
  ])('%s', (_what, query, variables, fansOut) => {
    expect(asksEveryAuthority(request(query, variables))).toBe(fansOut);
  });
});

describe('fan-out admission', () => {
  const fanOut = request('{ learners(first: 20) { totalCount } }');
  const one = request('{ learner(id: "W06000015:L000001") { id } }');

  it('admits up to the limit, refuses the next with GATEWAY_BUSY, and admits again once one ends', () => {
    const admission = new FanOutAdmission(2);
    const first = admission.admit(fanOut);
    admission.admit(fanOut);
    expect(() => admission.admit(fanOut)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'GATEWAY_BUSY', limit: 'fan-out-in-flight', max: 2 }) }),
    );
    // A request to one authority is never held back.
    expect(() => admission.admit(one)).not.toThrow();
    first();
    first();
    expect(() => admission.admit(fanOut)).not.toThrow();
    expect(() => admission.admit(fanOut)).toThrow();
  });

  it('allows two per core, and never fewer than two', () => {
    expect(fanOutInFlightOfCores(2)).toBe(4);
    expect(fanOutInFlightOfCores(1)).toBe(2);
    expect(fanOutInFlightOfCores(16)).toBe(32);
  });
});
