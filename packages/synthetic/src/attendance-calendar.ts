// The school days of the attendance window, shared by attendance and exclusions (each marks sessions on them).
import { schoolDays } from '@wales-lac/wales';
import { isoDate, parseIsoDate, type Day } from './days.ts';

/** The window of attendance: this many days ending at asOf, inclusive. */
export const ATTENDANCE_WINDOW_DAYS = 365;

/** The school days of the window, as dates and as day numbers (the date strings are shared by all rows). */
export interface AttendanceCalendar {
  readonly dates: readonly string[];
  readonly days: readonly Day[];
}

export function attendanceCalendar(asOf: Day): AttendanceCalendar {
  const dates = schoolDays(isoDate(asOf - ATTENDANCE_WINDOW_DAYS + 1), isoDate(asOf));
  return { dates, days: dates.map(parseIsoDate) };
}

/** Index of the first day >= day (days sorted). */
export function firstAtOrAfter(days: readonly Day[], day: Day): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as Day) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
