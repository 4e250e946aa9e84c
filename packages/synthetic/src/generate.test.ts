import { AUTHORITY_FACTS, isValidUpn, parseRecordId } from '@wales-lac/wales';
import { describe, expect, it } from 'vitest';
import { generateWales, learnerCount } from './generate.ts';

const asOf = '2025-03-31';

describe('generateWales', () => {
  it('gives the same data for the same options and different data for another seed', () => {
    const a = generateWales({ seed: 7, scale: 0.05, asOf });
    const b = generateWales({ seed: 7, scale: 0.05, asOf });
    expect(b).toEqual(a);
    const c = generateWales({ seed: 8, scale: 0.05, asOf });
    expect(c.authorities.get('W06000015')?.learners).not.toEqual(a.authorities.get('W06000015')?.learners);
  });

  it('refuses bad options', () => {
    expect(() => generateWales({ scale: 0, asOf })).toThrow(RangeError);
    expect(() => generateWales({ scale: 1.5, asOf })).toThrow(RangeError);
    expect(() => generateWales({ asOf: '2025-02-30' })).toThrow(RangeError);
  });

  it('generates the published number of children per authority at full scale', () => {
    const data = generateWales({ asOf });
    let total = 0;
    for (const authority of AUTHORITY_FACTS) {
      const learners = data.authorities.get(authority.code)?.learners ?? [];
      expect(learners.length).toBe(authority.childrenLookedAfter2024);
      total += learners.length;
    }
    expect(total).toBeGreaterThan(7150);
    expect(total).toBeLessThan(7250);
    expect([...data.authorities.keys()]).toEqual(AUTHORITY_FACTS.map((a) => a.code));
  });

  it('scales the children but keeps at least three per authority', () => {
    const data = generateWales({ scale: 0.02, asOf });
    for (const authority of AUTHORITY_FACTS) {
      const n = data.authorities.get(authority.code)?.learners.length;
      expect(n).toBe(learnerCount(authority, 0.02));
      expect(n).toBeGreaterThanOrEqual(3);
    }
  });

  it('issues valid UPNs, unique across Wales, from a Welsh authority number', () => {
    const data = generateWales({ asOf });
    const laNumbers = new Set(AUTHORITY_FACTS.map((a) => a.upnLaNumber));
    const upns = [...data.authorities.values()].flatMap((d) => d.learners.map((l) => l.upn));
    expect(upns.every(isValidUpn)).toBe(true);
    expect(new Set(upns).size).toBe(upns.length);
    expect(upns.every((upn) => laNumbers.has(upn.slice(1, 4)))).toBe(true);
  });

  it('numbers records with ids that carry the owning authority', () => {
    const data = generateWales({ scale: 0.1, asOf });
    for (const [code, d] of data.authorities) {
      for (const learner of d.learners) expect(parseRecordId(learner.id)).toMatchObject({ authorityCode: code, kind: 'L' });
      for (const pep of d.peps) expect(parseRecordId(pep.id)).toMatchObject({ authorityCode: code, kind: 'P' });
      const ids = [d.careEpisodes, d.placements, d.enrolments, d.pepTargets, d.staffAllocations].flatMap((rows) => rows.map((r) => r.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => id.startsWith(`${code}:`))).toBe(true);
    }
  });

  it('builds the national reference data with the historic regions', () => {
    const { national } = generateWales({ scale: 0.02, asOf });
    expect(national.regions.map((r) => r.code).sort()).toEqual(['CSC', 'EAS', 'ERW', 'GWE']);
    expect(national.authorities).toHaveLength(22);
    expect(national.regionMemberships).toHaveLength(22);
    expect(national.regionMemberships.every((m) => m.validFrom === '2012-04-01' && m.validTo === null)).toBe(true);
  });
});
