export { createAuthorityLoaders } from './loaders.ts';
export type { AuthorityLoaders } from './loaders.ts';
export { pageOfLearners, learnerExists } from './learners.ts';
export type { LearnerRow, LearnerPage, LearnerPageQuery, LearnerVisibility } from './learners.ts';
export type { PlacementRow, EnrolmentRow, PepRow, PepTargetRow } from './history.ts';
