// The schema of one authority's database. Each local authority owns one such database.
// Enumerations are text with CHECK constraints so codes can grow without a type migration.
import { sql } from 'drizzle-orm';
import { inList } from './checks.ts';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const GENDERS = ['female', 'male', 'other', 'not-recorded'] as const;
export const LANGUAGES = ['cy', 'en', 'other'] as const;
export const CARE_STATUSES = ['looked-after', 'previously-looked-after', 'care-leaver'] as const;
export const LEGAL_STATUSES = ['care-order', 'interim-care-order', 'placement-order', 'voluntary-accommodation', 'remand', 'other'] as const;
export const PLACEMENT_TYPES = [
  'foster',
  'kinship-foster',
  'with-parents',
  'childrens-home',
  'secure',
  'placed-for-adoption',
  'independent-living',
  'residential-school',
  'other',
] as const;
export const PEP_STATUSES = ['draft', 'in-review', 'agreed', 'superseded'] as const;
export const TARGET_PROGRESS = ['not-started', 'in-progress', 'met', 'not-met'] as const;
export const STAFF_ROLES = ['education-lead', 'social-worker', 'designated-teacher'] as const;
/** Who may own a PEP target, as stored in pep_targets.owner_role (the API's TargetOwnerRole enum). */
export const TARGET_OWNER_ROLES = ['designated-teacher', 'virtual-school-head', 'social-worker', 'learner', 'carer'] as const;
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
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
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
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    careEpisodeId: text('care_episode_id')
      .notNull()
      .references(() => careEpisodes.id),
    placementType: text('placement_type').notNull(),
    /** GSS code of the authority the child lives in (another Welsh authority when placed out of county). */
    authorityCode: text('authority_code').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [
    index('placements_learner').on(t.learnerId, t.startedOn),
    index('placements_current_authority')
      .on(t.authorityCode)
      .where(sql`${t.endedOn} is null`),
    check('placements_type', inList('placement_type', PLACEMENT_TYPES)),
    check('placements_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** The child on a school's roll; the school itself is national reference data. */
export const enrolments = pgTable(
  'enrolments',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    schoolId: text('school_id').notNull(),
    /** GSS code of the school's maintaining authority, kept so access checks need no national lookup. */
    schoolAuthorityCode: text('school_authority_code').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [
    index('enrolments_learner').on(t.learnerId, t.startedOn),
    index('enrolments_current_school')
      .on(t.schoolId)
      .where(sql`${t.endedOn} is null`),
    index('enrolments_current_authority')
      .on(t.schoolAuthorityCode)
      .where(sql`${t.endedOn} is null`),
    check('enrolments_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** A Personal Education Plan; versions are kept, one row per version of the plan. */
export const peps = pgTable(
  'peps',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
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
    // At most one plan being written per child: two simultaneous starts cannot make two drafts.
    uniqueIndex('peps_one_open_per_learner')
      .on(t.learnerId)
      .where(sql`${t.status} in ('draft', 'in-review')`),
    check('peps_status', inList('status', PEP_STATUSES)),
    check('peps_version_positive', sql`${t.version} > 0`),
  ],
);

/** A specific target in a PEP, with who owns it and how it is going. */
export const pepTargets = pgTable(
  'pep_targets',
  {
    id: text('id').primaryKey(),
    pepId: text('pep_id')
      .notNull()
      .references(() => peps.id),
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
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
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
    // A social worker's read of a child of their authority not on their caseload, under their home grant
    // (decision 0026): true, with the reason they gave (none on a refusal for want of one). Chained (migration 0016).
    outsideCaseload: boolean('outside_caseload').notNull().default(false),
    reasonPurpose: text('reason_purpose'),
    reasonNote: text('reason_note'),
    // The hash chain (issue 10), filled by the audit_log_chain trigger, never by the service: the row's place
    // in the chain (its own order: ids are taken before the chain is, so they can commit out of order), the
    // previous row's hash and sha256(previous hash || audit_row_content(row)), hex. Verified by `npm run audit:verify`.
    chainPosition: bigint('chain_position', { mode: 'number' }),
    previousHash: text('previous_hash'),
    rowHash: text('row_hash'),
  },
  (t) => [
    index('audit_log_learner_at').on(t.learnerId, t.at),
    uniqueIndex('audit_log_chain_position').on(t.chainPosition),
    check('audit_log_action', inList('action', AUDIT_ACTIONS)),
    check('audit_log_decision', inList('decision', AUDIT_DECISIONS)),
  ],
);

/**
 * The head of the audit chain: one row, the last chained position and hash. The chain trigger takes it FOR
 * UPDATE, so concurrent writers queue on it and cannot fork the chain; it also shows a truncated tail.
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: integer('id').primaryKey(),
    position: bigint('position', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_chain_head_one_row', sql`${t.id} = 1`)],
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
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    date: date('date', { mode: 'string' }).notNull(),
    schoolId: text('school_id').notNull(),
    /** Session marks as in the Welsh register (see ATTENDANCE_MARKS in @wales-lac/wales). */
    am: text('am').notNull(),
    pm: text('pm').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.date] }), check('attendance_days_marks', sql`length(${t.am}) = 1 and length(${t.pm}) = 1`)],
);

