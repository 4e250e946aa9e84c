// Where a child was on a school roll, and when they were of compulsory school age: the questions
// the education record (exclusions, reduced timetables, support) asks of a child's school history.
import { schoolYearAgeOn, type Day } from './days.ts';
import type { ChildPlan, EnrolmentPlan } from './plan.ts';
import { FIRST_COMPULSORY_SCHOOL_YEAR_AGE, LAST_COMPULSORY_SCHOOL_YEAR_AGE } from './school-age.ts';

/** Days in "the last 12 months": the 365 days ending at asOf. */
export const YEAR_DAYS = 365;

/** Year 1 to Year 11 on that day. */
export function isCompulsoryOn(dateOfBirth: Day, day: Day): boolean {
  const age = schoolYearAgeOn(dateOfBirth, day);
  return age >= FIRST_COMPULSORY_SCHOOL_YEAR_AGE && age <= LAST_COMPULSORY_SCHOOL_YEAR_AGE;
}

/**
 * The school whose roll the child was on that day. Where one stay ends on the day the next begins
 * the earlier counts, as in the register (attendance.ts).
 */
export function enrolmentOn(child: ChildPlan, day: Day, asOf: Day): EnrolmentPlan | null {
  let found: EnrolmentPlan | null = null;
  for (const enrolment of child.enrolments) {
    if (enrolment.start <= day && day <= (enrolment.end ?? asOf) && (found === null || enrolment.start < found.start)) found = enrolment;
  }
  return found;
}

/** Stays on a roll that overlap the last 12 months, oldest first. */
export function enrolmentsInYear(child: ChildPlan, asOf: Day): EnrolmentPlan[] {
  return child.enrolments.filter((e) => e.start <= asOf && (e.end === null || e.end > asOf - YEAR_DAYS)).sort((a, b) => a.start - b.start);
}

/** On a school roll on some day of the last 12 months. */
export const isPupilInYear = (child: ChildPlan, asOf: Day): boolean => enrolmentsInYear(child, asOf).length > 0;

/** The school the child is on the roll of now, if any. */
export const currentEnrolment = (child: ChildPlan): EnrolmentPlan | null => child.enrolments.find((e) => e.end === null) ?? null;
