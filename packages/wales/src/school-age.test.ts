import { describe, expect, it } from 'vitest';
import { receptionStartOf, schoolYearAge } from './school-age.ts';

describe('school age by the school year', () => {
  it.each([
    // born, on, age on the 31 August before the school year of `on`
    ['2020-03-01', '2024-09-01', 4],
    ['2020-03-01', '2024-08-31', 3],
    ['2020-08-31', '2024-09-02', 4],
    ['2020-09-01', '2024-09-02', 3],
    ['2020-09-01', '2025-09-01', 4],
    ['2010-12-05', '2026-12-04', 15],
    ['2009-12-05', '2026-12-04', 16],
  ])('born %s, on %s: year age %i', (born, on, age) => expect(schoolYearAge(born, on)).toBe(age));

  it.each([
    ['2020-03-01', '2024-09-01'],
    ['2020-08-31', '2024-09-01'],
    ['2020-09-01', '2025-09-01'],
    ['2020-12-31', '2025-09-01'],
  ])('born %s starts Reception on %s', (born, start) => {
    expect(receptionStartOf(born)).toBe(start);
    expect(schoolYearAge(born, start)).toBe(4);
  });
});
