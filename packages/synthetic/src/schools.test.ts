import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { SCHOOL_PHASES, TEACHING_MEDIA } from '@wales-lac/db';
import { describe, expect, it } from 'vitest';
import { generateWales } from './generate.ts';
import { WALES_SCHOOL_TOTALS } from './schools.ts';

const asOf = '2025-03-31';

describe('schools', () => {
  const schools = generateWales({ scale: 0.02, asOf }).national.schools;

  it('are at full Welsh scale whatever the scale of the children', () => {
    const total = WALES_SCHOOL_TOTALS.primary + WALES_SCHOOL_TOTALS.secondary + WALES_SCHOOL_TOTALS.special + WALES_SCHOOL_TOTALS.pru;
    expect(schools).toHaveLength(total);
    expect(generateWales({ asOf }).national.schools).toEqual(schools);
    expect(schools.filter((s) => s.phase === 'primary')).toHaveLength(WALES_SCHOOL_TOTALS.primary);
  });

  it('give every authority a primary, a secondary with a sixth form, a special school and a PRU', () => {
    for (const authority of AUTHORITY_FACTS) {
      const own = schools.filter((s) => s.authorityCode === authority.code);
      expect(own.some((s) => s.phase === 'primary')).toBe(true);
      expect(own.some((s) => s.phase === 'secondary' && s.highestAge >= 18)).toBe(true);
      expect(own.some((s) => s.phase === 'special')).toBe(true);
      expect(own.some((s) => s.phase === 'pru')).toBe(true);
    }
  });

  it('have unique seven-digit ids: authority number and establishment number by phase', () => {
    const ids = schools.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const laOf = new Map(AUTHORITY_FACTS.map((a) => [a.code, a.upnLaNumber]));
    const firstDigit: Record<string, string> = { primary: '2', secondary: '4', middle: '4', special: '7', pru: '1' };
    for (const school of schools) {
      expect(school.id).toMatch(/^\d{7}$/);
      expect(school.id.slice(0, 3)).toBe(laOf.get(school.authorityCode));
      expect(school.id.charAt(3)).toBe(firstDigit[school.phase]);
    }
  });

  it('have names unique within each authority, in both languages', () => {
    for (const authority of AUTHORITY_FACTS) {
      const own = schools.filter((s) => s.authorityCode === authority.code);
      expect(new Set(own.map((s) => s.nameEn)).size).toBe(own.length);
      expect(new Set(own.map((s) => s.nameCy)).size).toBe(own.length);
    }
  });

  it('use valid phases, media and age ranges', () => {
    for (const school of schools) {
      expect(SCHOOL_PHASES).toContain(school.phase);
      expect(TEACHING_MEDIA).toContain(school.medium);
      expect(school.lowestAge).toBeLessThan(school.highestAge);
    }
  });

  it('have about a quarter of primaries Welsh-medium, far more in Gwynedd than in Newport', () => {
    const primaries = schools.filter((s) => s.phase === 'primary');
    const welshShare = (list: typeof primaries) => list.filter((s) => s.medium === 'welsh').length / list.length;
    expect(welshShare(primaries)).toBeGreaterThan(0.2);
    expect(welshShare(primaries)).toBeLessThan(0.3);
    const gwynedd = welshShare(primaries.filter((s) => s.authorityCode === 'W06000002'));
    const newport = welshShare(primaries.filter((s) => s.authorityCode === 'W06000022'));
    expect(gwynedd).toBeGreaterThan(0.7);
    expect(newport).toBeLessThan(0.2);
  });
});
