// Process mode: the whole platform as 25 OS processes started from the built entry points (dist/), as
// production runs them. Cross-authority queries work; a killed authority is answered for as
// AUTHORITY_UNAVAILABLE at once while the rest answer in full; the supervisor brings it back. The
// gateway runs as 2 workers on its one port (decision 0024): both answer, its metrics are their sum, and
// a killed worker is replaced while the other answers.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_KINDS as STORED_ALERT_KINDS, connectAuthorityDatabase } from '@wales-lac/db';
import { AUTHORITY_CODES, childProcesses } from '@wales-lac/platform';
import { freePort } from './support/ports.ts';
import { startTestProcessMode, type TestProcessMode } from './support/process-mode.ts';

// The API's names of the alert kinds (stored as 'pep-review-due', answered as PEP_REVIEW_DUE).
const ALERT_KINDS: readonly string[] = STORED_ALERT_KINDS.map((kind) => kind.toUpperCase().replaceAll('-', '_'));
const GWYNEDD = 'W06000002';
const CONWY = 'W06000003';
// Long enough that the answer right after the kill is asked while the authority is still down.
const RESTART_BACKOFF_MS = 1500;
// Short, so the hung-authority case is quick; still well above a warm authority's answer on a shared machine.
const TIMEOUT_MS = 3000;

let mode: TestProcessMode;
let child: { learnerId: string; hostAuthority: string };
let metricsUrl: string;

async function childPlacedOutOfCounty(home: string): Promise<{ learnerId: string; hostAuthority: string }> {
  const database = connectAuthorityDatabase(mode.topology.authorities.get(home) ?? '', { max: 1 });
  try {
    const rows = await database.sql<{ learner_id: string; authority_code: string }[]>`
      select learner_id, authority_code from placements
      where authority_code <> ${home} and started_on <= current_date and (ended_on is null or ended_on >= current_date)
      order by learner_id limit 1`;
    const row = rows[0];
    if (!row) throw new Error(`${home} has no child placed out of county in the test data`);
    return { learnerId: row.learner_id, hostAuthority: row.authority_code };
  } finally {
    await database.close();
  }
}

const LEARNERS = '{ learners(first: 100) { totalCount edges { node { id } } } }';

/** A GraphQL POST on a connection of its own: the cluster's primary hands each new connection to the next worker. */
function askOnNewConnection(token: string, query: string): Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }> {
  const payload = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = request(
      mode.url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { data?: unknown; errors?: unknown[] } }));
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

/** The sum of a metric's samples whose labels include `labels` (Prometheus text format). */
function sampleSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    if (Object.entries(labels).every(([key, value]) => (match[2] ?? '').includes(`${key}="${value}"`))) sum += Number(match[3]);
  }
  return sum;
}

const scrape = async () => (await fetch(metricsUrl)).text();

