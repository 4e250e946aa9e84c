// Calendar arithmetic on whole UTC days, so dates never drift with time zones.

/** Days since 1970-01-01 (UTC). */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayOf(year: number, month: number, dayOfMonth: number): Day {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** Parses 'YYYY-MM-DD', refusing impossible dates such as 2024-02-30. */
export function parseIsoDate(iso: string): Day {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got '${iso}'`);
  const day = dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  if (isoDate(day) !== iso) throw new RangeError(`'${iso}' is not a calendar date`);
  return day;
}

/** Formatted days, kept because the same few thousand days are formatted tens of thousands of times. */
const isoCache = new Map<Day, string>();

export function isoDate(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Whole years of age on a day (a 29 February birthday counts from 1 March). */
export function ageOn(dateOfBirth: Day, on: Day): number {
  const birth = new Date(dateOfBirth * MS_PER_DAY);
  const then = new Date(on * MS_PER_DAY);
  let age = then.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday = then.getUTCMonth() < birth.getUTCMonth() || (then.getUTCMonth() === birth.getUTCMonth() && then.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** 1 September that began the school year containing the day. */
export function schoolYearStart(on: Day): Day {
  const year = yearOf(on);
  const september = dayOf(year, 9, 1);
  return on >= september ? september : dayOf(year - 1, 9, 1);
}

/** Age on 1 September of the current school year: 4 is Reception, 5 Year 1, 15 Year 11. */
export function schoolYearAgeOn(dateOfBirth: Day, on: Day): number {
  return ageOn(dateOfBirth, schoolYearStart(on));
}

/** The 1 September on which a child is `age`: the start of the school year they enter at that age. */
export function firstSeptemberAtAge(dateOfBirth: Day, age: number): Day {
  const birth = new Date(dateOfBirth * MS_PER_DAY);
  // Born 1 September to 31 August form one school cohort.
  const bornBySeptember = birth.getUTCMonth() < 8 || (birth.getUTCMonth() === 8 && birth.getUTCDate() === 1);
  return dayOf(birth.getUTCFullYear() + age + (bornBySeptember ? 0 : 1), 9, 1);
}

/** The day a child reaches `age` (a 29 February birthday falls on 1 March in other years). */
export function birthdayAt(dateOfBirth: Day, age: number): Day {
  const birth = new Date(dateOfBirth * MS_PER_DAY);
  return dayOf(birth.getUTCFullYear() + age, birth.getUTCMonth() + 1, birth.getUTCDate());
}
