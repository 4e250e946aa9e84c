// The rest of a child's record, for many learners at once (DataLoader batches): care episodes, ALN and
// IDP, exclusions, reduced timetables, education other than at school, SDQs, interventions and post-16
// destinations.
import { asc, desc } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import { groupBy } from './grouping.ts';
import { anyId, byIds } from './id-list.ts';

const { careEpisodes, additionalLearningNeeds, exclusions, reducedTimetables, educationOtherThanAtSchool, sdqAssessments, interventions, destinations } =
  authoritySchema;
export type CareEpisodeRow = typeof careEpisodes.$inferSelect;
export type AdditionalLearningNeedsRow = typeof additionalLearningNeeds.$inferSelect;
export type ExclusionRow = typeof exclusions.$inferSelect;
export type ReducedTimetableRow = typeof reducedTimetables.$inferSelect;
export type EotasRow = typeof educationOtherThanAtSchool.$inferSelect;
export type SdqRow = typeof sdqAssessments.$inferSelect;
export type InterventionRow = typeof interventions.$inferSelect;
export type DestinationRow = typeof destinations.$inferSelect;

type Fetch<R> = (db: AuthorityDatabase, learnerIds: readonly string[]) => Promise<Map<string, R[]>>;

export const careEpisodesOfLearners: Fetch<CareEpisodeRow> = async (db, ids) =>
  groupBy(
    await byIds(db, ids, 'care_episodes_by_learner_id', (d, i) =>
      d.select().from(careEpisodes).where(anyId(careEpisodes.learnerId, i)).orderBy(desc(careEpisodes.startedOn)),
    ),
    (r) => r.learnerId,
  );

export const needsOfLearners: Fetch<AdditionalLearningNeedsRow> = async (db, ids) =>
  groupBy(
    await byIds(db, ids, 'additional_learning_needs_by_learner_id', (d, i) =>
      d.select().from(additionalLearningNeeds).where(anyId(additionalLearningNeeds.learnerId, i)).orderBy(desc(additionalLearningNeeds.identifiedOn)),
    ),
    (r) => r.learnerId,
  );

export const exclusionsOfLearners: Fetch<ExclusionRow> = async (db, ids) =>
  groupBy(
    await byIds(db, ids, 'exclusions_by_learner_id', (d, i) =>
      d.select().from(exclusions).where(anyId(exclusions.learnerId, i)).orderBy(desc(exclusions.startsOn), asc(exclusions.id)),
    ),
    (r) => r.learnerId,
  );

export const reducedTimetablesOfLearners: Fetch<ReducedTimetableRow> = async (db, ids) =>
  groupBy(
    await byIds(db, ids, 'reduced_timetables_by_learner_id', (d, i) =>
      d.select().from(reducedTimetables).where(anyId(reducedTimetables.learnerId, i)).orderBy(desc(reducedTimetables.startedOn)),
    ),
    (r) => r.learnerId,
  );

export const eotasOfLearners: Fetch<EotasRow> = async (db, ids) =>
  groupBy(
    await byIds(db, ids, 'education_other_than_at_school_by_learner_id', (d, i) =>
      d
        .select()
        .from(educationOtherThanAtSchool)
        .where(anyId(educationOtherThanAtSchool.learnerId, i))
        .orderBy(desc(educationOtherThanAtSchool.startedOn), desc(educationOtherThanAtSchool.id)),
    ),
    (r) => r.learnerId,
  );

export const sdqsOfLearners: Fetch<SdqRow> = async (db, ids) =>
  groupBy(
    await byIds(db, ids, 'sdq_assessments_by_learner_id', (d, i) =>
      d.select().from(sdqAssessments).where(anyId(sdqAssessments.learnerId, i)).orderBy(desc(sdqAssessments.completedOn), desc(sdqAssessments.id)),
    ),
    (r) => r.learnerId,
  );

export const interventionsOfLearners: Fetch<InterventionRow> = async (db, ids) =>
  groupBy(
    await byIds(db, ids, 'interventions_by_learner_id', (d, i) =>
      d.select().from(interventions).where(anyId(interventions.learnerId, i)).orderBy(desc(interventions.startedOn), asc(interventions.id)),
    ),
    (r) => r.learnerId,
  );

export const destinationsOfLearners: Fetch<DestinationRow> = async (db, ids) =>
  groupBy(
    await byIds(db, ids, 'destinations_by_learner_id', (d, i) =>
      d.select().from(destinations).where(anyId(destinations.learnerId, i)).orderBy(desc(destinations.recordedOn), desc(destinations.id)),
    ),
    (r) => r.learnerId,
  );
