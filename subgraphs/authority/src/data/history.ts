// Placements, enrolments and PEPs of many learners at once, for DataLoader batches.
import { asc, desc } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import { groupBy } from './grouping.ts';
import { anyId, byIds } from './id-list.ts';

const { placements, enrolments, peps, pepTargets, staffAllocations } = authoritySchema;
export type PlacementRow = typeof placements.$inferSelect;
export type EnrolmentRow = typeof enrolments.$inferSelect;
export type PepRow = typeof peps.$inferSelect;
export type PepTargetRow = typeof pepTargets.$inferSelect;
export type StaffAllocationRow = typeof staffAllocations.$inferSelect;

/** Placements per learner, most recent first. */
export async function placementsOfLearners(db: AuthorityDatabase, learnerIds: readonly string[]): Promise<Map<string, PlacementRow[]>> {
  const rows = await byIds(db, learnerIds, 'placements_by_learner_id', (d, i) =>
    d.select().from(placements).where(anyId(placements.learnerId, i)).orderBy(desc(placements.startedOn), asc(placements.id)),
  );
  return groupBy(rows, (r) => r.learnerId);
}

/** Enrolments per learner, most recent first. */
export async function enrolmentsOfLearners(db: AuthorityDatabase, learnerIds: readonly string[]): Promise<Map<string, EnrolmentRow[]>> {
  const rows = await byIds(db, learnerIds, 'enrolments_by_learner_id', (d, i) =>
    d.select().from(enrolments).where(anyId(enrolments.learnerId, i)).orderBy(desc(enrolments.startedOn), asc(enrolments.id)),
  );
  return groupBy(rows, (r) => r.learnerId);
}

/** PEP versions per learner, most recent first. */
export async function pepsOfLearners(db: AuthorityDatabase, learnerIds: readonly string[]): Promise<Map<string, PepRow[]>> {
  const rows = await byIds(db, learnerIds, 'peps_by_learner_id', (d, i) =>
    d.select().from(peps).where(anyId(peps.learnerId, i)).orderBy(desc(peps.initiatedOn), desc(peps.id)),
  );
  return groupBy(rows, (r) => r.learnerId);
}

export async function pepsByIds(db: AuthorityDatabase, ids: readonly string[]): Promise<Map<string, PepRow>> {
  const rows = await byIds(db, ids, 'peps_by_id', (d, i) => d.select().from(peps).where(anyId(peps.id, i)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Targets per PEP, in due-date order. */
export async function targetsOfPeps(db: AuthorityDatabase, pepIds: readonly string[]): Promise<Map<string, PepTargetRow[]>> {
  const rows = await byIds(db, pepIds, 'pep_targets_by_pep_id', (d, i) =>
    d.select().from(pepTargets).where(anyId(pepTargets.pepId, i)).orderBy(asc(pepTargets.dueOn), asc(pepTargets.id)),
  );
  return groupBy(rows, (r) => r.pepId);
}

/** Staff allocations per learner, most recent first. */
export async function allocationsOfLearners(db: AuthorityDatabase, learnerIds: readonly string[]): Promise<Map<string, StaffAllocationRow[]>> {
  const rows = await db
    .select()
    .from(staffAllocations)
    .where(anyId(staffAllocations.learnerId, learnerIds))
    .orderBy(desc(staffAllocations.startedOn), asc(staffAllocations.id));
  return groupBy(rows, (r) => r.learnerId);
}
