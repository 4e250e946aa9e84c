// The budgets of a running request (docs/api.md, "Limits"): past its time or its response bytes, the
// client gets one coded error and no data, the subgraph calls still under way are abandoned, and the
// platform answers the next request as before. One authority (Carmarthenshire) is a real service behind a
// proxy that can answer late or pad its answer, so under and over are tried against real work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthoritySubgraph, type AuthoritySubgraph } from '@wales-lac/authority-subgraph';
import { generateSigningKeyPair } from '@wales-lac/caller';
import { startAuthorityProxy, type AuthorityProxy } from './support/authority-proxy.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARMARTHENSHIRE = 'W06000010';
// Room for a 22-authority page on a loaded 2-core machine, and well under the 8 s a slow authority takes below.
const TIME_BUDGET_MS = 3_000;
const RESPONSE_BYTES = 200_000;
const IN_FLIGHT = 2;
const FAN_OUT_IN_FLIGHT = 1;
// Every authority is asked; each answers a page of 5 with its total.
const CASELOAD = '{ learners(first: 5) { totalCount edges { node { id } } } }';
// Carmarthenshire alone: not held back by the fan-out bound.
const CARMARTHENSHIRE_CASELOAD = `{ learners(first: 5, homeAuthority: "${CARMARTHENSHIRE}") { totalCount edges { node { id } } } }`;

let platform: TestPlatform;
let proxy: AuthorityProxy;
let carmarthenshire: AuthoritySubgraph | undefined;
let token: string;

beforeAll(async () => {
  proxy = await startAuthorityProxy();
  const gatewayKeys = await generateSigningKeyPair();
  platform = await startTestPlatform({
    gatewayKeys,
    externalAuthorities: new Map([[CARMARTHENSHIRE, proxy.url]]),
    env: {
      BENCHMARK_REFRESH_MINUTES: '0',
      REQUEST_TIME_BUDGET_MS: String(TIME_BUDGET_MS),
      LIMIT_RESPONSE_BYTES: String(RESPONSE_BYTES),
      LIMIT_IN_FLIGHT_REQUESTS: String(IN_FLIGHT),
      LIMIT_FAN_OUT_IN_FLIGHT: String(FAN_OUT_IN_FLIGHT),
      // None waits for a slot here, so the bound itself is seen (the wait is unit-tested in fan-out-admission.test.ts).
      LIMIT_FAN_OUT_WAITING: '0',
    },
  });
  const database = platform.databases.authorities.get(CARMARTHENSHIRE);
  if (!database) throw new Error('no Carmarthenshire database');
  carmarthenshire = await createAuthoritySubgraph({ authorityCode: CARMARTHENSHIRE, database, gatewayPublicKey: gatewayKeys.publicKey });
  proxy.target = (await carmarthenshire.listen(0)).url;
  token = await platform.token({ sub: 'vsh-carms', role: 'virtual-school-head', authority: CARMARTHENSHIRE });
  // The first request after a start runs on cold code in every service; the budget is for warm work.
  await caseload(0, 0);
});
afterAll(async () => {
  await platform?.stop();
  await carmarthenshire?.stop();
  await proxy?.close();
});

/** Asks the caseload with Carmarthenshire behaving so; returns the answer, how long it took and the proxy's calls. */
async function caseload(delayMs: number, padBytes: number) {
  proxy.behaviour = { delayMs, padBytes };
  const before = { ...proxy.calls };
  const started = performance.now();
  const answer = await platform.graphql(token, CASELOAD);
  const ms = performance.now() - started;
  proxy.behaviour = { delayMs: 0, padBytes: 0 };
  return { ...answer, ms, received: proxy.calls.received - before.received, abandonedBefore: before.abandoned };
}

/** The call abandoned by the gateway is seen by the proxy soon after the answer (the socket closes). */
async function abandonedSince(count: number): Promise<number> {
  for (let waited = 0; waited < 2_000 && proxy.calls.abandoned === count; waited += 50) await new Promise((r) => setTimeout(r, 50));
  return proxy.calls.abandoned - count;
}

async function healthyAfterwards() {
  const health = await fetch(new URL('/health', platform.url));
  expect(health.status).toBe(200);
  const again = await caseload(0, 0);
  expect(again.status).toBe(200);
  expect(again.body.errors ?? []).toEqual([]);
  expect(again.body.data?.learners.totalCount).toBeGreaterThan(0);
}

function expectOneCodedError(
  answer: { status: number; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } },
  status: number,
  code: string,
  limit: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code, limit });
  expect(answer.body.errors?.[0]?.message).toContain(`limit: ${limit}`);
}