export const QUALITY_RATINGS = ['red', 'amber', 'green'] as const;
export const PEP_SECTIONS = ['all-about-me', 'school-picture', 'support', 'carer-views', 'social-worker-views', 'review-actions'] as const;
export const SIGN_OFF_ROLES = ['education-lead', 'social-worker', 'designated-teacher'] as const;
export const EXCLUSION_KINDS = ['fixed-term', 'permanent'] as const;
export const SDQ_INFORMANTS = ['carer', 'teacher', 'self'] as const;
/**
 * Total difficulties from which an SDQ is a cause for concern, by who completed it (the SDQ's "abnormal"
 * bands: a teacher's or a young person's 17 does not mean what a carer's does). The anonymised view states
 * the same bands (drizzle/authority/0009).
 */
export const SDQ_CONCERN_FROM: Readonly<Record<(typeof SDQ_INFORMANTS)[number], number>> = { carer: 17, teacher: 16, self: 20 };
export const INTERVENTION_KINDS = ['tutoring', 'mentoring', 'literacy', 'numeracy', 'counselling', 'camhs-referral', 'other'] as const;
export const DESTINATIONS = [
  'school-sixth-form',
  'further-education',
  'higher-education',
  'apprenticeship',
  'employment',
  'training',
  'neet',
  'unknown',
] as const;
export const IDP_MAINTAINERS = ['school', 'authority'] as const;
/** Moves (raised by a change), meeting invitations (decision 0030) and alerts (raised by the daily computation, decision 0029). */
export const NOTIFICATION_KINDS = [
  'school-move',
  'placement-move',
  'pep-meeting-invitation',
  'pep-review-due',
  'pep-review-overdue',
  'pep-start-overdue',
  'attendance-low',
  'attendance-drop',
  'exclusion',
  'sdq-concern',
] as const;
/** The alert kinds: computed daily from the record, once per child, kind and period. */
export const ALERT_KINDS = [
  'pep-review-due',
  'pep-review-overdue',
  'pep-start-overdue',
  'attendance-low',
  'attendance-drop',
  'exclusion',
  'sdq-concern',
] as const;
/** How a person wants one kind of notification: in the feed only, or in the feed and by email. */
export const NOTIFICATION_DELIVERIES = ['feed', 'feed-and-email'] as const;
export const OUTBOX_STATES = ['pending', 'sent'] as const;
/**
 * A school (its designated teacher), an authority (its education lead), a child (their allocated social worker:
 * `learner`) or the child themselves (`child`, a meeting invitation).
 */
export const NOTIFICATION_RECIPIENTS = ['school', 'authority', 'learner', 'child'] as const;
/** Who may be invited to a PEP review meeting, by role (the API's MeetingInviteeRole). */
export const MEETING_INVITEE_ROLES = ['designated-teacher', 'virtual-school-head', 'social-worker', 'learner', 'carer'] as const;
export const MEETING_RESPONSES = ['accepted', 'declined', 'tentative'] as const;
export const MEETING_STATUSES = ['scheduled', 'cancelled', 'held'] as const;
export const EOTAS_KINDS = ['tuition-service', 'alternative-provider', 'home-tuition', 'other'] as const;
/** Where a document is kept on a child's record: it decides the document's field class (decision 0034). */
export const DOCUMENT_SECTIONS = ['education', 'wellbeing', 'pep'] as const;
export const DOCUMENT_KINDS = ['report', 'assessment', 'plan', 'letter', 'minutes', 'work', 'other'] as const;

