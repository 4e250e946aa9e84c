// A school year of session attendance (two marks a day) for every enrolled child of compulsory
// school age. Rates follow those published for children looked after in Wales: about 92% of
// possible sessions attended, and a fifth or more persistently absent. Each child has their own
// propensity to be absent (most attend well, a long tail does not); absences are mostly whole days,
// illness comes in short spells, and the unauthorised share rises with how much a child misses.
// Sessions a child was excluded carry the exclusion mark.
import { ageOn, schoolYearStart, type Day } from './days.ts';
import { firstAtOrAfter, type AttendanceCalendar } from './attendance-calendar.ts';
import { EXCLUDED_MARK, excludedDays } from './exclusions.ts';
import type { ChildPlan } from './plan.ts';
import { normal, type Random } from './random.ts';
import { FIRST_COMPULSORY_SCHOOL_YEAR_AGE, LAST_COMPULSORY_SCHOOL_YEAR_AGE } from './school-age.ts';
import type { AttendanceDayRow } from './types.ts';

export { ATTENDANCE_WINDOW_DAYS, attendanceCalendar, type AttendanceCalendar } from './attendance-calendar.ts';

/** A child's absence propensity is log-normal: this median share of sessions missed ... */
const MEDIAN_ABSENCE = 0.046;
/** ... with this spread (of the logarithm); the tail is what makes persistent absence. */
const ABSENCE_SPREAD = 1.0;
/** No child misses more than this share of sessions. */
const MOST_ABSENCE = 0.9;
/** Share of absence events that last one session only (an appointment, a morning or afternoon off). */
const HALF_DAY_ABSENCE = 0.12;
/** Unauthorised share of a child's absences: this much plus the child's absence propensity. */
const UNAUTHORISED_BASE = 0.3;
const MOST_UNAUTHORISED = 0.7;
/** After a day off ill, the chance the illness lasts another day. */
const ILLNESS_CONTINUES = 0.35;
/** Chance of a late mark on a morning the child is present. */
const LATE = 0.02;
/** Chance, per day, of an approved educational activity (visit, sport, off-site). */
const APPROVED_ACTIVITY = 0.006;
/** Chance, per day, of a session that does not count (school closed, or not required to attend). */
const NOT_COUNTED = 0.002;

const AUTHORISED: readonly (readonly [string, number])[] = [
  ['I', 0.75],
  ['M', 0.15],
  ['C', 0.1],
];
const UNAUTHORISED: readonly (readonly [string, number])[] = [
  ['O', 0.75],
  ['G', 0.15],
  ['N', 0.1],
];
const ACTIVITIES: readonly (readonly [string, number])[] = [
  ['V', 0.5],
  ['P', 0.3],
  ['B', 0.2],
];
const NOT_COUNTED_MARKS: readonly (readonly [string, number])[] = [
  ['#', 0.7],
  ['X', 0.3],
];

const PRESENT_AM = '/';
const PRESENT_PM = '\\';

/** Attendance rows for one authority's children, in child then date order. */
export function planAttendance(rng: Random, children: readonly ChildPlan[], asOf: Day, calendar: AttendanceCalendar): AttendanceDayRow[] {
  const rows: AttendanceDayRow[] = [];
  const { dates, days } = calendar;
  // Each school year in the window decides compulsory school age once per child.
  const yearStarts = [...new Set(days.map(schoolYearStart))];
  const yearOfDay = days.map((day) => yearStarts.indexOf(schoolYearStart(day)));

  for (const child of children) {
    const compulsory = yearStarts.map((start) => {
      const age = ageOn(child.dateOfBirth, start);
      return age >= FIRST_COMPULSORY_SCHOOL_YEAR_AGE && age <= LAST_COMPULSORY_SCHOOL_YEAR_AGE;
    });
    if (!compulsory.some(Boolean)) continue;
    const enrolments = [...child.enrolments].sort((a, b) => a.start - b.start);
    if (enrolments.length === 0) continue;

    // Drawn for every child with an enrolment, so one child's days never shift another's draws.
    const absence = Math.min(MOST_ABSENCE, MEDIAN_ABSENCE * Math.exp(ABSENCE_SPREAD * normal(rng)));
    const unauthorised = Math.min(MOST_UNAUTHORISED, UNAUTHORISED_BASE + absence);
    // Expected absent sessions per event-day: whole days count two of two, half days one of two;
    // illness spells add days, so the chance an absence starts is lowered to match.
    const illness = (1 - unauthorised) * (AUTHORISED[0]?.[1] ?? 0);
    const extraDays = ILLNESS_CONTINUES / (1 - ILLNESS_CONTINUES);
    const perEvent = (1 - HALF_DAY_ABSENCE) * (1 + illness * extraDays) + HALF_DAY_ABSENCE / 2;
    const startAbsence = Math.min(0.95, absence / perEvent);

    let next = 0; // first day index not yet given a row (enrolments never overlap in the register)
    let ill = false;
    // Excluded sessions are marked over the drawn marks, so exclusions never shift the other draws.
    const excluded = excludedDays(child.exclusions, calendar);
    for (const enrolment of enrolments) {
      const end = Math.min(enrolment.end ?? asOf, asOf);
      const from = Math.max(next, firstAtOrAfter(days, enrolment.start));
      for (let i = from; i < days.length && (days[i] as Day) <= end; i += 1) {
        next = i + 1;
        if (!compulsory[yearOfDay[i] as number]) continue;
        let am: string;
        let pm: string;
        const u = rng.next();
        if (ill && rng.chance(ILLNESS_CONTINUES)) {
          am = 'I';
          pm = 'I';
        } else if (u < NOT_COUNTED) {
          am = rng.weighted(NOT_COUNTED_MARKS);
          pm = am;
          ill = false;
        } else if (u < NOT_COUNTED + APPROVED_ACTIVITY) {
          const activity = rng.weighted(ACTIVITIES);
          const whole = activity === 'V' || rng.chance(0.5);
          am = activity;
          pm = whole ? activity : PRESENT_PM;
          ill = false;
        } else if (u < NOT_COUNTED + APPROVED_ACTIVITY + startAbsence) {
          const mark = rng.chance(unauthorised) ? rng.weighted(UNAUTHORISED) : rng.weighted(AUTHORISED);
          if (rng.chance(HALF_DAY_ABSENCE)) {
            const morning = rng.chance(0.5);
            am = morning ? mark : rng.chance(LATE) ? 'L' : PRESENT_AM;
            pm = morning ? PRESENT_PM : mark;
            ill = false;
          } else {
            am = mark;
            pm = mark;
            ill = mark === 'I';
          }
        } else {
          am = rng.chance(LATE) ? 'L' : PRESENT_AM;
          pm = PRESENT_PM;
          ill = false;
        }
        const off = excluded?.get(i);
        if (off !== undefined && off.schoolId === enrolment.school.id) {
          if (off.am) am = EXCLUDED_MARK;
          if (off.pm) pm = EXCLUDED_MARK;
        }
        rows.push({ learnerId: child.id, date: dates[i] as string, schoolId: enrolment.school.id, am, pm });
      }
    }
  }
  return rows;
}
