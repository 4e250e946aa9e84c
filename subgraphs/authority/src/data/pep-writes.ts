// PEP changes inside an open transaction: a new version, sections, targets, sign-offs, quality.
import { and, eq, ne, sql } from 'drizzle-orm';
import { authoritySchema, type TARGET_OWNER_ROLES } from '@wales-lac/db';
import type { PepRow } from './history.ts';
import type { PepSignOffRow } from './pep-parts.ts';
import { nextRecordId, type Transaction } from './writes.ts';

const { peps, pepTargets, pepSections, pepSignOffs, pepQualityRatings } = authoritySchema;

/** A target owner as stored in pep_targets.owner_role. */
export type TargetOwnerRole = (typeof TARGET_OWNER_ROLES)[number];

/** The learner's plan in force or being written (not superseded), newest first, locked. */
export async function openPepsOf(tx: Transaction, learnerId: string): Promise<PepRow[]> {
  return tx
    .select()
    .from(peps)
    .where(and(eq(peps.learnerId, learnerId), ne(peps.status, 'superseded')))
    .orderBy(sql`${peps.initiatedOn} desc, ${peps.id} desc`)
    .for('update');
}

/** A new draft; when `from` is given, its sections and unmet targets are carried into it. */
export async function createDraftPep(tx: Transaction, authorityCode: string, learnerId: string, initiatedOn: string, from: PepRow | null): Promise<string> {
  const id = await nextRecordId(tx, 'peps', authorityCode, 'P');
  await tx.insert(peps).values({ id, learnerId, status: 'draft', version: 1, initiatedOn });
  if (!from) return id;
  await tx.execute(sql`insert into ${pepSections} (pep_id, section, body, language, written_by_subject, written_by_role, on_behalf)
    select ${id}, section, body, language, written_by_subject, written_by_role, on_behalf from ${pepSections} where pep_id = ${from.id}`);
  const open = await tx
    .select()
    .from(pepTargets)
    .where(and(eq(pepTargets.pepId, from.id), ne(pepTargets.progress, 'met')));
  for (const target of open) {
    const targetId = await nextRecordId(tx, 'pep_targets', authorityCode, 'T');
    await tx.insert(pepTargets).values({ ...target, id: targetId, pepId: id });
  }
  return id;
}

export interface SectionWrite {
  readonly pepId: string;
  readonly section: string;
  readonly body: string;
  readonly language: string;
  readonly writtenBySubject: string;
  readonly writtenByRole: string;
  readonly onBehalf: boolean;
}

export async function writeSection(tx: Transaction, write: SectionWrite): Promise<void> {
  const { pepId, section, ...text } = write;
  await tx
    .insert(pepSections)
    .values(write)
    .onConflictDoUpdate({ target: [pepSections.pepId, pepSections.section], set: { ...text, updatedAt: new Date() } });
}

export interface NewTarget {
  readonly pepId: string;
  readonly description: string;
  readonly ownerRole: TargetOwnerRole;
  readonly dueOn: string;
  readonly accelerated: boolean;
}

export async function addTarget(tx: Transaction, authorityCode: string, target: NewTarget): Promise<string> {
  const id = await nextRecordId(tx, 'pep_targets', authorityCode, 'T');
  await tx.insert(pepTargets).values({ id, ...target, progress: 'not-started' });
  return id;
}

export async function signOff(tx: Transaction, row: PepSignOffRow): Promise<PepSignOffRow[]> {
  const { pepId, signerRole, ...rest } = row;
  await tx
    .insert(pepSignOffs)
    .values(row)
    .onConflictDoUpdate({ target: [pepSignOffs.pepId, pepSignOffs.signerRole], set: rest });
  return tx.select().from(pepSignOffs).where(eq(pepSignOffs.pepId, pepId));
}

export async function setPepStatus(
  tx: Transaction,
  pepId: string,
  changes: Partial<Pick<PepRow, 'status' | 'completedOn' | 'lastReviewedOn' | 'nextReviewDue'>>,
): Promise<void> {
  await tx
    .update(peps)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(peps.id, pepId));
}

export async function rateQuality(tx: Transaction, pepId: string, rating: string, comments: string, ratedBySubject: string, ratedOn: string): Promise<void> {
  const values = { pepId, rating, comments, ratedBySubject, ratedOn };
  await tx.insert(pepQualityRatings).values(values).onConflictDoUpdate({ target: pepQualityRatings.pepId, set: { rating, comments, ratedBySubject, ratedOn } });
}
