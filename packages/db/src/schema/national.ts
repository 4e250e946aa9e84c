// The national database: reference data owned nationally (authorities, regions, schools).
import { sql } from 'drizzle-orm';
import { inList } from './checks.ts';
import { bigint, bigserial, boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const SCHOOL_PHASES = ['nursery', 'primary', 'middle', 'secondary', 'special', 'pru'] as const;
export const TEACHING_MEDIA = ['english', 'welsh', 'bilingual', 'dual-stream'] as const;
/** building: under way; published: protected and audited, served; failed: kept for its reason, never served. */
export const RELEASE_STATES = ['building', 'published', 'failed'] as const;
/** none: exact counts; nearest-5: counts rounded to the nearest 5 as StatsWales publishes them. */
export const RELEASE_ROUNDINGS = ['none', 'nearest-5'] as const;

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
    authorityCode: text('authority_code')
      .notNull()
      .references(() => authorities.code),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
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
    authorityCode: text('authority_code')
      .notNull()
      .references(() => authorities.code),
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

/** One collection of one authority's anonymised aggregates: figures always say which snapshot they rest on. */
export const benchmarkSnapshots = pgTable(
  'benchmark_snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    authorityCode: text('authority_code')
      .notNull()
      .references(() => authorities.code),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
    refreshId: bigint('refresh_id', { mode: 'number' }).notNull(),
  },
  (t) => [index('benchmark_snapshots_latest').on(t.authorityCode, t.takenAt)],
);

/** The aggregate counts of a snapshot, exactly as the authority's anonymised view gave them. */
export const benchmarkCounts = pgTable(
  'benchmark_counts',
  {
    snapshotId: bigint('snapshot_id', { mode: 'number' })
      .notNull()
      .references(() => benchmarkSnapshots.id),
    measure: text('measure').notNull(),
    dimension: text('dimension').notNull(),
    category: text('category').notNull(),
    numerator: bigint('numerator', { mode: 'number' }).notNull(),
    denominator: bigint('denominator', { mode: 'number' }),
    /** How many children the figure rests on (PEPs, targets and sessions are not children). */
    children: bigint('children', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.measure, t.dimension, t.category] })],
);

/** A refresh: when, who asked, and which authorities could not be reached (their figures are stale). */
export const benchmarkRefreshes = pgTable('benchmark_refreshes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  requestedBy: text('requested_by').notNull(),
  unreachable: text('unreachable').array().notNull().default([]),
});

/**
 * A benchmark release: the whole report built once from one refresh's snapshots, protected, audited and
 * stored. Questions are answered from the latest published release; a failed build is kept with its
 * reason and the release before it stays published.
 */
export const benchmarkReleases = pgTable(
  'benchmark_releases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The refresh whose snapshots it was built from (null for synthetic history). */
    refreshId: bigint('refresh_id', { mode: 'number' }).references(() => benchmarkRefreshes.id),
    /** The day the figures describe. */
    asOf: date('as_of').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status').notNull(),
    /** Why a failed build was not published. */
    failure: text('failure'),
    rounding: text('rounding').notNull(),
    /** Every snapshot used: authority, snapshot id, when it was taken, whether it was stale. */
    snapshots: jsonb('snapshots').notNull(),
    /** The published figures (null unless published). */
    figures: jsonb('figures'),
    /** The independent audit's outcome: cells checked, findings, solver. */
    audit: jsonb('audit'),
    buildSeconds: doublePrecision('build_seconds'),
    auditSeconds: doublePrecision('audit_seconds'),
    /** Generated history for earlier years, so pooled trends exist on a fresh install; never real. */
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    index('benchmark_releases_latest').on(t.status, t.id),
    check('benchmark_releases_status', inList('status', RELEASE_STATES)),
    check('benchmark_releases_rounding', inList('rounding', RELEASE_ROUNDINGS)),
  ],
);
