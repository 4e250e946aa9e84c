// The schema of one authority's database. Each local authority owns one such database.
// Enumerations are text with CHECK constraints so codes can grow without a type migration.
import { sql } from 'drizzle-orm';
import { inList } from './checks.ts';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const GENDERS = ['female', 'male', 'other', 'not-recorded'] as const;
export const LANGUAGES = ['cy', 'en', 'other'] as const;
export const CARE_STATUSES = ['looked-after', 'previously-looked-after', 'care-leaver'] as const;
export const LEGAL_STATUSES = ['care-order', 'interim-care-order', 'placement-order', 'voluntary-accommodation', 'remand', 'other'] as const;
export const PLACEMENT_TYPES = ['foster', 'kinship-foster', 'with-parents', 'childrens-home', 'secure', 'placed-for-adoption', 'independent-living', 'residential-school', 'other'] as const;
export const PEP_STATUSES = ['draft', 'in-review', 'agreed', 'superseded'] as const;
export const TARGET_PROGRESS = ['not-started', 'in-progress', 'met', 'not-met'] as const;
export const STAFF_ROLES = ['education-lead', 'social-worker', 'designated-teacher'] as const;
export const AUDIT_ACTIONS = ['read', 'write'] as const;
export const AUDIT_DECISIONS = ['allowed', 'denied'] as const;


/** A child or young person whose corporate parent is this authority. */
export const learners = pgTable(
  'learners',
  {
    id: text('id').primaryKey(),
    upn: text('upn').notNull().unique(),
    legalGivenName: text('legal_given_name').notNull(),
    legalFamilyName: text('legal_family_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    gender: text('gender').notNull(),
    languagePreference: text('language_preference').notNull(),
    careStatus: text('care_status').notNull().default('looked-after'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('learners_gender', inList('gender', GENDERS)),
    check('learners_language', inList('language_preference', LANGUAGES)),
    check('learners_care_status', inList('care_status', CARE_STATUSES)),
    check('learners_upn_shape', sql`length(${t.upn}) = 13`),
  ],
);

/** A period during which the child is looked after by this authority. */
export const careEpisodes = pgTable(
  'care_episodes',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id').notNull().references(() => learners.id),
    legalStatus: text('legal_status').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [
    index('care_episodes_learner').on(t.learnerId),
    check('care_episodes_legal_status', inList('legal_status', LEGAL_STATUSES)),
    check('care_episodes_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** Where the child lives during a care episode, and the authority that area belongs to. */
export const placements = pgTable(
  'placements',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id').notNull().references(() => learners.id),
    careEpisodeId: text('care_episode_id').notNull().references(() => careEpisodes.id),
    placementType: text('placement_type').notNull(),
    /** GSS code of the authority the child lives in (another Welsh authority when placed out of county). */
    authorityCode: text('authority_code').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [
    index('placements_learner').on(t.learnerId, t.startedOn),
    index('placements_current_authority').on(t.authorityCode).where(sql`${t.endedOn} is null`),
    check('placements_type', inList('placement_type', PLACEMENT_TYPES)),
    check('placements_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** The child on a school's roll; the school itself is national reference data. */
export const enrolments = pgTable(
  'enrolments',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id').notNull().references(() => learners.id),
    schoolId: text('school_id').notNull(),
    /** GSS code of the school's maintaining authority, kept so access checks need no national lookup. */
    schoolAuthorityCode: text('school_authority_code').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [
    index('enrolments_learner').on(t.learnerId, t.startedOn),
    index('enrolments_current_school').on(t.schoolId).where(sql`${t.endedOn} is null`),
    index('enrolments_current_authority').on(t.schoolAuthorityCode).where(sql`${t.endedOn} is null`),
    check('enrolments_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** A Personal Education Plan; versions are kept, one row per version of the plan. */
export const peps = pgTable(
  'peps',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id').notNull().references(() => learners.id),
    status: text('status').notNull(),
    /** Optimistic-concurrency version: an edit names the version it was based on. */
    version: integer('version').notNull().default(1),
    initiatedOn: date('initiated_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }),
    nextReviewDue: date('next_review_due', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('peps_learner').on(t.learnerId, t.initiatedOn),
    check('peps_status', inList('status', PEP_STATUSES)),
    check('peps_version_positive', sql`${t.version} > 0`),
  ],
);

/** A specific target in a PEP, with who owns it and how it is going. */
export const pepTargets = pgTable(
  'pep_targets',
  {
    id: text('id').primaryKey(),
    pepId: text('pep_id').notNull().references(() => peps.id),
    description: text('description').notNull(),
    ownerRole: text('owner_role').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    progress: text('progress').notNull().default('not-started'),
    accelerated: boolean('accelerated').notNull().default(false),
  },
  (t) => [
    index('pep_targets_pep').on(t.pepId),
    check('pep_targets_progress', inList('progress', TARGET_PROGRESS)),
    check('pep_targets_description', sql`length(${t.description}) > 0`),
  ],
);

/** A professional allocated to the child: their social worker, education lead, designated teacher. */
export const staffAllocations = pgTable(
  'staff_allocations',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id').notNull().references(() => learners.id),
    staffRole: text('staff_role').notNull(),
    /** The professional's subject at the identity provider (how a caller is matched to a caseload). */
    staffSubject: text('staff_subject').notNull(),
    staffName: text('staff_name').notNull(),
    workEmail: text('work_email').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [
    index('staff_allocations_learner').on(t.learnerId),
    index('staff_allocations_subject').on(t.staffSubject),
    check('staff_allocations_role', inList('staff_role', STAFF_ROLES)),
    check('staff_allocations_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** Append-only record of every decision about a child's personal data (a trigger refuses updates and deletes). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorSubject: text('actor_subject').notNull(),
    actorRole: text('actor_role').notNull(),
    actorAuthority: text('actor_authority'),
    learnerId: text('learner_id').notNull(),
    action: text('action').notNull(),
    decision: text('decision').notNull(),
    fieldClasses: text('field_classes').array().notNull(),
    fields: text('fields').array().notNull(),
    operationName: text('operation_name'),
  },
  (t) => [
    index('audit_log_learner_at').on(t.learnerId, t.at),
    check('audit_log_action', inList('action', AUDIT_ACTIONS)),
    check('audit_log_decision', inList('decision', AUDIT_DECISIONS)),
  ],
);

/** Results of applied writes by idempotency key, so a retried request is applied once. */
export const appliedWrites = pgTable('applied_writes', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  actorSubject: text('actor_subject').notNull(),
  operation: text('operation').notNull(),
  result: jsonb('result').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** One school day of a child's attendance: the morning and afternoon session marks (two sessions a day). */
export const attendanceDays = pgTable(
  'attendance_days',
  {
    learnerId: text('learner_id').notNull().references(() => learners.id),
    date: date('date', { mode: 'string' }).notNull(),
    schoolId: text('school_id').notNull(),
    /** Session marks as in the Welsh register (see ATTENDANCE_MARKS in @wales-lac/wales). */
    am: text('am').notNull(),
    pm: text('pm').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.learnerId, t.date] }),
    check('attendance_days_marks', sql`length(${t.am}) = 1 and length(${t.pm}) = 1`),
  ],
);
