// Verifies one authority's audit hash chain (migration 0012): every row in position order, each row's
// previous hash the hash of the row before it, each row's hash sha256(previous hash || its content)
// recomputed here, and the chain's head at the last row. Reports the first row where any of this fails.
import { createHash } from 'node:crypto';
import postgres, { type Sql } from 'postgres';

export interface BrokenLink {
  /** The audit_log id of the first row that does not fit the chain. */
  readonly id: number;
  readonly position: number | null;
  readonly reason: string;
}

export interface ChainReport {
  /** Rows checked before the first break (all rows when intact). */
  readonly rows: number;
  readonly broken: BrokenLink | null;
}

interface ChainRow {
  id: string;
  chain_position: string | null;
  previous_hash: string | null;
  row_hash: string | null;
  content: string;
}

const GENESIS = '0'.repeat(64);
const BATCH = 1_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The first problem with one row, given the position and hash the chain expects of it. */
function problemOf(row: ChainRow, position: number, previous: string): string | null {
  if (row.chain_position === null || row.row_hash === null) return 'it is not in the chain (no position or hash)';
  if (Number(row.chain_position) !== position) return `it is at position ${row.chain_position} where ${position} was expected: a row before it is missing`;
  if (row.previous_hash !== previous) return 'its previous hash is not the hash of the row before it';
  if (sha256(row.previous_hash + row.content) !== row.row_hash) return 'its content does not match its hash: it was changed after it was written';
  return null;
}

/** Walks the whole chain in batches (memory bounded however long the log). Read-only. */
export async function verifyAuditChain(sql: Sql): Promise<ChainReport> {
  // A row outside the chain sorts last by position; it is reported by id once the chained rows check out.
  let rows = 0;
  let previous = GENESIS;
  const cursor = sql<ChainRow[]>`
    select id::text, chain_position::text, previous_hash, row_hash, audit_row_content(a) as content
    from audit_log a order by a.chain_position nulls last, a.id`.cursor(BATCH);
  for await (const batch of cursor) {
    for (const row of batch) {
      const reason = problemOf(row, rows + 1, previous);
      if (reason) return { rows, broken: { id: Number(row.id), position: row.chain_position === null ? null : Number(row.chain_position), reason } };
      rows += 1;
      previous = row.row_hash ?? '';
    }
  }
  const [head] = await sql<{ position: string; hash: string }[]>`select position::text, hash from audit_chain_head where id = 1`;
  if (!head) return { rows, broken: { id: 0, position: null, reason: 'the chain has no head row' } };
  if (Number(head.position) !== rows || head.hash !== previous) {
    return {
      rows,
      broken: {
        id: 0,
        position: Number(head.position),
        reason: `the chain's head is at position ${head.position} but the last row is at ${rows}: rows at the end are missing`,
      },
    };
  }
  return { rows, broken: null };
}

/** Verifies the chain of the database at `url` on a connection of its own. */
export async function verifyAuditChainAt(url: string): Promise<ChainReport> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    return await verifyAuditChain(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Whether a server answers at `url` (a running platform's embedded one, say). */
export async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => undefined });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}
