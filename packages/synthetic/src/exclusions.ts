// Exclusions from school in the last 12 months. Fixed-term exclusions of a few sessions fall on a
// minority of pupils (mostly in secondary schools and pupil referral units), several times on some,
// about 12 a year per 100 looked-after pupils of compulsory school age; a permanent exclusion is
// rare and ends the child's stay at the school, the pupil referral unit taking them on.
import { firstAtOrAfter, type AttendanceCalendar } from './attendance-calendar.ts';
import { schoolYearAgeOn, type Day } from './days.ts';
import type { ChildPlan, EnrolmentPlan, ExclusionPlan } from './plan.ts';
import { enrolmentOn, enrolmentsInYear, isCompulsoryOn } from './pupil.ts';
import type { Random } from './random.ts';
import type { SchoolRow } from './types.ts';

/** The register mark for an excluded pupil with no alternative provision (E in the 2010 Welsh set). */
export const EXCLUDED_MARK = 'E';

/** Chance a pupil is excluded at least once in the year, by the kind of school they are at now. */
const EXCLUDED_AT_ALL = { primary: 0.027, secondary: 0.095, special: 0.04, pru: 0.22 } as const;
/** How strongly a child's need (a standard normal score) raises that chance, on the log scale. */
const NEED_EFFECT = 0.7;
/** After each exclusion, the chance of another in the year: about 1.8 each for those excluded. */
const ANOTHER = 0.45;
const MOST_IN_YEAR = 6;
/** Sessions (half days) of a fixed-term exclusion: mostly one to three days. */
const SESSIONS: readonly (readonly [number, number])[] = [
  [1, 0.07],
  [2, 0.26],
  [3, 0.08],
  [4, 0.22],
  [5, 0.04],
  [6, 0.15],
  [7, 0.02],
  [8, 0.08],
  [9, 0.01],
  [10, 0.07],
];
/** Chance that a move from a school straight to a pupil referral unit followed a permanent exclusion. */
const PERMANENT_BEFORE_PRU = 0.08;
/** A permanent exclusion starts this many school days before the child leaves the roll. */
const PERMANENT_NOTICE = [5, 15] as const;
/** Sessions a permanent exclusion shows in the register before alternative provision begins (five days). */
const PERMANENT_MARKED_SESSIONS = 10;

type Weights = readonly (readonly [string, number])[];

const SECONDARY_REASONS: Weights = [
  ['persistent-disruptive-behaviour', 0.3],
  ['verbal-abuse-adult', 0.15],
  ['physical-assault-pupil', 0.14],
  ['threatening-behaviour', 0.08],
  ['physical-assault-adult', 0.06],
  ['verbal-abuse-pupil', 0.05],
  ['drug-alcohol', 0.05],
  ['damage', 0.05],
  ['bullying', 0.03],
  ['theft', 0.02],
  ['other', 0.07],
];
const PRIMARY_REASONS: Weights = [
  ['persistent-disruptive-behaviour', 0.35],
  ['physical-assault-pupil', 0.2],
  ['physical-assault-adult', 0.17],
  ['verbal-abuse-adult', 0.1],
  ['damage', 0.08],
  ['threatening-behaviour', 0.04],
  ['other', 0.06],
];
const PERMANENT_REASONS: Weights = [
  ['persistent-disruptive-behaviour', 0.3],
  ['physical-assault-adult', 0.3],
  ['physical-assault-pupil', 0.2],
  ['drug-alcohol', 0.1],
  ['offensive-weapon', 0.1],
];

type SchoolKind = keyof typeof EXCLUDED_AT_ALL;

function kindOf(school: SchoolRow, schoolYearAge: number): SchoolKind {
  if (school.phase === 'pru' || school.phase === 'special') return school.phase;
  return schoolYearAge >= 11 ? 'secondary' : 'primary';
}

