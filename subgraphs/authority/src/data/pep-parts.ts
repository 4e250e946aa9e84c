// The written parts of PEP versions (sections, sign-offs, quality ratings), for many plans at once.
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import { groupBy } from './grouping.ts';
import { anyId, byIds } from './id-list.ts';

const { pepSections, pepSignOffs, pepQualityRatings } = authoritySchema;
export type PepSectionRow = typeof pepSections.$inferSelect;
export type PepSignOffRow = typeof pepSignOffs.$inferSelect;
export type PepQualityRow = typeof pepQualityRatings.$inferSelect;

export async function sectionsOfPeps(db: AuthorityDatabase, pepIds: readonly string[]): Promise<Map<string, PepSectionRow[]>> {
  return groupBy(await byIds(db, pepIds, 'pep_sections_by_pep_id', (d, i) => d.select().from(pepSections).where(anyId(pepSections.pepId, i))), (r) => r.pepId);
}

export async function signOffsOfPeps(db: AuthorityDatabase, pepIds: readonly string[]): Promise<Map<string, PepSignOffRow[]>> {
  return groupBy(await byIds(db, pepIds, 'pep_sign_offs_by_pep_id', (d, i) => d.select().from(pepSignOffs).where(anyId(pepSignOffs.pepId, i))), (r) => r.pepId);
}

export async function qualityOfPeps(db: AuthorityDatabase, pepIds: readonly string[]): Promise<Map<string, PepQualityRow>> {
  const rows = await byIds(db, pepIds, 'pep_quality_ratings_by_pep_id', (d, i) => d.select().from(pepQualityRatings).where(anyId(pepQualityRatings.pepId, i)));
  return new Map(rows.map((r) => [r.pepId, r]));
}
