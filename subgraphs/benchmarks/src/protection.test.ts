// A whole release protected by repair, then audited independently (release-audit.ts): for several
// seeds and days of synthetic counts, nothing a reader of everything published could conclude puts a
// small count below 5, and the release still publishes (the totals above all). The full sweep, five
// seeds by five days at Welsh scale (and at the sparse 'small' scale), is `npm run sweep:disclosure`.
import { AUTHORITY_FACTS, WALES_CODE } from '@wales-lac/wales';
import { describe, expect, it } from 'vitest';
import { auditRelease } from './release-audit.ts';
import { buildReport, type ReportInput } from './report.ts';
import { syntheticCounts } from './synthetic-counts.ts';

function inputOf(seed: number, day: number, scale: 'wales' | 'small'): ReportInput {
  return {
    snapshots: new Map(AUTHORITY_FACTS.map((a) => [a.code, { takenAt: new Date(Date.UTC(2026, 11, 2 + day)), stale: false }])),
    regionOf: new Map(AUTHORITY_FACTS.map((a) => [a.code, a.regionCode])),
    counts: syntheticCounts(seed, { scale, day }),
  };
}

describe.each([
  { seed: 1, day: 1, scale: 'wales' as const },
  { seed: 2, day: 3, scale: 'wales' as const },
])('a release of seed $seed, day $day, $scale scale', ({ seed, day, scale }) => {
  const input = inputOf(seed, day, scale);
  const figures = buildReport(input);
  const audit = auditRelease(figures, input, { budgetMs: 120_000 });

  it('gives a reader nothing: every small hidden count can reach 5, and none is published', { timeout: 180_000 }, () => {
    expect(audit.cellsChecked).toBeGreaterThan(100);
    expect(audit.details).toEqual([]);
    expect(audit.unproven).toBe(0);
  });

  it('publishes figures, and most of the totals', () => {
    const published = figures.filter((f) => f.marker === null);
    expect(published.length).toBeGreaterThan(figures.length / 5);
    const totals = figures.filter((f) => f.dimension === 'all' && f.marker !== '[x]' && f.marker !== '[z]');
    expect(totals.filter((f) => f.marker === null).length).toBeGreaterThan(totals.length / 2);
    expect(figures.find((f) => f.measure === 'pep-in-place' && f.code === WALES_CODE && f.dimension === 'all')?.marker).toBeNull();
  });
});
