// An authority's database dropping every connection, as a restart or failover does to its clients: the next
// request is answered, a write cut off half-way changed nothing and says so with a code, and a retry with the
// same idempotency key applies it once. (PostgreSQL is shared here, so the restart is simulated the way
// clients see one: the server terminates every connection to that database.)
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownConnection as connectTo } from './support/fixtures.ts';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const SWANSEA = 'W06000011';
const WRITE = 'mutation($input: WritePepSectionInput!) { writePepSection(input: $input) { applied pep { version supportSection: support { body } } } }';

let platform: TestPlatform;
let lead: string;
let child: ChildUnderCare;
beforeAll(async () => {
  platform = await startTestPlatform();
  lead = await platform.token({ sub: 'vsh-swansea', role: 'virtual-school-head', authority: SWANSEA });
  child = await childUnderCare(platform, SWANSEA, ['draft', 'in-review']);
});
afterAll(async () => platform?.stop());

/** A connection of the test's own to the authority's database, outside the platform's pool. */
const ownConnection = () => connectTo(platform, SWANSEA);

/** The plan's version, read on a connection of the test's own (the platform's pool is what is under test). */
async function versionNow(): Promise<number | undefined> {
  const own = ownConnection();
  try {
    return (await own<{ version: number }[]>`select version from peps where id = ${child.pepId}`)[0]?.version;
  } finally {
    await own.end();
  }
}

/** What a restart does to the platform: every other connection to the database is cut (waiting until each is gone). */
async function cutConnections(own: postgres.Sql): Promise<number> {
  const rows = await own<{ cut: boolean }[]>`
    select pg_terminate_backend(pid, 5000) as cut from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return rows.filter((r) => r.cut).length;
}

describe("an authority's database that drops every connection", () => {
  it('leaves a write it cuts off unapplied, says so, and applies it once on a retry with the same key', async () => {
    // First in the file: no earlier cut has left dead connections in the pool for the write to meet before its lock.
    const version = (await within(versionNow(), 'reading the version')) ?? 0;
    const input = {
      pep: child.pepId,
      section: 'SUPPORT',
      body: 'Tutoring twice a week, paid from the grant.',
      language: 'EN',
      pepVersion: version,
      idempotencyKey: `restart-${Date.now()}`,
    };
    const cutOff = await cutOffWhileLocked(
      async (tx) => void (await tx`select id from peps where id = ${child.pepId} for update`),
      () => platform.graphql(lead, WRITE, { input }),
    );
    expect(cutOff.body.data?.writePepSection ?? null).toBeNull();
    expect(cutOff.body.errors?.[0]?.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', authority: SWANSEA });
    expect(cutOff.body.errors?.[0]?.message).toContain('not confirmed');
    expect(await versionNow()).toBe(version);

    // As a client would: send it again, with the same key, until the authority answers.
    let retried = await platform.graphql(lead, WRITE, { input });
    for (let attempt = 0; attempt < 10 && retried.body.errors?.[0]?.extensions?.code === 'DATABASE_UNAVAILABLE'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      retried = await platform.graphql(lead, WRITE, { input });
    }
    expect(retried.body.errors).toBeUndefined();
    expect(retried.body.data?.writePepSection).toMatchObject({ pep: { version: version + 1, supportSection: { body: input.body } } });
    const again = await platform.graphql(lead, WRITE, { input });
    expect(again.body.data?.writePepSection).toMatchObject({ applied: false, pep: { version: version + 1 } });
    expect(await versionNow()).toBe(version + 1);
  });
  it('answers the next request as before', async () => {
    const query = '{ learner(id: $id) { id legalGivenName } }'.replace('$id', JSON.stringify(child.learnerId));
    const before = await platform.graphql(lead, query);
    expect(before.body.errors).toBeUndefined();
    const own = ownConnection();
    try {
      expect(await cutConnections(own)).toBeGreaterThan(0);
    } finally {
      await own.end();
    }
    const after = await platform.graphql(lead, query);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual(before.body.data);
  });

  it('answers a read it cuts off half-way, by asking again on fresh connections', async () => {
    const query = '{ learner(id: $id) { id legalGivenName placements { id } } }'.replace('$id', JSON.stringify(child.learnerId));
    const expected = (await platform.graphql(lead, query)).body.data;
    const answer = await cutOffWhileLocked(
      async (tx) => void (await tx`lock table learners in access exclusive mode`),
      () => platform.graphql(lead, query),
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual(expected);
  });
});

/**
 * Sends a request while a lock of the test's own holds it up inside the database, then cuts every
 * connection (the lock's too) and returns the answer.
 */
async function cutOffWhileLocked<T>(lock: (tx: postgres.TransactionSql) => Promise<void>, send: () => Promise<T>): Promise<T> {
  const holder = ownConnection();
  const cutter = ownConnection();
  try {
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    let release = () => {};
    const holds = holder
      .begin(async (tx) => {
        await lock(tx);
        holding();
        await new Promise<void>((resolve) => (release = resolve));
      })
      .catch(() => undefined); // cut with the rest
    await within(held, 'taking the lock');
    const pending = send();
    await within(waitUntilWaitingOnLock(cutter), 'waiting for the request to reach the lock');
    await within(cutConnections(cutter), 'cutting the connections');
    const answer = await within(pending, 'the cut-off request');
    release();
    await within(holds, 'releasing the lock');
    return answer;
  } finally {
    // The holder's connection was cut: end() would wait for it to drain, so it is closed outright after 1 s.
    await within(Promise.all([holder.end({ timeout: 1 }), cutter.end({ timeout: 1 })]), 'closing the test connections');
  }
}

async function waitUntilWaitingOnLock(own: postgres.Sql): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const rows = await own`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no request came to wait on the lock');
}

/** A step that must finish in 20 s, named if it does not (rather than a bare test timeout). */
function within<T>(step: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no end to ${what} within 20 s`)), 20_000)));
  return Promise.race([step, late]).finally(() => clearTimeout(timer));
}
