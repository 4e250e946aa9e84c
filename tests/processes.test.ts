// Process mode: the whole platform as 25 OS processes started from the built entry points (dist/), as
// production runs them. Cross-authority queries work; a killed authority is answered for as
// AUTHORITY_UNAVAILABLE at once while the rest answer in full; the supervisor brings it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAuthorityDatabase } from '@wales-lac/db';
import { startTestProcessMode, type TestProcessMode } from './support/process-mode.ts';

const GWYNEDD = 'W06000002';
const CONWY = 'W06000003';
// Long enough that the answer right after the kill is asked while the authority is still down.
const RESTART_BACKOFF_MS = 1500;
// Short, so the hung-authority case is quick; still well above a warm authority's answer on a shared machine.
const TIMEOUT_MS = 3000;

let mode: TestProcessMode;
let child: { learnerId: string; hostAuthority: string };

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
const ids = (data: Record<string, any> | null | undefined): string[] => data?.['learners'].edges.map((e: { node: { id: string } }) => e.node.id) ?? [];

beforeAll(async () => {
  mode = await startTestProcessMode({ RESTART_BACKOFF_MS: String(RESTART_BACKOFF_MS), SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) });
  console.log(`process mode: ${mode.processes.size} processes, gateway answering ${mode.startSeconds.toFixed(1)} s after the call (databases, seed, services)`);
  child = await childPlacedOutOfCounty(GWYNEDD);
});

afterAll(async () => {
  await mode?.stop();
});

describe('process mode', () => {
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
    expect((await fetch(new URL('/explorer/token', mode.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"role":"national-analyst"}' })).status).toBe(404);
  });

  it('answers a cross-authority question through the gateway', async () => {
    const token = await mode.token({ sub: 'vsh', role: 'virtual-school-head', authority: GWYNEDD });
    const { body } = await mode.graphql(token, `{ learner(id: "${child.learnerId}") { id homeAuthority { nameCy } currentPlacement { authority { code } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.['learner']).toEqual({ id: child.learnerId, homeAuthority: { nameCy: 'Gwynedd' }, currentPlacement: { authority: { code: child.hostAuthority } } });
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
});
