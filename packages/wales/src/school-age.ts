// School age in Wales, by the school year: a child starts Reception in the September after they turn four,
// and compulsory education ends in the summer of the school year in which they turn sixteen.

/** A child's age on 31 August before the school year a date falls in (Reception is 4, Year 11 is 15). */
export function schoolYearAge(dateOfBirth: string, on: string): number {
  const year = Number(on.slice(0, 4)) - (on.slice(5) >= '09-01' ? 0 : 1);
  const birthYear = Number(dateOfBirth.slice(0, 4));
  return year - birthYear - (dateOfBirth.slice(5) > '08-31' ? 1 : 0);
}

/** The first day of the child's Reception year: 1 September after their fourth birthday. */
export function receptionStartOf(dateOfBirth: string): string {
  const birthYear = Number(dateOfBirth.slice(0, 4));
  const year = birthYear + 4 + (dateOfBirth.slice(5) > '08-31' ? 1 : 0);
  return `${year}-09-01`;
}
