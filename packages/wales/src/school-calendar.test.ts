import { describe, expect, it } from 'vitest';
import { addSchoolDays, isSchoolDay, schoolDays, schoolYearOf, termStartOf } from './school-calendar.ts';

describe('the synthetic school calendar', () => {
  it('has about 190 school days a year (380 sessions)', () => {
    const days = schoolDays('2025-09-01', '2026-08-31');
    expect(days.length).toBeGreaterThanOrEqual(185);
    expect(days.length).toBeLessThanOrEqual(195);
  });

  it.each([
    ['2025-11-24', true],
    ['2025-11-22', false],
    ['2025-12-25', false],
    ['2026-08-10', false],
    ['2025-10-28', false],
  ])('%s is a school day: %s', (date, expected) => {
    expect(isSchoolDay(date)).toBe(expected);
  });

  it('puts September to August in one school year', () => {
    expect(schoolYearOf('2025-09-01')).toBe(2025);
    expect(schoolYearOf('2026-07-31')).toBe(2025);
  });
});

describe('addSchoolDays', () => {
  it('skips weekends and holidays', () => {
    expect(addSchoolDays('2025-11-21', 1)).toBe('2025-11-24');
    expect(addSchoolDays('2025-12-19', 1)).toBe('2026-01-05');
    // 4 days in the week of the 24th, three full weeks, then the Christmas holiday: the 20th is 5 January.
    expect(addSchoolDays('2025-11-24', 20)).toBe('2026-01-05');
  });
});

describe('termStartOf', () => {
  it.each([
    ['2025-09-02', '2025-09-02'],
    ['2025-12-25', '2025-09-02'],
    ['2026-01-03', '2026-01-03'],
    ['2026-03-31', '2026-01-03'],
    ['2026-04-11', '2026-04-11'],
    ['2026-08-20', '2026-04-11'],
    ['2026-11-23', '2026-09-02'],
  ])('a day on %s is in the term that starts %s', (date, start) => {
    expect(termStartOf(date)).toBe(start);
  });
});
