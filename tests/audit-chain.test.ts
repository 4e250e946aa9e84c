// The audit log is a hash chain in each authority (migration 0012): rows written by real requests, many
// at once, chain without a fork; `npm run audit:verify` finds every chain intact, and after a superuser
// edits one row (or deletes one) it names that row and says why, and exits 1.
import { spawn } from 'node:child_process';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '@wales-lac/platform';
import { ownConnection } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const SWANSEA = 'W06000011';

let platform: TestPlatform;
beforeAll(async () => {
  // Twenty fan-out reads at once below: room for all of them (the fan-out bound is tested in request-budget.test.ts).
  platform = await startTestPlatform({ env: { BENCHMARK_REFRESH_MINUTES: '0', LIMIT_FAN_OUT_IN_FLIGHT: '100' } });
});
afterAll(async () => platform?.stop());

/** Runs the command as an operator would, against this test's databases. */
function auditVerify(): Promise<{ code: number | null; out: string }> {
  const prefix = new URL(platform.databases.topology.national).pathname.slice(1).replace(/_national$/, '');
  const child = spawn('npm', ['run', '--silent', 'audit:verify'], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, DATABASE_URL: platform.databases.serverUrl, DATABASE_PREFIX: prefix, PROFILE: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

const lineOf = (out: string, code: string) => out.split('\n').find((line) => line.startsWith(code)) ?? '';

describe('the audit hash chain', () => {
  it('chains rows written by many requests at once, with no fork', async () => {
    const token = await platform.token({ sub: 'vsh-cardiff', role: 'virtual-school-head', authority: CARDIFF });
    // Twenty caseload reads at once: each writes its audit rows in Cardiff (and elsewhere) concurrently.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => platform.graphql(token, '{ learners(first: 20) { edges { node { id legalGivenName } } } }')),
    );
    for (const answer of answers) expect(answer.body.errors ?? []).toEqual([]);
    // Two writers in open transactions: the second waits on the chain head until the first commits.
    const [a, b] = [ownConnection(platform, CARDIFF), ownConnection(platform, CARDIFF)];
    try {
      const insert = (sql: postgres.Sql | postgres.TransactionSql, subject: string) =>
        sql`insert into audit_log (actor_subject, actor_role, learner_id, action, decision, field_classes, fields) values (${subject}, 'virtual-school-head', ${`${CARDIFF}:L000001`}, 'read', 'allowed', ${['identity']}, ${['Learner.legalGivenName']})`;
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = a.begin(async (tx) => {
        await insert(tx, 'writer-1');
        await held;
      });
      await new Promise((r) => setTimeout(r, 100));
      let secondDone = false;
      const second = b.begin((tx) => insert(tx, 'writer-2')).then(() => (secondDone = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(secondDone).toBe(false); // queued on the chain head the first writer holds
      release();
      await Promise.all([first, second]);
      const positions = await a<
        { n: string; distinct: string; max: string }[]
      >`select count(*)::text as n, count(distinct chain_position)::text as distinct, max(chain_position)::text as max from audit_log`;
      expect(positions[0]?.distinct).toBe(positions[0]?.n);
      expect(positions[0]?.max).toBe(positions[0]?.n);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    const { code, out } = await auditVerify();
    expect(out.trim().split('\n')).toHaveLength(22);
    expect(lineOf(out, CARDIFF)).toMatch(/^W06000015 Cardiff: intact, \d+ rows$/);
    expect(Number(/intact, (\d+) rows/.exec(lineOf(out, CARDIFF))?.[1])).toBeGreaterThan(20);
    expect(code).toBe(0);
  });

  it('names the row a superuser edited, and the row after one a superuser deleted', async () => {
    // Swansea's own education lead reads its register, so that Swansea's chain has rows too.
    const swanseaLead = await platform.token({ sub: 'vsh-swansea', role: 'virtual-school-head', authority: SWANSEA });
    expect((await platform.graphql(swanseaLead, '{ learners(first: 20) { edges { node { id legalGivenName } } } }')).body.errors ?? []).toEqual([]);
    const cardiff = ownConnection(platform, CARDIFF);
    const swansea = ownConnection(platform, SWANSEA);
    try {
      const [role] = await cardiff<{ rolsuper: boolean }[]>`select rolsuper from pg_roles where rolname = current_user`;
      expect(role?.rolsuper).toBe(true);
      const [edited] = await cardiff<
        { id: string; chain_position: string }[]
      >`select id::text, chain_position::text from audit_log a order by a.chain_position offset 5 limit 1`;
      if (!edited) throw new Error('Cardiff has too few audit rows');
      // Only a superuser can lift the append-only trigger; the edit covers someone's read of a child.
      await cardiff.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await tx`update audit_log set actor_subject = 'someone-else' where id = ${edited.id}`;
      });
      const [next] = await swansea<
        { id: string; chain_position: string }[]
      >`select id::text, chain_position::text from audit_log a order by a.chain_position offset 3 limit 2`.then((rows) => rows.slice(1));
      if (!next) throw new Error('Swansea has too few audit rows');
      await swansea.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await tx`delete from audit_log where chain_position = ${Number(next.chain_position) - 1}`;
      });

      const { code, out } = await auditVerify();
      expect(code).toBe(1);
      expect(lineOf(out, CARDIFF)).toBe(
        `W06000015 Cardiff: BROKEN at audit_log row ${edited.id} (position ${edited.chain_position}), after ${Number(edited.chain_position) - 1} intact rows: its content does not match its hash: it was changed after it was written`,
      );
      expect(lineOf(out, SWANSEA)).toContain(`BROKEN at audit_log row ${next.id} (position ${next.chain_position})`);
      expect(lineOf(out, SWANSEA)).toContain('a row before it is missing');
      expect(out.split('\n').filter((line) => line.includes('BROKEN'))).toHaveLength(2);
    } finally {
      await Promise.all([cardiff.end(), swansea.end()]);
    }
  });
});
