// Writes: each in one transaction with its audit row, applied once per idempotency key. The change
// itself is a callback given the open transaction; throwing from it rolls everything back.
import { and, eq, sql } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import type { NewAuditRow } from './audit.ts';
import type { PepRow, PepTargetRow } from './history.ts';

const { learners, peps, pepTargets, appliedWrites, auditLog } = authoritySchema;

/** An open transaction on an authority database. */
export type Transaction = Parameters<Parameters<AuthorityDatabase['transaction']>[0]>[0];

export interface WriteRequest {
  readonly idempotencyKey: string;
  readonly actorSubject: string;
  /** The mutation's name: a key reused for another kind of change is refused. */
  readonly operation: string;
  /** What the change asked for (a hash of its input): a key reused for a different change is refused. */
  readonly fingerprint: string;
  /** One row per child the change concerns; none for a change that writes no child's data (it audits its read itself). */
  readonly audit: NewAuditRow | readonly NewAuditRow[];
}

export type ApplyOutcome<R> =
  { readonly kind: 'applied'; readonly result: R } | { readonly kind: 'replayed'; readonly result: R } | { readonly kind: 'key-reused' };

/** What applied_writes keeps of a change: what was asked (hashed) and what it answered. */
export interface StoredResult<R> {
  readonly fingerprint: string;
  readonly result: R;
}

/** Runs `change` once per idempotency key, in one transaction with its audit row; a retry gets the first result. */
export async function applyOnce<R>(db: AuthorityDatabase, request: WriteRequest, change: (tx: Transaction) => Promise<R>): Promise<ApplyOutcome<R>> {
  return db.transaction(async (tx) => {
    // Two deliveries of one retried request queue here, so the second sees the first's result.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${request.idempotencyKey}))`);
    const [prior] = await tx.select().from(appliedWrites).where(eq(appliedWrites.idempotencyKey, request.idempotencyKey));
    if (prior) {
      const stored = prior.result as StoredResult<R>;
      const sameRequest = prior.actorSubject === request.actorSubject && prior.operation === request.operation && stored.fingerprint === request.fingerprint;
      return sameRequest ? { kind: 'replayed', result: stored.result } : { kind: 'key-reused' };
    }
    const result = await change(tx);
    const audit: readonly NewAuditRow[] = Array.isArray(request.audit) ? request.audit : [request.audit as NewAuditRow];
    if (audit.length > 0) await tx.insert(auditLog).values([...audit]);
    const stored: StoredResult<R> = { fingerprint: request.fingerprint, result };
    await tx
      .insert(appliedWrites)
      .values({ idempotencyKey: request.idempotencyKey, actorSubject: request.actorSubject, operation: request.operation, result: stored });
    return { kind: 'applied', result };
  });
}

/** The next id of a record kind in this authority (e.g. W06000015:EX000012), serialised per kind. */
export async function nextRecordId(
  tx: Transaction,
  table:
    | 'peps'
    | 'pep_targets'
    | 'exclusions'
    | 'reduced_timetables'
    | 'education_other_than_at_school'
    | 'sdq_assessments'
    | 'interventions'
    | 'placements'
    | 'enrolments'
    | 'notifications'
    | 'staff_allocations'
    | 'pep_meetings'
    | 'documents',
  authorityCode: string,
  kind: string,
): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`next-id:${kind}`}))`);
  const pattern = `^${authorityCode}:${kind}[0-9]+$`;
  const rows = await tx.execute(
    sql`select coalesce(max(substring(id from ${`${kind}([0-9]+)$`})::bigint), 0) + 1 as next from ${sql.identifier(table)} where id ~ ${pattern}`,
  );
  const next = Number((rows as unknown as { next: string | number }[])[0]?.next ?? 1);
  return `${authorityCode}:${kind}${String(next).padStart(6, '0')}`;
}

/** Locks a learner's row: changes that depend on all of the child's plans (starting one) queue here. */
export async function lockLearner(tx: Transaction, learnerId: string): Promise<void> {
  await tx.select({ id: learners.id }).from(learners).where(eq(learners.id, learnerId)).for('update');
}

/** Locks a PEP for a change; null when it does not exist. Concurrent edits of one plan queue here. */
export async function lockPep(tx: Transaction, pepId: string): Promise<PepRow | null> {
  const [pep] = await tx.select().from(peps).where(eq(peps.id, pepId)).for('update');
  return pep ?? null;
}

export async function bumpPepVersion(
  tx: Transaction,
  pepId: string,
  changes: Partial<Pick<PepRow, 'status' | 'completedOn' | 'lastReviewedOn' | 'nextReviewDue'>> = {},
): Promise<void> {
  await tx
    .update(peps)
    .set({ ...changes, version: sql`${peps.version} + 1`, updatedAt: new Date() })
    .where(eq(peps.id, pepId));
}

export async function targetWithPep(db: AuthorityDatabase, targetId: string): Promise<{ target: PepTargetRow; pep: PepRow } | null> {
  const rows = await db
    .select({ target: pepTargets, pep: peps })
    .from(pepTargets)
    .innerJoin(peps, eq(peps.id, pepTargets.pepId))
    .where(eq(pepTargets.id, targetId));
  return rows[0] ?? null;
}

export async function setTargetProgress(tx: Transaction, targetId: string, pepId: string, progress: string): Promise<void> {
  await tx
    .update(pepTargets)
    .set({ progress })
    .where(and(eq(pepTargets.id, targetId), eq(pepTargets.pepId, pepId)));
}

/** The change already applied under this key, if any. */
export async function appliedWrite(
  db: AuthorityDatabase,
  idempotencyKey: string,
): Promise<{ actorSubject: string; operation: string; result: StoredResult<unknown> } | null> {
  const [row] = await db.select().from(appliedWrites).where(eq(appliedWrites.idempotencyKey, idempotencyKey));
  return row ? { actorSubject: row.actorSubject, operation: row.operation, result: row.result as StoredResult<unknown> } : null;
}
