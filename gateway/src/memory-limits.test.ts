// Memory bounded by design (decision 0025): one request's byte cap is a share of the heap unless given in
// bytes, the requests in flight are as many as fit an eighth of it, and no subgraph answer is read past the
// cap, even one the gateway asks for itself with no request's budget.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@wales-lac/caller';
import { requestLimitsFromEnv } from './settings.ts';
import { createSubgraphClient } from './subgraph-client.ts';
import { RequestBudget } from './request-budget.ts';

const GIB = 2 ** 30;

describe('the memory limits in the settings', () => {
  it('default to 1/500 of the heap per request and as many requests as fit an eighth of it', () => {
    const limits = requestLimitsFromEnv({}, 4 * GIB);
    expect(limits.maxResponseBytes).toBe(Math.floor((4 * GIB) / 500));
    expect(limits.maxInFlight).toBe(62);
  });

  it('follow LIMIT_REQUEST_HEAP_SHARE, and the in-flight bound follows the cap', () => {
    const limits = requestLimitsFromEnv({ LIMIT_REQUEST_HEAP_SHARE: '0.01' }, 2 * GIB);
    expect(limits.maxResponseBytes).toBe(Math.floor((2 * GIB) / 100));
    expect(limits.maxInFlight).toBe(12);
  });

  it('take LIMIT_RESPONSE_BYTES and LIMIT_IN_FLIGHT_REQUESTS as given', () => {
    const limits = requestLimitsFromEnv({ LIMIT_RESPONSE_BYTES: '200000', LIMIT_IN_FLIGHT_REQUESTS: '7' }, 4 * GIB);
    expect(limits).toMatchObject({ maxResponseBytes: 200_000, maxInFlight: 7 });
  });

  it.each([
    [{ LIMIT_RESPONSE_BYTES: '200000', LIMIT_REQUEST_HEAP_SHARE: '0.01' }, /LIMIT_RESPONSE_BYTES or LIMIT_REQUEST_HEAP_SHARE, not both/],
    [{ LIMIT_REQUEST_HEAP_SHARE: '0.5' }, /LIMIT_REQUEST_HEAP_SHARE must be a fraction/],
    [{ LIMIT_REQUEST_HEAP_SHARE: 'half' }, /LIMIT_REQUEST_HEAP_SHARE must be a fraction/],
    [{ LIMIT_IN_FLIGHT_REQUESTS: '0' }, /LIMIT_IN_FLIGHT_REQUESTS must be a whole number/],
  ])('refuse %o naming the setting', (env, refusal) => {
    expect(() => requestLimitsFromEnv(env, 4 * GIB)).toThrow(refusal);
  });
});

describe('a subgraph answer is read only up to the cap', () => {
  const CAP = 10_000;
  let answerBytes = 0;
  let server: Server;
  let url: string;
  /** A GraphQL answer of exactly `answerBytes` bytes. */
  const answer = () => {
    const frame = '{"data":{"padding":""}}';
    return `{"data":{"padding":"${'x'.repeat(answerBytes - frame.length)}"}}`;
  };
  beforeAll(async () => {
    server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(answer()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = () => createSubgraphClient({ audience: 'authority:W06000015', url, sign: async () => 'assertion', timeoutMs: 2_000, maxResponseBytes: CAP });
  const caller = { role: 'national-analyst', subject: 'test' } as unknown as Caller;

  it.each([
    ['without a request budget (the gateway asking for itself)', () => undefined],
    ['within a request budget', () => new RequestBudget(CAP)],
  ])('%s: an answer of the cap is read, one byte more is not', async (_, budget) => {
    answerBytes = CAP;
    expect((await client().send({ query: '{ padding }' }, caller, {}, budget())).kind).toBe('answered');
    answerBytes = CAP + 1;
    const refused = await client().send({ query: '{ padding }' }, caller, {}, budget());
    expect(refused).toMatchObject({ kind: 'unavailable', reason: { code: 'AUTHORITY_UNAVAILABLE', name: 'answeredTooMuch' } });
  });
});
