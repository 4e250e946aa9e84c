// The authority's append-only audit log: written in batches, read back as a child's access history.
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';

const { auditLog } = authoritySchema;
export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/** Anything that can run an insert: the database or an open transaction. */
type Writer = Pick<AuthorityDatabase, 'insert'>;

export async function appendAuditRows(db: Writer, rows: readonly NewAuditRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(auditLog).values([...rows]);
}

export interface HistoryQuery {
  readonly learnerId: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly first: number;
  /** Only entries older than this id (newest first). */
  readonly beforeId: number | null;
}

export async function accessHistory(db: AuthorityDatabase, query: HistoryQuery): Promise<{ rows: AuditRow[]; hasNextPage: boolean }> {
  const filters: SQL[] = [eq(auditLog.learnerId, query.learnerId)];
  if (query.from) filters.push(gte(auditLog.at, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) filters.push(lte(auditLog.at, new Date(`${query.to}T23:59:59.999Z`)));
  if (query.beforeId !== null) filters.push(lt(auditLog.id, query.beforeId));
  const rows = await db.select().from(auditLog).where(and(...filters)).orderBy(desc(auditLog.id)).limit(query.first + 1);
  return { rows: rows.slice(0, query.first), hasNextPage: rows.length > query.first };
}