/** One section of a PEP version in someone's words; the learner's "All about me" is their voice. */
export const pepSections = pgTable(
  'pep_sections',
  {
    pepId: text('pep_id')
      .notNull()
      .references(() => peps.id),
    section: text('section').notNull(),
    body: text('body').notNull(),
    /** The language the text was written in (cy or en): shown as written, never machine-translated. */
    language: text('language').notNull(),
    writtenBySubject: text('written_by_subject').notNull(),
    writtenByRole: text('written_by_role').notNull(),
    /** True when a professional recorded the learner's words on their behalf. */
    onBehalf: boolean('on_behalf').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.pepId, t.section] }),
    check('pep_sections_section', inList('section', PEP_SECTIONS)),
    check('pep_sections_language', inList('language', ['cy', 'en'])),
    check('pep_sections_body', sql`length(${t.body}) between 1 and 10000`),
  ],
);

/** Agreement to one version of a PEP by one of the roles that must sign it. */
export const pepSignOffs = pgTable(
  'pep_sign_offs',
  {
    pepId: text('pep_id')
      .notNull()
      .references(() => peps.id),
    signerRole: text('signer_role').notNull(),
    signerSubject: text('signer_subject').notNull(),
    /** The plan version signed: an edit after signing leaves the sign-off behind. */
    pepVersion: integer('pep_version').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** For a designated teacher: the school they signed for. */
    schoolId: text('school_id'),
    /** Set by a school move: the day the child left that school, after which the sign-off is the old school's. */
    schoolLeftOn: date('school_left_on', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.pepId, t.signerRole] }), check('pep_sign_offs_role', inList('signer_role', SIGN_OFF_ROLES))],
);

/** The virtual school's quality rating of a PEP, with the reviewer's comments. */
export const pepQualityRatings = pgTable(
  'pep_quality_ratings',
  {
    pepId: text('pep_id')
      .primaryKey()
      .references(() => peps.id),
    rating: text('rating').notNull(),
    comments: text('comments').notNull(),
    ratedBySubject: text('rated_by_subject').notNull(),
    ratedOn: date('rated_on', { mode: 'string' }).notNull(),
  },
  (t) => [check('pep_quality_ratings_rating', inList('rating', QUALITY_RATINGS))],
);

/** A fixed-term or permanent exclusion from school. */
export const exclusions = pgTable(
  'exclusions',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    schoolId: text('school_id').notNull(),
    kind: text('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Sessions (half days) excluded; null for a permanent exclusion. */
    sessions: integer('sessions'),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('exclusions_learner').on(t.learnerId, t.startsOn),
    check('exclusions_kind', inList('kind', EXCLUSION_KINDS)),
    check('exclusions_sessions', sql`(${t.kind} = 'permanent' and ${t.sessions} is null) or (${t.kind} = 'fixed-term' and ${t.sessions} between 1 and 90)`),
  ],
);

