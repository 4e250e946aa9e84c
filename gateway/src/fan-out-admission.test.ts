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
  const busy = expect.objectContaining({ extensions: expect.objectContaining({ code: 'GATEWAY_BUSY', limit: 'fan-out-in-flight', max: 2 }) });

  it('runs up to the limit, queues the next in arrival order, and hands each freed slot to the longest waiting', async () => {
    const admission = new FanOutAdmission(2, 2, 10_000);
    const first = await admission.admit(fanOut);
    const second = await admission.admit(fanOut);
    const order: string[] = [];
    const third = admission.admit(fanOut).then((release) => (order.push('third'), release));
    const fourth = admission.admit(fanOut).then((release) => (order.push('fourth'), release));
    // A request to one authority is never held back.
    await expect(admission.admit(one)).resolves.toBeTypeOf('function');
    // The queue is full: refused at once.
    await expect(admission.admit(fanOut)).rejects.toThrow(busy);
    first();
    first();
    await third;
    expect(order).toEqual(['third']);
    second();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
    (await third)();
    // Everything released: two run again at once.
    await admission.admit(fanOut);
    await admission.admit(fanOut);
  });

  it('refuses a request that waited its time without a slot', async () => {
    const admission = new FanOutAdmission(2, 4, 20);
    await admission.admit(fanOut);
    await admission.admit(fanOut);
    await expect(admission.admit(fanOut)).rejects.toThrow(busy);
  });

  it('allows two per core, and never fewer than two', () => {
    expect(fanOutInFlightOfCores(2)).toBe(4);
    expect(fanOutInFlightOfCores(1)).toBe(2);
    expect(fanOutInFlightOfCores(16)).toBe(32);
  });
});
