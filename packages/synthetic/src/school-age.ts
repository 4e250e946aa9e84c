// The Welsh school-year rule: a child's year group follows their age on 1 September.
import { parseIsoDate, schoolYearAgeOn } from './days.ts';

/** Age on 1 September first reached as a Year 1 pupil (compulsory schooling in practice). */
export const FIRST_COMPULSORY_SCHOOL_YEAR_AGE = 5;
/** Age on 1 September of a Year 11 pupil, the last compulsory year. */
export const LAST_COMPULSORY_SCHOOL_YEAR_AGE = 15;

/** Age on 1 September of the school year containing `on`: 4 is Reception, 15 is Year 11. */
export function schoolYearAge(dateOfBirth: string, on: string): number {
  return schoolYearAgeOn(parseIsoDate(dateOfBirth), parseIsoDate(on));
}

/** Year 1 to Year 11 on `on`: every such child in the synthetic data has a current enrolment. */
export function isCompulsorySchoolAge(dateOfBirth: string, on: string): boolean {
  const age = schoolYearAge(dateOfBirth, on);
  return age >= FIRST_COMPULSORY_SCHOOL_YEAR_AGE && age <= LAST_COMPULSORY_SCHOOL_YEAR_AGE;
}