async function askTimes(token: string, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    const { status, body } = await askOnNewConnection(token, '{ me { role } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  }
}
const ids = (data: Record<string, any> | null | undefined): string[] => data?.['learners'].edges.map((e: { node: { id: string } }) => e.node.id) ?? [];

beforeAll(async () => {
  const metricsPort = await freePort();
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  mode = await startTestProcessMode({
    RESTART_BACKOFF_MS: String(RESTART_BACKOFF_MS),
    SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
    GATEWAY_WORKERS: '2',
    METRICS_PORT: String(metricsPort),
  });
  console.log(`process mode: ${mode.processes.size} processes, gateway answering ${mode.startSeconds.toFixed(1)} s after the call (databases, seed, services)`);
  child = await childPlacedOutOfCounty(GWYNEDD);
});

afterAll(async () => {
  await mode?.stop();
});

describe('process mode', () => {
  it("runs the day's alerts from the supervisor, once a day, and the education lead's feed shows them through the gateway", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const first = await mode.alerts.run(today);
    expect(first.map((r) => r.authorityCode).sort()).toEqual([...AUTHORITY_CODES].sort());
    const busiest = first.reduce((a, b) => (b.added > a.added ? b : a));
    expect(busiest.added).toBeGreaterThan(0);
    expect((await mode.alerts.run(today)).reduce((n, r) => n + r.added, 0)).toBe(0);
    const lead = await mode.token({ sub: 'vsh-alerts', role: 'virtual-school-head', authority: busiest.authorityCode });
    const { body } = await mode.graphql(lead, '{ notifications(first: 100) { totalCount edges { node { kind effectiveOn } } } }');
    expect(body.errors).toBeUndefined();
    const kinds = new Set(body.data?.['notifications'].edges.map((e: { node: { kind: string } }) => e.node.kind));
    expect([...kinds].some((kind) => ALERT_KINDS.includes(String(kind)))).toBe(true);
  });

  it('runs every service as its own process', () => {
    expect(mode.processes.size).toBe(25);
    const pids = new Set([...mode.processes.values()].map((p) => p.pid));
    expect(pids.size).toBe(25);
    expect(pids.has(process.pid)).toBe(false);
  });

  it("serves the explorer from dist/'s prebuilt bundle, with no role picker (this gateway holds no signing key)", async () => {
    const page = await fetch(new URL('/explorer', mode.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('"tokenPath":null');
    const script = await fetch(new URL('/explorer/explorer.js', mode.url));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect(
      (
        await fetch(new URL('/explorer/token', mode.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"role":"national-analyst"}',
        })
      ).status,
    ).toBe(404);
  });

  it('answers a cross-authority question through the gateway', async () => {
    const token = await mode.token({ sub: 'vsh', role: 'virtual-school-head', authority: GWYNEDD });
    const { body } = await mode.graphql(token, `{ learner(id: "${child.learnerId}") { id homeAuthority { nameCy } currentPlacement { authority { code } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.['learner']).toEqual({
      id: child.learnerId,
      homeAuthority: { nameCy: 'Gwynedd' },
      currentPlacement: { authority: { code: child.hostAuthority } },
    });
  });

  it('answers AUTHORITY_UNAVAILABLE for a killed authority within 2 s, the rest in full, and restarts it', async () => {
    const token = await mode.token({ sub: 'vsh', role: 'virtual-school-head', authority: CONWY });
    const before = await mode.graphql(token, LEARNERS);
    expect(before.body.errors).toBeUndefined();
    const gwynedd = mode.processes.get(GWYNEDD);
    const pid = gwynedd?.pid;
    if (!gwynedd || !pid) throw new Error('Gwynedd is not running');

    const killed = performance.now();
    process.kill(pid, 'SIGKILL');
    const { body } = await mode.graphql(token, LEARNERS);
    const waited = performance.now() - killed;
    console.log(`AUTHORITY_UNAVAILABLE ${waited.toFixed(0)} ms after the kill`);
    expect(waited).toBeLessThan(2_000);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'AUTHORITY_UNAVAILABLE', authority: GWYNEDD }) })]);
    // Everyone else's part is whole: the same children as before, less Gwynedd's.
    expect(ids(body.data)).toEqual(ids(before.body.data).filter((id) => !id.startsWith(GWYNEDD)));
    expect(ids(body.data).some((id) => id.startsWith(CONWY))).toBe(true);

    await gwynedd.whenListening();
    const back = performance.now() - killed;
    console.log(`Gwynedd listening again ${back.toFixed(0)} ms after the kill (back-off ${RESTART_BACKOFF_MS} ms)`);
    expect(gwynedd.restarts).toBe(1);
    expect(gwynedd.pid).not.toBe(pid);
    const after = await mode.graphql(token, LEARNERS);
    expect(after.body.errors).toBeUndefined();
    expect(ids(after.body.data)).toEqual(ids(before.body.data));
  });

  it('answers without a hung authority within the bounded time, naming it', async () => {
    const token = await mode.token({ sub: 'vsh', role: 'virtual-school-head', authority: CONWY });
    const pid = mode.processes.get(GWYNEDD)?.pid;
    if (!pid) throw new Error('Gwynedd is not running');
    process.kill(pid, 'SIGSTOP');
    try {
      const started = performance.now();
      const { body } = await mode.graphql(token, LEARNERS);
      const waited = performance.now() - started;
      expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'AUTHORITY_UNAVAILABLE', authority: GWYNEDD }) })]);
      expect(body.errors?.[0]?.message).toContain(`did not answer within ${TIMEOUT_MS} ms`);
      expect(ids(body.data).some((id) => id.startsWith(CONWY))).toBe(true);
      // Bounded: the timeout, not however long the hung process would take.
      expect(waited).toBeLessThan(TIMEOUT_MS + 3_000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });

  it('a service told to stop (SIGTERM) finishes and exits cleanly; the supervisor starts it again', async () => {
    const anglesey = mode.processes.get('W06000001');
    const pid = anglesey?.pid;
    if (!anglesey || !pid) throw new Error('Anglesey is not running');
    process.kill(pid, 'SIGTERM');
    await expect.poll(() => anglesey.restarts, { timeout: 10_000 }).toBe(1);
    expect(anglesey.lastExit).toBe('code 0');
    await anglesey.whenListening();
    expect(anglesey.pid).not.toBe(pid);
  });

  it('runs the gateway as 2 workers that both answer, with metrics summed over them; a killed worker is replaced while the other answers', async () => {
    const primary = mode.processes.get('gateway')?.pid;
    if (!primary) throw new Error('the gateway is not running');
    const workers = childProcesses(primary);
    expect(workers).toHaveLength(2);
    const token = await mode.token({ sub: 'vsh', role: 'virtual-school-head', authority: CONWY });

    const before = await scrape();
    await askTimes(token, 8);
    const after = await scrape();
    // Summed: the primary's one scrape counts every request, whichever worker took it.
    expect(sampleSum(after, 'graphql_requests_total') - sampleSum(before, 'graphql_requests_total')).toBe(8);
    for (const worker of ['1', '2'])
      expect(
        sampleSum(after, 'service_worker_http_requests_total', { worker }) - sampleSum(before, 'service_worker_http_requests_total', { worker }),
      ).toBeGreaterThan(0);
    expect(sampleSum(after, 'service_workers_listening')).toBe(2);

    const [killed, survivor] = workers as [number, number];
    process.kill(killed, 'SIGKILL');
    // Once the primary has reaped it (it is gone from /proc), every new connection goes to the survivor.
    await expect.poll(() => childProcesses(primary).includes(killed), { timeout: 5_000, interval: 20 }).toBe(false);
    await askTimes(token, 4);

    await expect.poll(() => childProcesses(primary).length, { timeout: 30_000, interval: 200 }).toBe(2);
    const replacement = childProcesses(primary).find((pid) => pid !== survivor);
    expect(replacement).not.toBe(killed);
    await expect.poll(async () => sampleSum(await scrape(), 'service_workers_listening'), { timeout: 30_000, interval: 250 }).toBe(2);
    const replaced = await scrape();
    expect(sampleSum(replaced, 'service_worker_restarts_total')).toBe(1);
    await askTimes(token, 6);
    const served = await scrape();
    // The replacement takes its share: both slots count again.
    for (const worker of ['1', '2'])
      expect(
        sampleSum(served, 'service_worker_http_requests_total', { worker }) - sampleSum(replaced, 'service_worker_http_requests_total', { worker }),
      ).toBeGreaterThan(0);
  });
});