describe('the time budget', () => {
  it('lets a slow authority answer within it', async () => {
    const answer = await caseload(300, 0);
    expect(answer.status).toBe(200);
    expect(answer.body.errors ?? []).toEqual([]);
    expect(answer.received).toBe(1);
  });

  it('past it: one TIME_BUDGET_EXCEEDED (503) at the budget, the call still waiting abandoned', async () => {
    // The authority would answer after 8 s (the per-authority timeout here is 10 s): only the budget stops it.
    const answer = await caseload(8_000, 0);
    expectOneCodedError(answer, 503, 'TIME_BUDGET_EXCEEDED', 'time');
    expect(answer.ms).toBeGreaterThanOrEqual(TIME_BUDGET_MS - 50);
    expect(answer.ms).toBeLessThan(TIME_BUDGET_MS + 1_500);
    expect(await abandonedSince(answer.abandonedBefore)).toBe(1);
    await healthyAfterwards();
  });
});

describe('the response-size cap', () => {
  it('lets answers under it through', async () => {
    const answer = await caseload(0, 50_000);
    expect(answer.status).toBe(200);
    expect(answer.body.errors ?? []).toEqual([]);
  });

  it('past it: one RESPONSE_TOO_LARGE (400), the answer still streaming cut off', async () => {
    // 1 MB of padding, streamed: the gateway stops reading at 200 KB and hangs up.
    const answer = await caseload(0, 1_000_000);
    expectOneCodedError(answer, 400, 'RESPONSE_TOO_LARGE', 'response-bytes');
    expect(await abandonedSince(answer.abandonedBefore)).toBe(1);
    await healthyAfterwards();
  });
});

describe('the bound on requests in flight (decision 0025)', () => {
  const busy = (a: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => a.body.errors?.[0]?.extensions?.['code'] === 'GATEWAY_BUSY';

  /** The queries at once while Carmarthenshire takes 800 ms, so all are in flight together; and how many reached it. */
  async function together(count: number) {
    proxy.behaviour = { delayMs: 800, padBytes: 0 };
    const before = proxy.calls.received;
    const answers = await Promise.all(Array.from({ length: count }, () => platform.graphql(token, CARMARTHENSHIRE_CASELOAD)));
    proxy.behaviour = { delayMs: 0, padBytes: 0 };
    return { answers, reached: proxy.calls.received - before };
  }

  it('admits as many at once as the bound allows', async () => {
    const { answers, reached } = await together(IN_FLIGHT);
    expect(answers.filter(busy)).toEqual([]);
    expect(reached).toBe(IN_FLIGHT);
  });

  it('one more: GATEWAY_BUSY (503) naming the in-flight limit, nothing asked for it, and the next is answered as before', async () => {
    const { answers, reached } = await together(IN_FLIGHT + 1);
    const refused = answers.filter(busy);
    expect(refused, JSON.stringify(answers.map((a) => a.body.errors))).toHaveLength(1);
    expect(refused[0]?.status).toBe(503);
    expect(refused[0]?.body.errors?.[0]?.extensions).toMatchObject({ code: 'GATEWAY_BUSY', limit: 'in-flight', max: IN_FLIGHT });
    expect(reached).toBe(IN_FLIGHT);
    await healthyAfterwards();
  });
});

describe('the bound on requests asking every authority at once (issue 10)', () => {
  const busy = (a: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => a.body.errors?.[0]?.extensions?.['code'] === 'GATEWAY_BUSY';

  async function together(queries: readonly string[]) {
    proxy.behaviour = { delayMs: 800, padBytes: 0 };
    const before = proxy.calls.received;
    const ask = async (query: string) => {
      const response = await fetch(platform.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] },
      };
    };
    const answers = await Promise.all(queries.map(ask));
    proxy.behaviour = { delayMs: 0, padBytes: 0 };
    return { answers, reached: proxy.calls.received - before };
  }

  it('one more fan-out than the bound: GATEWAY_BUSY (503, Retry-After) naming it, no authority asked for it', async () => {
    const { answers, reached } = await together([CASELOAD, CASELOAD]);
    const refused = answers.filter(busy);
    expect(refused, JSON.stringify(answers.map((a) => a.body.errors))).toHaveLength(1);
    expect(refused[0]?.status).toBe(503);
    expect(refused[0]?.retryAfter).toBe('1');
    expect(refused[0]?.body.errors?.[0]?.extensions).toMatchObject({ code: 'GATEWAY_BUSY', limit: 'fan-out-in-flight', max: FAN_OUT_IN_FLIGHT });
    expect(refused[0]?.body.errors?.[0]?.message).toContain('homeAuthority');
    expect(reached).toBe(1);
    await healthyAfterwards();
  });

  it('a request to one authority is answered beside a fan-out', async () => {
    const { answers } = await together([CASELOAD, CARMARTHENSHIRE_CASELOAD]);
    expect(answers.map((a) => a.body.errors ?? [])).toEqual([[], []]);
  });
});
