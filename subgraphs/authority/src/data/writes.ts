// Writes: each in one transaction with its audit row, applied once per idempotency key, and refused
// when based on a stale PEP version.
import { eq, sql } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import type { NewAuditRow } from './audit.ts';
import type { PepRow, PepTargetRow } from './history.ts';

const { peps, pepTargets, appliedWrites, auditLog } = authoritySchema;

export async function targetWithPep(db: AuthorityDatabase, targetId: string): Promise<{ target: PepTargetRow; pep: PepRow } | null> {
  const rows = await db.select({ target: pepTargets, pep: peps }).from(pepTargets).innerJoin(peps, eq(peps.id, pepTargets.pepId)).where(eq(pepTargets.id, targetId));
  return rows[0] ?? null;
}

export interface TargetProgressChange {
  readonly targetId: string;
  readonly pepId: string;
  readonly progress: string;
  readonly pepVersion: number;
  readonly idempotencyKey: string;
  readonly actorSubject: string;
}

export type WriteOutcome =
  | { readonly kind: 'applied'; readonly pepId: string }
  | { readonly kind: 'replayed'; readonly pepId: string }
  | { readonly kind: 'conflict'; readonly currentVersion: number }
  | { readonly kind: 'key-reused' };

const OPERATION = 'recordTargetProgress';

export async function recordTargetProgress(db: AuthorityDatabase, change: TargetProgressChange, audit: NewAuditRow): Promise<WriteOutcome> {
  return db.transaction(async (tx) => {
    // Lock the plan first: concurrent edits of one PEP queue here, then see each other's version.
    const [pep] = await tx.select().from(peps).where(eq(peps.id, change.pepId)).for('update');
    const [prior] = await tx.select().from(appliedWrites).where(eq(appliedWrites.idempotencyKey, change.idempotencyKey));
    if (prior) {
      const sameRequest = prior.actorSubject === change.actorSubject && prior.operation === OPERATION;
      return sameRequest ? { kind: 'replayed', pepId: (prior.result as { pepId: string }).pepId } : { kind: 'key-reused' };
    }
    if (!pep || pep.version !== change.pepVersion) return { kind: 'conflict', currentVersion: pep?.version ?? 0 };
    await tx.update(pepTargets).set({ progress: change.progress }).where(eq(pepTargets.id, change.targetId));
    await tx.update(peps).set({ version: sql`${peps.version} + 1`, updatedAt: new Date() }).where(eq(peps.id, change.pepId));
    await tx.insert(auditLog).values(audit);
    await tx.insert(appliedWrites).values({ idempotencyKey: change.idempotencyKey, actorSubject: change.actorSubject, operation: OPERATION, result: { pepId: change.pepId } });
    return { kind: 'applied', pepId: change.pepId };
  });
}