/** Exclusions starting on school days of the attendance calendar, oldest first. */
export function planExclusions(rng: Random, child: ChildPlan, need: number, asOf: Day, calendar: AttendanceCalendar): ExclusionPlan[] {
  const { days } = calendar;
  const latest = enrolmentsInYear(child, asOf).at(-1);
  if (!latest || days.length === 0) return [];
  const out: ExclusionPlan[] = [];
  // Calendar index ranges already excluded, so exclusions never overlap.
  const taken: (readonly [number, number])[] = [];
  const free = (from: number, to: number) => taken.every(([a, b]) => to < a || from > b);

  const permanent = permanentExclusion(rng, child, asOf, days);
  if (permanent) {
    const { enrolment, index } = permanent;
    taken.push([index, index + PERMANENT_MARKED_SESSIONS / 2 - 1]);
    const reason = rng.weighted(PERMANENT_REASONS);
    out.push({ school: enrolment.school, kind: 'permanent', start: days[index] as Day, sessions: null, reason });
  }

  const yearAge = schoolYearAgeOn(child.dateOfBirth, asOf);
  const chance = EXCLUDED_AT_ALL[kindOf(latest.school, yearAge)] * Math.exp(NEED_EFFECT * need - (NEED_EFFECT * NEED_EFFECT) / 2);
  if (!rng.chance(chance)) return out;
  let count = 1;
  while (count < MOST_IN_YEAR && rng.chance(ANOTHER)) count += 1;
  for (let k = 0; k < count; k += 1) {
    // A random school day on which the child was of compulsory school age and on a roll.
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const index = rng.int(0, days.length - 1);
      const day = days[index] as Day;
      if (!isCompulsoryOn(child.dateOfBirth, day)) continue;
      const enrolment = enrolmentOn(child, day, asOf);
      if (!enrolment) continue;
      const sessions = rng.weighted(SESSIONS);
      const span = Math.ceil(sessions / 2);
      if (!free(index - 3, index + span + 2)) continue;
      taken.push([index, index + span - 1]);
      const reasons = kindOf(enrolment.school, schoolYearAgeOn(child.dateOfBirth, day)) === 'primary' ? PRIMARY_REASONS : SECONDARY_REASONS;
      out.push({ school: enrolment.school, kind: 'fixed-term', start: day, sessions, reason: rng.weighted(reasons) });
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A stay that ended in the year with a move straight to a pupil referral unit may have ended in a permanent exclusion. */
function permanentExclusion(rng: Random, child: ChildPlan, asOf: Day, days: readonly Day[]): { enrolment: EnrolmentPlan; index: number } | null {
  const stays = [...child.enrolments].sort((a, b) => a.start - b.start);
  for (let k = 1; k < stays.length; k += 1) {
    const before = stays[k - 1] as EnrolmentPlan;
    const after = stays[k] as EnrolmentPlan;
    if (after.school.phase !== 'pru' || before.school.phase === 'pru' || before.end === null || before.end !== after.start) continue;
    if (before.end > asOf || !rng.chance(PERMANENT_BEFORE_PRU)) return null;
    const index = firstAtOrAfter(days, before.end) - rng.int(PERMANENT_NOTICE[0], PERMANENT_NOTICE[1]);
    const day = days[index];
    if (day === undefined || day < before.start || !isCompulsoryOn(child.dateOfBirth, day)) return null;
    return { enrolment: before, index };
  }
  return null;
}

/** A school day with an exclusion mark in the register: which sessions, at which school. */
export interface ExcludedDay {
  readonly schoolId: string;
  readonly am: boolean;
  readonly pm: boolean;
}

/**
 * The register days an exclusion covers, by calendar index. An odd number of sessions starts in
 * the afternoon (sent home at lunchtime); the rest are whole days.
 */
export function excludedDays(exclusions: readonly ExclusionPlan[], calendar: AttendanceCalendar): Map<number, ExcludedDay> | null {
  if (exclusions.length === 0) return null;
  const { days } = calendar;
  const marked = new Map<number, ExcludedDay>();
  for (const exclusion of exclusions) {
    const schoolId = exclusion.school.id;
    let index = firstAtOrAfter(days, exclusion.start);
    let left = exclusion.sessions ?? PERMANENT_MARKED_SESSIONS;
    if (left % 2 === 1) {
      marked.set(index, { schoolId, am: false, pm: true });
      left -= 1;
      index += 1;
    }
    for (; left > 0 && index < days.length; left -= 2, index += 1) marked.set(index, { schoolId, am: true, pm: true });
  }
  return marked;
}
