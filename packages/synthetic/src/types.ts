// Row shapes are the insert types of the database tables, so the data seeds without mapping.
import type { authoritySchema, nationalSchema } from '@wales-lac/db';

export type RegionRow = typeof nationalSchema.regions.$inferInsert;
export type AuthorityRow = typeof nationalSchema.authorities.$inferInsert;
export type RegionMembershipRow = typeof nationalSchema.regionMemberships.$inferInsert;
export type SchoolRow = typeof nationalSchema.schools.$inferInsert;

export type LearnerRow = typeof authoritySchema.learners.$inferInsert;
export type CareEpisodeRow = typeof authoritySchema.careEpisodes.$inferInsert;
export type PlacementRow = typeof authoritySchema.placements.$inferInsert;
export type EnrolmentRow = typeof authoritySchema.enrolments.$inferInsert;
export type PepRow = typeof authoritySchema.peps.$inferInsert;
export type PepTargetRow = typeof authoritySchema.pepTargets.$inferInsert;
export type StaffAllocationRow = typeof authoritySchema.staffAllocations.$inferInsert;
export type AttendanceDayRow = typeof authoritySchema.attendanceDays.$inferInsert;
export type PepSectionRow = typeof authoritySchema.pepSections.$inferInsert;
export type PepSignOffRow = typeof authoritySchema.pepSignOffs.$inferInsert;
export type PepQualityRatingRow = typeof authoritySchema.pepQualityRatings.$inferInsert;
export type ExclusionRow = typeof authoritySchema.exclusions.$inferInsert;
export type ReducedTimetableRow = typeof authoritySchema.reducedTimetables.$inferInsert;
export type EotasRow = typeof authoritySchema.educationOtherThanAtSchool.$inferInsert;
export type SdqAssessmentRow = typeof authoritySchema.sdqAssessments.$inferInsert;
export type InterventionRow = typeof authoritySchema.interventions.$inferInsert;
export type AdditionalLearningNeedRow = typeof authoritySchema.additionalLearningNeeds.$inferInsert;
export type DestinationRow = typeof authoritySchema.destinations.$inferInsert;
export type NotificationRow = typeof authoritySchema.notifications.$inferInsert;

/** National reference data: the contents of the national database. */
export interface NationalDataset {
  readonly regions: RegionRow[];
  readonly authorities: AuthorityRow[];
  readonly regionMemberships: RegionMembershipRow[];
  readonly schools: SchoolRow[];
}

/** The contents of one authority's database: the children it looks after. */
export interface AuthorityDataset {
  readonly learners: LearnerRow[];
  readonly careEpisodes: CareEpisodeRow[];
  readonly placements: PlacementRow[];
  readonly enrolments: EnrolmentRow[];
  readonly peps: PepRow[];
  readonly pepTargets: PepTargetRow[];
  readonly staffAllocations: StaffAllocationRow[];
  /** One row per PEP version and section written. */
  readonly pepSections: PepSectionRow[];
  readonly pepSignOffs: PepSignOffRow[];
  readonly pepQualityRatings: PepQualityRatingRow[];
  /** Exclusions that started in the 365 days ending at asOf. */
  readonly exclusions: ExclusionRow[];
  readonly reducedTimetables: ReducedTimetableRow[];
  readonly educationOtherThanAtSchool: EotasRow[];
  readonly sdqAssessments: SdqAssessmentRow[];
  readonly interventions: InterventionRow[];
  readonly additionalLearningNeeds: AdditionalLearningNeedRow[];
  /** Post-16 destinations of young people past Year 11. */
  readonly destinations: DestinationRow[];
  /** Always empty: notifications arise from moves made through the service. */
  readonly notifications: NotificationRow[];
  /**
   * Session marks for every school day of the 365 days ending at asOf on which a child of
   * compulsory school age was enrolled. Not loaded by seedAuthorityDatabase: use seedAttendance.
   */
  readonly attendanceDays: AttendanceDayRow[];
}

export interface WalesDataset {
  readonly national: NationalDataset;
  /** Keyed by GSS code, in the order of AUTHORITY_FACTS. */
  readonly authorities: ReadonlyMap<string, AuthorityDataset>;
}

export interface GenerateWalesOptions {
  /** Default 2024. */
  readonly seed?: number;
  /** Share of the published number of children to generate, 0 < scale <= 1; default 1. Schools are never scaled. */
  readonly scale?: number;
  /** The reference "today", YYYY-MM-DD: nothing happens after it, except due dates. */
  readonly asOf: string;
}
