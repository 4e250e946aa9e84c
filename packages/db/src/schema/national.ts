// The national database: reference data owned nationally (authorities, regions, schools).
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const SCHOOL_PHASES = ['nursery', 'primary', 'middle', 'secondary', 'special', 'pru'] as const;
export const TEACHING_MEDIA = ['english', 'welsh', 'bilingual', 'dual-stream'] as const;

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** A regional education consortium. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameCy: text('name_cy').notNull(),
});

/** A principal local authority, keyed by its GSS code. */
export const authorities = pgTable('authorities', {
  code: text('code').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameCy: text('name_cy').notNull(),
  orgCode: text('org_code').notNull().unique(),
  upnLaNumber: text('upn_la_number').notNull(),
});

/** Which region an authority belongs to, over time (consortium membership has changed). */
export const regionMemberships = pgTable(
  'region_memberships',
  {
    authorityCode: text('authority_code').notNull().references(() => authorities.code),
    regionCode: text('region_code').notNull().references(() => regions.code),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.authorityCode, t.validFrom] }),
    check('region_memberships_dates', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** A maintained school, pupil referral unit or special school. */
export const schools = pgTable(
  'schools',
  {
    /** Seven digits: the authority's UPN number and the four-digit establishment number. */
    id: text('id').primaryKey(),
    nameEn: text('name_en').notNull(),
    nameCy: text('name_cy').notNull(),
    authorityCode: text('authority_code').notNull().references(() => authorities.code),
    phase: text('phase').notNull(),
    medium: text('medium').notNull(),
    lowestAge: integer('lowest_age').notNull(),
    highestAge: integer('highest_age').notNull(),
  },
  (t) => [
    index('schools_authority').on(t.authorityCode),
    check('schools_phase', inList('phase', SCHOOL_PHASES)),
    check('schools_medium', inList('medium', TEACHING_MEDIA)),
  ],
);
