// The written parts of PEP versions (sections, sign-offs, quality ratings), for many plans at once.
import { inArray } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import { groupBy } from './grouping.ts';
import { anyId } from './id-list.ts';

const { pepSections, pepSignOffs, pepQualityRatings } = authoritySchema;
export type PepSectionRow = typeof pepSections.$inferSelect;
export type PepSignOffRow = typeof pepSignOffs.$inferSelect;
export type PepQualityRow = typeof pepQualityRatings.$inferSelect;

export async function sectionsOfPeps(db: AuthorityDatabase, pepIds: readonly string[]): Promise<Map<string, PepSectionRow[]>> {
  return groupBy(await db.select().from(pepSections).where(anyId(pepSections.pepId, pepIds)), (r) => r.pepId);
}

export async function signOffsOfPeps(db: AuthorityDatabase, pepIds: readonly string[]): Promise<Map<string, PepSignOffRow[]>> {
  return groupBy(await db.select().from(pepSignOffs).where(anyId(pepSignOffs.pepId, pepIds)), (r) => r.pepId);
}

export async function qualityOfPeps(db: AuthorityDatabase, pepIds: readonly string[]): Promise<Map<string, PepQualityRow>> {
  const rows = await db.select().from(pepQualityRatings).where(anyId(pepQualityRatings.pepId, pepIds));
  return new Map(rows.map((r) => [r.pepId, r]));
}
