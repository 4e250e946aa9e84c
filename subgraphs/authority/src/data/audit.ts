// The authority's append-only audit log: written in batches, read back as a child's access history.
import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';

const { auditLog } = authoritySchema;
export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/** Anything that can run a statement: the database or an open transaction. */
type Writer = Pick<AuthorityDatabase, 'execute'>;

/** The columns the service writes; the rest are the database's (id, and the chain the trigger fills). */
function auditRecord(row: NewAuditRow) {
  return {
    at: row.at instanceof Date ? row.at.toISOString() : null,
    actor_subject: row.actorSubject,
    actor_role: row.actorRole,
    actor_authority: row.actorAuthority ?? null,
    learner_id: row.learnerId,
    action: row.action,
    decision: row.decision,
    field_classes: row.fieldClasses,
    fields: row.fields,
    operation_name: row.operationName ?? null,
    outside_caseload: row.outsideCaseload ?? false,
    reason_purpose: row.reasonPurpose ?? null,
    reason_note: row.reasonNote ?? null,
  };
}

/**
 * One statement, one parameter, however many rows: the batch goes as JSON and PostgreSQL unpacks it.
 * (drizzle's multi-row insert builds and types each of the batch's ten parameters per row one by one,
 * which was the largest cost of reading a page of 500 learners: docs/performance.md.)
 */
export async function appendAuditRows(db: Writer, rows: readonly NewAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`insert into audit_log (at, actor_subject, actor_role, actor_authority, learner_id, action, decision, field_classes, fields, operation_name, outside_caseload, reason_purpose, reason_note)
    select coalesce(r.at, now()), r.actor_subject, r.actor_role, r.actor_authority, r.learner_id, r.action, r.decision, r.field_classes, r.fields, r.operation_name,
      r.outside_caseload, r.reason_purpose, r.reason_note
    from jsonb_array_elements(${JSON.stringify(rows.map(auditRecord))}::jsonb) with ordinality as batch(row, n)
    cross join lateral jsonb_populate_record(null::audit_log, batch.row) as r
    order by batch.n`);
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
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(query.first + 1);
  return { rows: rows.slice(0, query.first), hasNextPage: rows.length > query.first };
}
