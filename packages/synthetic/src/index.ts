// Deterministic synthetic data for the 22 Welsh authorities, and loaders for the databases.
export { generateWales, learnerCount, DEFAULT_SEED } from './generate.ts';
export { seedNationalDatabase, seedAuthorityDatabase, seedAttendance, SEED_CHUNK_SIZE } from './seed.ts';
export type { SqlClient } from './seed.ts';
export { ATTENDANCE_WINDOW_DAYS } from './attendance.ts';
export { walesSummary } from './summary.ts';
export type { AuthoritySummary } from './summary.ts';
export { schoolYearAge, isCompulsorySchoolAge, FIRST_COMPULSORY_SCHOOL_YEAR_AGE, LAST_COMPULSORY_SCHOOL_YEAR_AGE } from './school-age.ts';
export { WALES_SCHOOL_TOTALS } from './schools.ts';
export { OWNER_ROLES } from './target-texts.ts';
export { socialWorkerSubjects, socialWorkerCount, virtualSchoolHeadSubject, designatedTeacherSubject, TYPICAL_CASELOAD } from './staff.ts';
export type { OwnerRole } from './plan.ts';
export type {
  WalesDataset,
  NationalDataset,
  AuthorityDataset,
  GenerateWalesOptions,
  RegionRow,
  AuthorityRow,
  RegionMembershipRow,
  SchoolRow,
  LearnerRow,
  CareEpisodeRow,
  PlacementRow,
  EnrolmentRow,
  PepRow,
  PepTargetRow,
  StaffAllocationRow,
  AttendanceDayRow,
  PepSectionRow,
  PepSignOffRow,
  PepQualityRatingRow,
  ExclusionRow,
  ReducedTimetableRow,
  EotasRow,
  SdqAssessmentRow,
  InterventionRow,
  AdditionalLearningNeedRow,
  DestinationRow,
  NotificationRow,
} from './types.ts';