/** A period on a reduced timetable (fewer hours in school than the full week). */
export const reducedTimetables = pgTable(
  'reduced_timetables',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    schoolId: text('school_id').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    hoursPerWeek: integer('hours_per_week').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    index('reduced_timetables_learner').on(t.learnerId),
    check('reduced_timetables_hours', sql`${t.hoursPerWeek} between 0 and 24`),
    check('reduced_timetables_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/**
 * Education other than at school (EOTAS): education the authority arranges for a child who is not on a
 * school roll, or alongside one (a tuition service, an alternative provider, home tuition).
 */
export const educationOtherThanAtSchool = pgTable(
  'education_other_than_at_school',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    kind: text('kind').notNull(),
    /** The provider's name. */
    provider: text('provider').notNull(),
    /** Hours a week in half hours (9 is 4.5 hours), so half-hour steps are exact. */
    halfHoursPerWeek: integer('half_hours_per_week').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [
    index('education_other_than_at_school_learner').on(t.learnerId, t.startedOn),
    check('education_other_than_at_school_kind', inList('kind', EOTAS_KINDS)),
    check('education_other_than_at_school_provider', sql`length(${t.provider}) between 1 and 200`),
    check('education_other_than_at_school_hours', sql`${t.halfHoursPerWeek} between 1 and 80`),
    check('education_other_than_at_school_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** A Strengths and Difficulties Questionnaire: five scales of 0-10; total difficulties is the first four summed. */
export const sdqAssessments = pgTable(
  'sdq_assessments',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    informant: text('informant').notNull(),
    emotional: integer('emotional').notNull(),
    conduct: integer('conduct').notNull(),
    hyperactivity: integer('hyperactivity').notNull(),
    peer: integer('peer').notNull(),
    prosocial: integer('prosocial').notNull(),
  },
  (t) => [
    index('sdq_assessments_learner').on(t.learnerId, t.completedOn),
    check('sdq_assessments_informant', inList('informant', SDQ_INFORMANTS)),
    check(
      'sdq_assessments_scales',
      sql`${t.emotional} between 0 and 10 and ${t.conduct} between 0 and 10 and ${t.hyperactivity} between 0 and 10 and ${t.peer} between 0 and 10 and ${t.prosocial} between 0 and 10`,
    ),
  ],
);

/** Support given to the child: tutoring, mentoring, a CAMHS referral; funded through the grant or not. */
export const interventions = pgTable(
  'interventions',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    kind: text('kind').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    grantFunded: boolean('grant_funded').notNull(),
    description: text('description').notNull(),
  },
  (t) => [
    index('interventions_learner').on(t.learnerId),
    check('interventions_kind', inList('kind', INTERVENTION_KINDS)),
    check('interventions_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** Additional learning needs identified for the child, and the individual development plan (IDP) for them. */
export const additionalLearningNeeds = pgTable(
  'additional_learning_needs',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    identifiedOn: date('identified_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    /** Who maintains the IDP (for looked-after children usually the authority); null while none is agreed. */
    idpMaintainedBy: text('idp_maintained_by'),
    idpAgreedOn: date('idp_agreed_on', { mode: 'string' }),
    idpReviewDue: date('idp_review_due', { mode: 'string' }),
  },
  (t) => [
    index('additional_learning_needs_learner').on(t.learnerId),
    check('additional_learning_needs_maintainer', sql`${t.idpMaintainedBy} is null or ${t.idpMaintainedBy} in ('school', 'authority')`),
    check('additional_learning_needs_idp', sql`(${t.idpAgreedOn} is null) = (${t.idpMaintainedBy} is null)`),
  ],
);

/** Where a young person went after compulsory schooling, as recorded on a date. */
export const destinations = pgTable(
  'destinations',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    destination: text('destination').notNull(),
  },
  (t) => [index('destinations_learner').on(t.learnerId, t.recordedOn), check('destinations_destination', inList('destination', DESTINATIONS))],
);

/** A move someone must act on, addressed to a school, an authority's education lead or a child's social worker, with read state. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    recipientKind: text('recipient_kind').notNull(),
    /** A school number, an authority's GSS code or a learner id (for the child's social worker). */
    recipient: text('recipient').notNull(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    /** The school or authority the child moves to; null for a meeting invitation (migration 0018) or an alert. */
    movesTo: text('moves_to'),
    /** The school or authority the child leaves; null when they were on no roll (or, before 0015, not recorded). */
    movesFrom: text('moves_from'),
    /** An alert's period (a due date, a term's first day, an exclusion's or SDQ's id): raised once per child, kind, period and recipient; null for a move. */
    period: text('period'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    readBySubject: text('read_by_subject'),
    /** The PEP review meeting an invitation is about (kind pep-meeting-invitation). */
    meetingId: text('meeting_id'),
  },
  (t) => [
    index('notifications_recipient').on(t.recipientKind, t.recipient, t.id),
    // The daily computation's idempotency: running it twice, or on two workers, adds nothing the second time.
    uniqueIndex('notifications_alert_once')
      .on(t.learnerId, t.kind, t.period, t.recipientKind, t.recipient)
      .where(sql`${t.period} is not null`),
    check('notifications_kind', inList('kind', NOTIFICATION_KINDS)),
    check('notifications_recipient_kind', inList('recipient_kind', NOTIFICATION_RECIPIENTS)),
    check('notifications_moves_to', sql`${t.kind} = 'pep-meeting-invitation' or ${t.period} is not null or ${t.movesTo} is not null`),
    check('notifications_meeting', sql`(${t.kind} = 'pep-meeting-invitation') = (${t.meetingId} is not null)`),
  ],
);

/** How a person (by identity-provider subject) wants each kind of notification; absent: the feed only. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    subject: text('subject').notNull(),
    kind: text('kind').notNull(),
    delivery: text('delivery').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.subject, t.kind] }),
    check('notification_preferences_kind', inList('kind', NOTIFICATION_KINDS)),
    check('notification_preferences_delivery', inList('delivery', NOTIFICATION_DELIVERIES)),
  ],
);

/**
 * The transactional outbox of emails: written in the transaction that raises the notification, sent by the
 * dispatcher, marked sent; a failed send keeps the row pending and retries it with backoff. The mail itself
 * names no child (decision 0029): only the kind and a link.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notificationId: text('notification_id')
      .notNull()
      .references(() => notifications.id),
    subject: text('subject').notNull(),
    email: text('email').notNull(),
    kind: text('kind').notNull(),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notification_outbox_once').on(t.notificationId, t.subject),
    index('notification_outbox_due')
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'pending'`),
    check('notification_outbox_state', inList('state', OUTBOX_STATES)),
  ],
);

/** A PEP review meeting: when, where (a place or an online link, exactly one), its state and version. */
export const pepMeetings = pgTable(
  'pep_meetings',
  {
    id: text('id').primaryKey(),
    /** The plan under review. */
    pepId: text('pep_id')
      .notNull()
      .references(() => peps.id),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    /** The day of the meeting and its start, local time in Wales (HH:MM). */
    meetsOn: date('meets_on', { mode: 'string' }).notNull(),
    startsAt: text('starts_at').notNull(),
    place: text('place'),
    /** An https link to join online. */
    onlineLink: text('online_link'),
    status: text('status').notNull().default('scheduled'),
    /** Optimistic-concurrency version: a reschedule, cancellation or the minutes name the version they were based on. */
    version: integer('version').notNull().default(1),
    scheduledBySubject: text('scheduled_by_subject').notNull(),
    scheduledByRole: text('scheduled_by_role').notNull(),
    /** The plan the minutes were written into (the next version of the plan reviewed, or its draft). */
    minutesPepId: text('minutes_pep_id').references(() => peps.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('pep_meetings_pep').on(t.pepId),
    index('pep_meetings_learner').on(t.learnerId, t.meetsOn),
    check('pep_meetings_status', inList('status', MEETING_STATUSES)),
    check('pep_meetings_where', sql`(${t.place} is null) <> (${t.onlineLink} is null)`),
    check('pep_meetings_link', sql`${t.onlineLink} is null or ${t.onlineLink} like 'https://%'`),
    check('pep_meetings_starts_at', sql`${t.startsAt} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('pep_meetings_version_positive', sql`${t.version} > 0`),
  ],
);

/** One invitee of a meeting, by role, with whom that role reaches and their own answer. */
export const pepMeetingInvitees = pgTable(
  'pep_meeting_invitees',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => pepMeetings.id),
    role: text('role').notNull(),
    /** How the invitee is reached, as a notification recipient: school, authority, learner (the social worker) or child; null for a carer (no sign-in). */
    recipientKind: text('recipient_kind'),
    recipient: text('recipient'),
    response: text('response'),
    respondedBySubject: text('responded_by_subject'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.role] }),
    check('pep_meeting_invitees_role', inList('role', MEETING_INVITEE_ROLES)),
    check('pep_meeting_invitees_response', sql`${t.response} is null or ${t.response} in ('accepted', 'declined', 'tentative')`),
    check('pep_meeting_invitees_recipient', sql`(${t.recipientKind} is null) = (${t.recipient} is null)`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A document kept on a child's record or PEP (decision 0034): what it is and who kept it. Its bytes are in
 * `document_contents`, so listing a child's documents never reads them. Kept, never changed.
 */
export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    /** education, wellbeing or pep: the field class the document is read and written under. */
    section: text('section').notNull(),
    /** The plan it is attached to, for the pep section; null otherwise. */
    pepId: text('pep_id').references(() => peps.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    /** One of the allowed content types, checked against the file's first bytes (packages/documents). */
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** Hex SHA-256 of the bytes: a reader can check the file they downloaded. */
    sha256: text('sha256').notNull(),
    uploadedBySubject: text('uploaded_by_subject').notNull(),
    uploadedByRole: text('uploaded_by_role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('documents_learner').on(t.learnerId, t.section, t.createdAt),
    index('documents_pep').on(t.pepId),
    check('documents_section', inList('section', DOCUMENT_SECTIONS)),
    check('documents_kind', inList('kind', DOCUMENT_KINDS)),
    check('documents_pep_section', sql`(${t.pepId} is null) = (${t.section} <> 'pep')`),
    check('documents_byte_size', sql`${t.byteSize} > 0`),
    check('documents_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** A document's bytes, beside its row. */
export const documentContents = pgTable(
  'document_contents',
  {
    documentId: text('document_id')
      .primaryKey()
      .references(() => documents.id),
    content: bytea('content').notNull(),
  },
  (t) => [check('document_contents_not_empty', sql`octet_length(${t.content}) > 0`)],
);
