import { ATTENDANCE_MARKS, ATTENDED_MARKS, isSchoolDay, PERSISTENT_ABSENCE_SHARE, POSSIBLE_MARKS } from '@wales-lac/wales';
import { describe, expect, it } from 'vitest';
import { ATTENDANCE_WINDOW_DAYS } from './attendance.ts';
import { isoDate, parseIsoDate } from './days.ts';
import { generateWales } from './generate.ts';
import { isCompulsorySchoolAge } from './school-age.ts';

const asOf = '2025-03-31';
const data = generateWales({ scale: 0.2, asOf });
const windowStart = isoDate(parseIsoDate(asOf) - ATTENDANCE_WINDOW_DAYS + 1);

describe('attendance', () => {
  it('is the same for the same options, and does not disturb the other tables', () => {
    const again = generateWales({ scale: 0.2, asOf });
    for (const [code, dataset] of data.authorities) {
      expect(again.authorities.get(code)?.attendanceDays).toEqual(dataset.attendanceDays);
    }
    const other = generateWales({ seed: 9, scale: 0.05, asOf });
    const code = 'W06000015';
    expect(other.authorities.get(code)?.attendanceDays).not.toEqual(generateWales({ scale: 0.05, asOf }).authorities.get(code)?.attendanceDays);
  });

  it('has one row per enrolled school day of a compulsory-school-age child, with known marks', () => {
    // Plain checks collected into a list: an expect per row is too slow for 170,000 rows.
    const problems: string[] = [];
    let rows = 0;
    const schoolDay = new Map<string, boolean>();
    for (const dataset of data.authorities.values()) {
      const dob = new Map(dataset.learners.map((l) => [l.id, l.dateOfBirth]));
      const enrolments = new Map<string, typeof dataset.enrolments>();
      for (const e of dataset.enrolments) enrolments.set(e.learnerId, [...(enrolments.get(e.learnerId) ?? []), e]);
      const seen = new Set<string>();
      for (const row of dataset.attendanceDays) {
        rows += 1;
        const key = `${row.learnerId} ${row.date}`;
        if (seen.has(key)) problems.push(`${key}: duplicate`);
        seen.add(key);
        if (!schoolDay.has(row.date)) schoolDay.set(row.date, isSchoolDay(row.date));
        if (!schoolDay.get(row.date)) problems.push(`${key}: not a school day`);
        if (row.date < windowStart || row.date > asOf) problems.push(`${key}: outside the year to ${asOf}`);
        const born = dob.get(row.learnerId);
        if (born === undefined || !isCompulsorySchoolAge(born, row.date)) problems.push(`${key}: not of compulsory school age`);
        const enrolled = (enrolments.get(row.learnerId) ?? []).some(
          (e) => e.schoolId === row.schoolId && e.startedOn <= row.date && (e.endedOn ?? asOf) >= row.date,
        );
        if (!enrolled) problems.push(`${key}: not enrolled at ${row.schoolId}`);
        if (ATTENDANCE_MARKS[row.am] === undefined || ATTENDANCE_MARKS[row.pm] === undefined) problems.push(`${key}: marks ${row.am}${row.pm}`);
        if (problems.length > 20) break;
      }
    }
    expect(problems).toEqual([]);
    expect(rows).toBeGreaterThan(100_000);
  }, 30_000);

  it('gives every child of compulsory school age on the roll a register', () => {
    // Unless the enrolment began after the last school day of the year (in the Easter holiday, say).
    const dates = new Set<string>();
    for (const dataset of data.authorities.values()) for (const row of dataset.attendanceDays) dates.add(row.date);
    const lastSchoolDay = [...dates].sort().at(-1) ?? '';
    const missing: string[] = [];
    for (const dataset of data.authorities.values()) {
      const withRows = new Set(dataset.attendanceDays.map((r) => r.learnerId));
      const current = new Map(dataset.enrolments.filter((e) => e.endedOn === null).map((e) => [e.learnerId, e.startedOn]));
      for (const learner of dataset.learners) {
        const startedOn = current.get(learner.id);
        if (startedOn === undefined || startedOn > lastSchoolDay) continue;
        if (isCompulsorySchoolAge(learner.dateOfBirth, lastSchoolDay) && !withRows.has(learner.id)) missing.push(learner.id);
      }
    }
    expect(missing).toEqual([]);
  });

  it('matches published rates: about 92% attendance and a fifth persistently absent', () => {
    const attended = new Set(ATTENDED_MARKS);
    const possible = new Set(POSSIBLE_MARKS);
    const perChild = new Map<string, { attended: number; possible: number }>();
    let absences = 0;
    let authorised = 0;
    let wholeDays = 0;
    let absentDays = 0;
    for (const dataset of data.authorities.values()) {
      for (const row of dataset.attendanceDays) {
        let child = perChild.get(row.learnerId);
        if (!child) perChild.set(row.learnerId, (child = { attended: 0, possible: 0 }));
        for (const mark of [row.am, row.pm]) {
          if (possible.has(mark)) child.possible += 1;
          if (attended.has(mark)) child.attended += 1;
          const category = ATTENDANCE_MARKS[mark];
          if (category === 'authorised-absence' || category === 'unauthorised-absence') absences += 1;
          if (category === 'authorised-absence') authorised += 1;
        }
        const amAbsent = ATTENDANCE_MARKS[row.am]?.endsWith('absence') ?? false;
        const pmAbsent = ATTENDANCE_MARKS[row.pm]?.endsWith('absence') ?? false;
        if (amAbsent || pmAbsent) absentDays += 1;
        if (amAbsent && pmAbsent) wholeDays += 1;
      }
    }
    let attendedTotal = 0;
    let possibleTotal = 0;
    let persistent = 0;
    for (const child of perChild.values()) {
      attendedTotal += child.attended;
      possibleTotal += child.possible;
      if (child.possible > 0 && (child.possible - child.attended) / child.possible >= PERSISTENT_ABSENCE_SHARE) persistent += 1;
    }
    const rate = attendedTotal / possibleTotal;
    expect(rate).toBeGreaterThan(0.9);
    expect(rate).toBeLessThan(0.95);
    const share = persistent / perChild.size;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.3);
    expect(authorised / absences).toBeGreaterThan(0.5);
    expect(authorised / absences).toBeLessThan(0.7);
    expect(wholeDays / absentDays).toBeGreaterThan(0.8);
  });
});
