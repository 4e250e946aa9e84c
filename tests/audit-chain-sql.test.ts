// The audit chain's trigger (migrations 0012 and 0014: the head is carried row to row within a transaction
// and written once per statement) chains every way the service and an operator write: many rows in one
// statement, several statements in one transaction, a savepoint rolled back, concurrent transactions. After
// each, the chain verifies and the head is the last row's. Asked on a small scratch authority database.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import {
  connectAuthorityDatabase,
  databaseName,
  dropDatabases,
  ensureDatabases,
  migrateAuthorityDatabase,
  verifyAuditChain,
  type AuthorityDatabase,
  type Connection,
} from '@wales-lac/db';

let scratch: Connection<AuthorityDatabase>;
let topology: { national: string; authorities: Map<string, string> };

beforeAll(async () => {
  const url = new URL(inject('databaseServerUrl'));
  url.pathname = `/${databaseName(`c${Date.now().toString(36)}`, 'chain')}`;
  topology = { national: url.toString(), authorities: new Map() };
  await ensureDatabases(inject('databaseServerUrl'), topology);
  scratch = connectAuthorityDatabase(url.toString(), { max: 12 });
  await migrateAuthorityDatabase(scratch.db);
});

afterAll(async () => {
  await scratch?.close();
  if (topology) await dropDatabases(inject('databaseServerUrl'), topology);
});

const ROW = `insert into audit_log (actor_subject, actor_role, learner_id, action, decision, field_classes, fields)
  select 'vsh-' || n, 'virtual-school-head', 'W06000015:L' || n, 'read', 'allowed', array['identity'], array['Learner.legalGivenName']`;

/** The chain verifies, holds `rows` rows, and its head is the last row's position and hash. */
async function expectIntactChain(rows: number) {
  const report = await verifyAuditChain(scratch.sql);
  expect(report.broken).toBeNull();
  expect(report.rows).toBe(rows);
  const [head] = await scratch.sql<{ position: string; hash: string }[]>`select position::text, hash from audit_chain_head`;
  const [last] = await scratch.sql<
    { position: string; hash: string }[]
  >`select chain_position::text as position, row_hash as hash from audit_log order by chain_position desc limit 1`;
  expect(head).toEqual(last);
}

describe('the audit chain trigger', () => {
  it('chains 500 rows written by one statement and moves the head once to the last of them', async () => {
    await scratch.sql.unsafe(`${ROW} from generate_series(1, 500) n`);
    await expectIntactChain(500);
  });

  it('chains several statements in one transaction, continuing from the row before', async () => {
    await scratch.sql.begin(async (tx) => {
      await tx.unsafe(`${ROW} from generate_series(1, 3) n`);
      await tx.unsafe(`${ROW} from generate_series(4, 5) n`);
    });
    await expectIntactChain(505);
  });

  it('leaves no gap when a savepoint with rows in it is rolled back', async () => {
    await scratch.sql.begin(async (tx) => {
      await tx.unsafe(`${ROW} from generate_series(1, 2) n`);
      await tx
        .savepoint(async (inner) => {
          await inner.unsafe(`${ROW} from generate_series(3, 4) n`);
          throw new Error('roll the savepoint back');
        })
        .catch(() => undefined);
      await tx.unsafe(`${ROW} from generate_series(5, 6) n`);
    });
    await expectIntactChain(509);
  });

  it('chains concurrent writers without a fork', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => scratch.sql.begin((tx) => tx.unsafe(`${ROW} from generate_series(${i * 10 + 1}, ${i * 10 + 10}) n`))),
    );
    await expectIntactChain(609);
  });

  it('a failed statement changes neither the log nor the head', async () => {
    await expect(
      scratch.sql.unsafe(`insert into audit_log (actor_subject, actor_role, learner_id, action, decision, field_classes, fields)
      select 's', 'r', 'W06000015:L' || n, case when n = 3 then 'not-an-action' else 'read' end, 'allowed', array['identity'], array['f'] from generate_series(1, 5) n`),
    ).rejects.toThrow(/audit_log_action/);
    await expectIntactChain(609);
  });
});
