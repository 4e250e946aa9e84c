export { createAuthorityLoaders } from './loaders.ts';
export type { AuthorityLoaders } from './loaders.ts';
export { pageOfLearners, learnerExists } from './learners.ts';
export type { LearnerRow, LearnerPage, LearnerPageQuery, LearnerVisibility } from './learners.ts';
export type { PlacementRow, EnrolmentRow, PepRow, PepTargetRow, StaffAllocationRow } from './history.ts';
export { appendAuditRows, accessHistory } from './audit.ts';
export type { AuditRow, NewAuditRow, HistoryQuery } from './audit.ts';
export { targetWithPep, recordTargetProgress } from './writes.ts';
export type { TargetProgressChange, WriteOutcome } from './writes.ts';
