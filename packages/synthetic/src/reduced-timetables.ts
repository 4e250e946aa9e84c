// Reduced (part-time) timetables: about 6% of looked-after pupils spend part of the year on one,
// mostly in secondary school or a pupil referral unit, usually for a few weeks to a term and at
// 10 to 20 hours a week. Each lies within one stay at one school.
import { isSchoolDay } from '@wales-lac/wales';
import { isoDate, schoolYearAgeOn, type Day } from './days.ts';
import type { ChildPlan, ReducedTimetablePlan } from './plan.ts';
import { enrolmentsInYear, YEAR_DAYS } from './pupil.ts';
import type { Random } from './random.ts';

/** Chance of a reduced timetable in the year, by the kind of school the child is at. */
const ON_ONE = { primary: 0.025, secondary: 0.08, special: 0.06, pru: 0.2 } as const;
const NEED_EFFECT = 0.8;
/** Days a reduced timetable lasts: a few weeks, a term, or longer. */
const LENGTHS: readonly (readonly [readonly [number, number], number])[] = [
  [[14, 42], 0.35],
  [[43, 100], 0.4],
  [[101, 220], 0.25],
];
const REASONS: readonly (readonly [string, number])[] = [
  ['Phased return after a long period out of school', 0.2],
  ['Anxiety about attending: hours built up week by week', 0.18],
  ['Settling in after a placement move and a change of school', 0.15],
  ['Managing behaviour after repeated exclusions', 0.14],
  ['Health needs: part-time timetable agreed with the school nurse', 0.08],
  ['Waiting for a specialist place following an ALN assessment', 0.1],
  ['Reintegration from the pupil referral unit', 0.08],
  ['Attending college one day a week alongside school', 0.07],
];

/** At most one reduced timetable overlapping the last 12 months. */
export function planReducedTimetables(rng: Random, child: ChildPlan, need: number, asOf: Day): ReducedTimetablePlan[] {
  const stays = enrolmentsInYear(child, asOf);
  const latest = stays.at(-1);
  if (!latest) return [];
  const yearAge = schoolYearAgeOn(child.dateOfBirth, asOf);
  const phase = latest.school.phase;
  const kind = phase === 'pru' || phase === 'special' ? phase : yearAge >= 11 ? 'secondary' : 'primary';
  if (!rng.chance(ON_ONE[kind] * Math.exp(NEED_EFFECT * need - (NEED_EFFECT * NEED_EFFECT) / 2))) return [];

  // Most recent stays are likelier: the latest school, else the one before.
  const stay = stays.length > 1 && rng.chance(0.2) ? (stays[stays.length - 2] ?? latest) : latest;
  const [shortest, longest] = rng.weighted(LENGTHS);
  const length = rng.int(shortest, longest);
  const stayEnd = stay.end ?? asOf;
  // It must still run on some day of the year: ending after the year began.
  const earliest = Math.max(stay.start, asOf - YEAR_DAYS + 1 - length + 1);
  const latestStart = Math.min(stayEnd, asOf);
  if (earliest > latestStart) return [];
  // Starts on a school day: the next one, or in a holiday at the end of the range the one before.
  const drawn = rng.int(earliest, latestStart);
  let start = drawn;
  while (start <= latestStart && !isSchoolDay(isoDate(start))) start += 1;
  if (start > latestStart) {
    start = drawn;
    while (start >= earliest && !isSchoolDay(isoDate(start))) start -= 1;
  }
  if (start < earliest) return [];
  const planned = start + length;
  // Still running at asOf only while the child is still at the school; otherwise it ended with the stay.
  const end = planned > asOf ? stay.end : Math.min(planned, stayEnd);
  if (end !== null && end <= asOf - YEAR_DAYS) return [];
  const hoursPerWeek = rng.int(10, 20);
  const reasons = stay.school.phase === 'pru' ? REASONS.filter(([r]) => !r.includes('pupil referral unit')) : REASONS;
  return [{ school: stay.school, start, end, hoursPerWeek, reason: rng.weighted(reasons) }];
}
