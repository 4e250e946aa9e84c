// Per-request DataLoaders: every learner on a page shares one SQL statement per kind of data.
// A loader set is made for one request and one caller, never shared (it would cache across callers).
import DataLoader from 'dataloader';
import type { AuthorityDatabase } from '@wales-lac/db';
import type { Caller } from '@wales-lac/caller';
import { attendanceOfLearners, type AttendanceCounts } from './attendance.ts';
import { learnersByIds, type LearnerVisibility } from './learners.ts';
import {
  allocationsOfLearners,
  enrolmentsOfLearners,
  pepsByIds,
  pepsOfLearners,
  placementsOfLearners,
  targetsOfPeps,
  type EnrolmentRow,
  type PepRow,
  type PepTargetRow,
  type PlacementRow,
  type StaffAllocationRow,
} from './history.ts';
import {
  careEpisodesOfLearners,
  destinationsOfLearners,
  eotasOfLearners,
  exclusionsOfLearners,
  interventionsOfLearners,
  needsOfLearners,
  reducedTimetablesOfLearners,
  sdqsOfLearners,
  type AdditionalLearningNeedsRow,
  type CareEpisodeRow,
  type DestinationRow,
  type EotasRow,
  type ExclusionRow,
  type InterventionRow,
  type ReducedTimetableRow,
  type SdqRow,
} from './record.ts';
import { documentsByIds, documentsOfLearners, documentsOfPeps, type DocumentRow } from './documents.ts';
import { inviteesOfMeetings, meetingsByIds, meetingsOfPeps, type PepMeetingInviteeRow, type PepMeetingRow } from './meetings.ts';
import { qualityOfPeps, sectionsOfPeps, signOffsOfPeps, type PepQualityRow, type PepSectionRow, type PepSignOffRow } from './pep-parts.ts';

export interface AuthorityLoaders {
  readonly learner: DataLoader<string, LearnerVisibility | null>;
  readonly placements: DataLoader<string, PlacementRow[]>;
  readonly enrolments: DataLoader<string, EnrolmentRow[]>;
  readonly peps: DataLoader<string, PepRow[]>;
  readonly pep: DataLoader<string, PepRow | null>;
  readonly targets: DataLoader<string, PepTargetRow[]>;
  readonly allocations: DataLoader<string, StaffAllocationRow[]>;
  readonly careEpisodes: DataLoader<string, CareEpisodeRow[]>;
  readonly needs: DataLoader<string, AdditionalLearningNeedsRow[]>;
  readonly exclusions: DataLoader<string, ExclusionRow[]>;
  readonly reducedTimetables: DataLoader<string, ReducedTimetableRow[]>;
  readonly eotas: DataLoader<string, EotasRow[]>;
  readonly sdqs: DataLoader<string, SdqRow[]>;
  readonly interventions: DataLoader<string, InterventionRow[]>;
  readonly destinations: DataLoader<string, DestinationRow[]>;
  readonly sections: DataLoader<string, PepSectionRow[]>;
  readonly signOffs: DataLoader<string, PepSignOffRow[]>;
  readonly quality: DataLoader<string, PepQualityRow | null>;
  readonly meeting: DataLoader<string, PepMeetingRow | null>;
  /** Keyed by plan id. */
  readonly meetings: DataLoader<string, PepMeetingRow[]>;
  /** Keyed by meeting id. */
  readonly invitees: DataLoader<string, PepMeetingInviteeRow[]>;
  readonly document: DataLoader<string, DocumentRow | null>;
  /** Documents kept on each child's record itself (not on a plan). */
  readonly documents: DataLoader<string, DocumentRow[]>;
  readonly pepDocuments: DataLoader<string, DocumentRow[]>;
  /** Keyed by `learnerId|from|to`: every learner on a page asked for the same period shares one statement. */
  readonly attendance: DataLoader<string, AttendanceCounts>;
}

function batch<V>(fetch: (keys: readonly string[]) => Promise<Map<string, V>>, missing: V): DataLoader<string, V> {
  return new DataLoader(async (keys) => {
    const found = await fetch(keys);
    return keys.map((k) => found.get(k) ?? missing);
  });
}

/** `today`: the request's day, the clock every visibility and due-date decision uses. */
export function createAuthorityLoaders(db: AuthorityDatabase, caller: Caller, authorityCode: string, today: string): AuthorityLoaders {
  return {
    learner: batch<LearnerVisibility | null>((ids) => learnersByIds(db, caller, authorityCode, today, ids), null),
    placements: batch((ids) => placementsOfLearners(db, ids), []),
    enrolments: batch((ids) => enrolmentsOfLearners(db, ids), []),
    peps: batch((ids) => pepsOfLearners(db, ids), []),
    pep: batch<PepRow | null>((ids) => pepsByIds(db, ids), null),
    targets: batch((ids) => targetsOfPeps(db, ids), []),
    allocations: batch((ids) => allocationsOfLearners(db, ids), []),
    careEpisodes: batch((ids) => careEpisodesOfLearners(db, ids), []),
    needs: batch((ids) => needsOfLearners(db, ids), []),
    exclusions: batch((ids) => exclusionsOfLearners(db, ids), []),
    reducedTimetables: batch((ids) => reducedTimetablesOfLearners(db, ids), []),
    eotas: batch((ids) => eotasOfLearners(db, ids), []),
    sdqs: batch((ids) => sdqsOfLearners(db, ids), []),
    interventions: batch((ids) => interventionsOfLearners(db, ids), []),
    destinations: batch((ids) => destinationsOfLearners(db, ids), []),
    sections: batch((ids) => sectionsOfPeps(db, ids), []),
    signOffs: batch((ids) => signOffsOfPeps(db, ids), []),
    quality: batch<PepQualityRow | null>((ids) => qualityOfPeps(db, ids), null),
    meeting: batch<PepMeetingRow | null>((ids) => meetingsByIds(db, ids), null),
    meetings: batch((ids) => meetingsOfPeps(db, ids), []),
    invitees: batch((ids) => inviteesOfMeetings(db, ids), []),
    document: batch<DocumentRow | null>((ids) => documentsByIds(db, ids), null),
    documents: batch((ids) => documentsOfLearners(db, ids), []),
    pepDocuments: batch((ids) => documentsOfPeps(db, ids), []),
    attendance: new DataLoader(async (keys) => {
      const byPeriod = new Map<string, string[]>();
      for (const key of keys) {
        const [learnerId = '', from = '', to = ''] = key.split('|');
        byPeriod.set(`${from}|${to}`, [...(byPeriod.get(`${from}|${to}`) ?? []), learnerId]);
      }
      const found = new Map<string, AttendanceCounts>();
      for (const [period, ids] of byPeriod) {
        const [from = '', to = ''] = period.split('|');
        for (const [id, counts] of await attendanceOfLearners(db, ids, from, to)) found.set(`${id}|${period}`, counts);
      }
      return keys.map((key) => found.get(key) ?? { possible: 0, attended: 0, authorised: 0, unauthorised: 0 });
    }),
  };
}
