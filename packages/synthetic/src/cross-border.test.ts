import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { describe, expect, it } from 'vitest';
import { generateWales } from './generate.ts';
import { neighboursOf } from './profiles.ts';
import { isCompulsorySchoolAge } from './school-age.ts';
import { walesSummary } from './summary.ts';

const asOf = '2025-03-31';

describe('children placed across authority borders', () => {
  it('are about a third of all children at full scale', () => {
    const summary = walesSummary(generateWales({ asOf }));
    const learners = summary.reduce((n, s) => n + s.learners, 0);
    const placedOut = summary.reduce((n, s) => n + s.placedOut, 0);
    expect(placedOut / learners).toBeGreaterThan(0.29);
    expect(placedOut / learners).toBeLessThan(0.39);
    expect(summary.reduce((n, s) => n + s.hosted, 0)).toBe(placedOut);
  });

  it.each([2024, 1, 42, 777])('exist for every authority, both ways and at school, at scale 0.02 (seed %i)', (seed) => {
    const data = generateWales({ seed, scale: 0.02, asOf });
    const schoolAuthority = new Map(data.national.schools.map((s) => [s.id, s.authorityCode]));
    const sends = new Set<string>();
    const hosts = new Set<string>();
    for (const [home, d] of data.authorities) {
      const born = new Map(d.learners.map((l) => [l.id, l.dateOfBirth]));
      const currentSchool = new Map(d.enrolments.filter((e) => e.endedOn == null).map((e) => [e.learnerId, e.schoolId]));
      for (const p of d.placements) {
        if (p.endedOn != null || p.authorityCode === home) continue;
        if (!isCompulsorySchoolAge(born.get(p.learnerId) ?? '', asOf)) continue;
        // The child goes to school where they live, not in the authority that looks after them.
        expect(schoolAuthority.get(currentSchool.get(p.learnerId) ?? '')).toBe(p.authorityCode);
        sends.add(home);
        hosts.add(p.authorityCode);
      }
    }
    for (const authority of AUTHORITY_FACTS) {
      expect(sends.has(authority.code), `${authority.nameEn} places a child elsewhere`).toBe(true);
      expect(hosts.has(authority.code), `${authority.nameEn} hosts a child from elsewhere`).toBe(true);
    }
  });

  it('are mostly with neighbours', () => {
    const data = generateWales({ asOf });
    let out = 0;
    let nextDoor = 0;
    for (const [home, d] of data.authorities) {
      for (const p of d.placements) {
        if (p.endedOn != null || p.authorityCode === home) continue;
        out += 1;
        if (neighboursOf(home).includes(p.authorityCode)) nextDoor += 1;
      }
    }
    expect(nextDoor / out).toBeGreaterThan(0.5);
  });

  it('follow a symmetric map of borders', () => {
    for (const authority of AUTHORITY_FACTS) {
      expect(neighboursOf(authority.code).length).toBeGreaterThan(0);
      for (const other of neighboursOf(authority.code)) expect(neighboursOf(other)).toContain(authority.code);
    }
  });
});
