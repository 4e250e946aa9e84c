import { describe, expect, it } from 'vitest';
import { ageOn, firstSeptemberAtAge, isoDate, parseIsoDate, schoolYearAgeOn } from './days.ts';
import { isCompulsorySchoolAge, schoolYearAge } from './school-age.ts';

describe('calendar days', () => {
  it('round-trips ISO dates and refuses impossible ones', () => {
    expect(isoDate(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('31/03/2025')).toThrow(RangeError);
  });

  it('counts whole years of age', () => {
    expect(ageOn(parseIsoDate('2010-03-31'), parseIsoDate('2025-03-30'))).toBe(14);
    expect(ageOn(parseIsoDate('2010-03-31'), parseIsoDate('2025-03-31'))).toBe(15);
  });
});

describe('the Welsh school-year rule', () => {
  it('uses age on 1 September: 1 September to 31 August births form one year group', () => {
    // On 31 March 2025 the school year began on 1 September 2024.
    expect(schoolYearAge('2020-08-31', '2025-03-31')).toBe(4); // Reception
    expect(schoolYearAge('2020-09-01', '2025-03-31')).toBe(4);
    expect(schoolYearAge('2020-09-02', '2025-03-31')).toBe(3); // still in nursery
    expect(schoolYearAge('2009-06-01', '2025-03-31')).toBe(15); // Year 11
  });

  it('treats Year 1 to Year 11 as compulsory', () => {
    expect(isCompulsorySchoolAge('2019-06-01', '2025-03-31')).toBe(true);
    expect(isCompulsorySchoolAge('2020-06-01', '2025-03-31')).toBe(false);
    expect(isCompulsorySchoolAge('2009-06-01', '2025-03-31')).toBe(true);
    expect(isCompulsorySchoolAge('2008-06-01', '2025-03-31')).toBe(false);
  });

  it('finds the 1 September a child enters a year group', () => {
    expect(isoDate(firstSeptemberAtAge(parseIsoDate('2013-08-31'), 11))).toBe('2024-09-01');
    expect(isoDate(firstSeptemberAtAge(parseIsoDate('2013-09-02'), 11))).toBe('2025-09-01');
    expect(schoolYearAgeOn(parseIsoDate('2013-09-02'), parseIsoDate('2025-09-01'))).toBe(11);
  });
});
