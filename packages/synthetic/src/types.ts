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
