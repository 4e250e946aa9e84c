import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { nationalSchema, type NationalDatabase } from '@wales-lac/db';

const { authorities, regions, regionMemberships, schools } = nationalSchema;
export type AuthorityRow = typeof authorities.$inferSelect & { regionCode: string };
export type RegionRow = typeof regions.$inferSelect;
export type SchoolRow = typeof schools.$inferSelect;

/** Every authority with the region it belongs to on `onDate`. */
export async function authoritiesWithRegion(db: NationalDatabase, onDate: string): Promise<AuthorityRow[]> {
  const rows = await db
    .select({ authority: authorities, regionCode: regionMemberships.regionCode })
    .from(authorities)
    .innerJoin(
      regionMemberships,
      and(
        eq(regionMemberships.authorityCode, authorities.code),
        lte(regionMemberships.validFrom, onDate),
        or(isNull(regionMemberships.validTo), gt(regionMemberships.validTo, onDate)),
      ),
    )
    .orderBy(asc(authorities.code));
  return rows.map((r) => ({ ...r.authority, regionCode: r.regionCode }));
}

export async function allRegions(db: NationalDatabase): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(asc(regions.code));
}

export async function schoolsByIds(db: NationalDatabase, ids: readonly string[]): Promise<Map<string, SchoolRow>> {
  const rows = await db
    .select()
    .from(schools)
    .where(inArray(schools.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function schoolsOfAuthority(db: NationalDatabase, authorityCode: string): Promise<SchoolRow[]> {
  return db.select().from(schools).where(eq(schools.authorityCode, authorityCode)).orderBy(asc(schools.nameEn));
}
