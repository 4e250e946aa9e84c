// A synthetic Welsh school calendar: term dates differ by authority and year and are set locally, so
// this is configurable data for synthetic attendance and date checks, never a rule that rejects a record.
export interface Holiday {
  readonly from: string;
  readonly to: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);

/** Typical holidays of the school year starting in September of `year`. */
export function typicalHolidays(year: number): Holiday[] {
  return [
    { from: `${year}-10-27`, to: `${year}-10-31` },
    { from: `${year}-12-22`, to: `${year + 1}-01-02` },
    { from: `${year + 1}-02-16`, to: `${year + 1}-02-20` },
    { from: `${year + 1}-03-30`, to: `${year + 1}-04-10` },
    { from: `${year + 1}-05-25`, to: `${year + 1}-05-29` },
  ];
}

/** The school year (starting in September) that a date falls in. */
export function schoolYearOf(date: string): number {
  const d = day(date);
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

/** School days (weekdays in term) from `from` to `to` inclusive: terms run 2 September to 20 July. */
export function schoolDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = day(from); d <= day(to); d.setUTCDate(d.getUTCDate() + 1)) {
    const date = iso(d);
    const weekday = d.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const year = schoolYearOf(date);
    if (date < `${year}-09-02` || date > `${year + 1}-07-20`) continue;
    if (typicalHolidays(year).some((h) => date >= h.from && date <= h.to)) continue;
    days.push(date);
  }
  return days;
}

export function isSchoolDay(date: string): boolean {
  return schoolDays(date, date).length === 1;
}

/** The date `count` school days after `date` (the day itself not counted). */
export function addSchoolDays(date: string, count: number): string {
  const d = day(date);
  let left = count;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isSchoolDay(iso(d))) left -= 1;
  }
  return iso(d);
}

/** The first day of the school term a date falls in (autumn 2 Sep, spring after Christmas, summer after Easter); holidays belong to the term before. */
export function termStartOf(date: string): string {
  const year = schoolYearOf(date);
  const [, christmas, , easter] = typicalHolidays(year);
  const afterDay = (h: Holiday | undefined) => {
    const d = day(h?.to ?? `${year}-09-01`);
    d.setUTCDate(d.getUTCDate() + 1);
    return iso(d);
  };
  const summer = afterDay(easter);
  const spring = afterDay(christmas);
  if (date >= summer) return summer;
  if (date >= spring) return spring;
  return `${year}-09-02`;
}
