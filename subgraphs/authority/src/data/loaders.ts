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

export interface AuthorityLoaders {
  readonly learner: DataLoader<string, LearnerVisibility | null>;
  readonly placements: DataLoader<string, PlacementRow[]>;
  readonly enrolments: DataLoader<string, EnrolmentRow[]>;
  readonly peps: DataLoader<string, PepRow[]>;
  readonly pep: DataLoader<string, PepRow | null>;
  readonly targets: DataLoader<string, PepTargetRow[]>;
  readonly allocations: DataLoader<string, StaffAllocationRow[]>;
  /** Keyed by `learnerId|from|to`: every learner on a page asked for the same period shares one statement. */
  readonly attendance: DataLoader<string, AttendanceCounts>;
}

function batch<V>(fetch: (keys: readonly string[]) => Promise<Map<string, V>>, missing: V): DataLoader<string, V> {
  return new DataLoader(async (keys) => {
    const found = await fetch(keys);
    return keys.map((k) => found.get(k) ?? missing);
  });
}

export function createAuthorityLoaders(db: AuthorityDatabase, caller: Caller, authorityCode: string): AuthorityLoaders {
  return {
    learner: batch<LearnerVisibility | null>((ids) => learnersByIds(db, caller, authorityCode, ids), null),
    placements: batch((ids) => placementsOfLearners(db, ids), []),
    enrolments: batch((ids) => enrolmentsOfLearners(db, ids), []),
    peps: batch((ids) => pepsOfLearners(db, ids), []),
    pep: batch<PepRow | null>((ids) => pepsByIds(db, ids), null),
    targets: batch((ids) => targetsOfPeps(db, ids), []),
    allocations: batch((ids) => allocationsOfLearners(db, ids), []),
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
