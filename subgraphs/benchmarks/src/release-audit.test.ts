// The release audit works out, by linear programming, what a reader of everything published can conclude
// about each hidden count: nothing below 5 in a protected report, and it names the cell when a count is
// published outright or can be worked out by subtraction.
import { describe, expect, it } from 'vitest';
import { dimensionsOf, MEASURES } from './measures.ts';
import { auditRelease } from './release-audit.ts';
import { buildReport, type Figure, type ReportInput } from './report.ts';

/** One authority's NEET rows: the totals, every split spread unevenly over its categories. */
function neet(authorityCode: string, n: number, d: number): ReportInput['counts'] {
  const measure = MEASURES.find((m) => m.id === 'neet');
  if (!measure) throw new Error('no neet measure');
  const spread = (v: number, k: number, i: number) => (i === k - 1 ? v - Math.floor(v / k) * (k - 1) : Math.floor(v / k));
  return Object.entries(dimensionsOf(measure)).flatMap(([dimension, categories]) =>
    categories.map((category, i) => ({
      authorityCode,
      measure: 'neet',
      dimension,
      category,
      numerator: spread(n, categories.length, i),
      denominator: spread(d, categories.length, i),
      children: spread(d, categories.length, i),
    })),
  );
}

const input: ReportInput = {
  snapshots: new Map(['A', 'B', 'C'].map((code) => [code, { takenAt: new Date('2026-12-01T00:00:00Z'), stale: false }])),
  regionOf: new Map([
    ['A', 'R1'],
    ['B', 'R1'],
    ['C', 'R2'],
  ]),
  counts: [...neet('A', 7, 40), ...neet('B', 30, 90), ...neet('C', 12, 60)],
};
const ONLY_NEET = MEASURES.filter((m) => m.id === 'neet');
const audit = (figures: readonly Figure[]) => auditRelease(figures, input, { measures: ONLY_NEET });

describe('the release audit', () => {
  const figures = buildReport(input).filter((f) => f.measure === 'neet');
  const smallHidden = figures.find((f) => f.marker === '[c]' && f.level === 'authority' && f.dimension !== 'all');

  it('finds nothing a reader could work out in a protected report, and checks every small hidden count', () => {
    const result = audit(figures);
    expect(result.findings).toBe(0);
    expect(result.unproven).toBe(0);
    expect(result.cellsChecked).toBeGreaterThan(0);
  });

  it('names a small count that is published outright', () => {
    expect(smallHidden).toBeDefined();
    const truth = input.counts.find(
      (c) => c.authorityCode === smallHidden?.code && c.dimension === smallHidden.dimension && c.category === smallHidden.category,
    );
    const leaked = figures.map((f) => (f === smallHidden ? { ...f, marker: null, numerator: truth?.numerator ?? 0, denominator: truth?.denominator ?? 0 } : f));
    const result = audit(leaked);
    expect(result.findings).toBeGreaterThan(0);
  });

  it('names a hidden count a reader works out by subtraction when everything around it is published', () => {
    // Publish every figure but one small authority cell: its total and its siblings give it away.
    const exposed = figures.map((f) => (f === smallHidden || f.marker !== '[c]' ? f : { ...f, marker: null }));
    const result = audit(exposed);
    expect(result.findings).toBeGreaterThan(0);
    expect(result.details.some((d) => d.max < 5 && d.cell.includes(`|${smallHidden?.code}|${smallHidden?.dimension}|${smallHidden?.category}`))).toBe(true);
  });
});
