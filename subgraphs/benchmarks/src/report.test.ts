// How the report presents each kind of measure: rates with Wilson intervals, per-100 figures (events per
// 100 children, which can exceed 100) without an interval or comparison, counts of events checked against
// the children they fall on. Four authorities in two regions, every figure split additively over every
// category (measures given no rows are all zero and hidden).
import { describe, expect, it } from 'vitest';
import { WALES_CODE } from '@wales-lac/wales';
import { dimensionsOf, MEASURES } from './measures.ts';
import { buildReport, partsOf, type Figure, type ReportInput } from './report.ts';

const REGION_OF = new Map([
  ['A', 'R1'],
  ['B', 'R1'],
  ['C', 'R2'],
  ['D', 'R2'],
]);

type Totals = { n: number; d: number | null; c: number };

/** One authority's rows for one measure: the totals, and each split spread evenly over all its categories. */
function rows(authorityCode: string, measureId: string, totals: Totals): ReportInput['counts'] {
  const measure = MEASURES.find((m) => m.id === measureId);
  if (!measure) throw new Error(measureId);
  const spread = (v: number, k: number, i: number) => (i === k - 1 ? v - Math.floor(v / k) * (k - 1) : Math.floor(v / k));
  return Object.entries(dimensionsOf(measure)).flatMap(([dimension, categories]) =>
    categories.map((category, i) => ({
      authorityCode,
      measure: measureId,
      dimension,
      category,
      numerator: spread(totals.n, categories.length, i),
      denominator: totals.d === null ? null : spread(totals.d, categories.length, i),
      children: spread(totals.c, categories.length, i),
    })),
  );
}

const counts = [
  // 300 exclusions of 400 pupils (120 excluded): 75 per 100. B has more exclusions than pupils.
  ...rows('A', 'exclusions', { n: 300, d: 400, c: 120 }),
  ...rows('B', 'exclusions', { n: 600, d: 400, c: 200 }),
  ...rows('C', 'exclusions', { n: 200, d: 400, c: 3 }),
  ...rows('D', 'exclusions', { n: 400, d: 600, c: 140 }),
  // Sessions lost: A 900 sessions = 450 days over 400 pupils, 112.5 days per 100.
  ...rows('A', 'exclusion-days', { n: 900, d: 400, c: 120 }),
  ...rows('B', 'exclusion-days', { n: 2000, d: 400, c: 200 }),
  ...rows('C', 'exclusion-days', { n: 600, d: 400, c: 3 }),
  ...rows('D', 'exclusion-days', { n: 1200, d: 600, c: 140 }),
  // Permanent exclusions: A's 6 fall on 4 children, so A is hidden although 6 is not below 5.
  ...rows('A', 'permanent-exclusions', { n: 6, d: null, c: 4 }),
  ...rows('B', 'permanent-exclusions', { n: 200, d: null, c: 200 }),
  ...rows('C', 'permanent-exclusions', { n: 200, d: null, c: 200 }),
  ...rows('D', 'permanent-exclusions', { n: 200, d: null, c: 200 }),
  ...['A', 'B', 'C', 'D'].flatMap((a) => rows(a, 'pep-voice', { n: 300, d: 600, c: 600 })),
  ...['A', 'B', 'C', 'D'].flatMap((a) => rows(a, 'neet', { n: 200, d: 500, c: 500 })),
];

const snapshots = new Map([...REGION_OF.keys()].map((a) => [a, { takenAt: new Date('2025-01-01T00:00:00Z'), stale: false }]));
const report = buildReport({ snapshots, regionOf: REGION_OF, counts });
const find = (measure: string, code: string, dimension = 'all', category = 'all'): Figure => {
  const figure = report.find((f) => f.measure === measure && f.code === code && f.dimension === dimension && f.category === category);
  if (!figure) throw new Error(`no figure ${measure} ${code} ${dimension} ${category}`);
  return figure;
};

describe('figures per 100', () => {
  it('give events per 100 children of the denominator, with no interval and no comparison', () => {
    expect(find('exclusions', 'A')).toMatchObject({
      numerator: 300,
      denominator: 400,
      rate: 75,
      lower: null,
      upper: null,
      marker: null,
      comparedWithWales: 'not-comparable',
      comparedWithRegion: 'not-comparable',
    });
    // More exclusions than pupils: a per-100 figure is not a proportion (a Wilson interval would throw).
    expect(find('exclusions', 'B')).toMatchObject({ numerator: 600, denominator: 400, rate: 150, lower: null, upper: null });
  });

  it('turn sessions lost into days lost', () => {
    expect(find('exclusion-days', 'A')).toMatchObject({ numerator: 900, denominator: 400, rate: 112.5, lower: null, upper: null });
  });

  it('are hidden when the events fall on fewer than 5 children, with a second cell so they cannot be subtracted out', () => {
    for (const measure of ['exclusions', 'exclusion-days']) {
      expect(find(measure, 'C')).toMatchObject({ numerator: null, denominator: null, rate: null, marker: '[c]' });
      // C is the only hidden authority of R2 unless R2's total or D is hidden too.
      const r2 = find(measure, 'R2');
      const d = find(measure, 'D');
      expect(r2.marker === '[c]' || d.marker === '[c]').toBe(true);
    }
  });
});

describe('counts of events', () => {
  it('are checked against the children they rest on, hidden together', () => {
    const measure = MEASURES.find((m) => m.id === 'permanent-exclusions');
    expect(measure && partsOf(measure)).toEqual(['n', 'c']);
    expect(find('permanent-exclusions', 'A')).toMatchObject({ numerator: null, denominator: null, rate: null, marker: '[c]' });
    expect(find('permanent-exclusions', WALES_CODE).numerator).toBeGreaterThanOrEqual(5);
    expect(find('permanent-exclusions', WALES_CODE).denominator).toBeNull();
  });

  it('leave children-counts as they were: the cohort is its own children', () => {
    const cohort = MEASURES.find((m) => m.id === 'cohort');
    expect(cohort && partsOf(cohort)).toEqual(['n']);
  });
});

describe('rates', () => {
  it('keep their Wilson interval and comparisons', () => {
    const figure = find('pep-voice', 'A');
    expect(figure).toMatchObject({ numerator: 300, denominator: 600, rate: 0.5, comparedWithWales: 'similar', comparedWithRegion: 'similar' });
    expect(figure.lower).toBeCloseTo(0.46, 2);
    expect(figure.upper).toBeCloseTo(0.54, 2);
  });

  it('publish NEET by its own age bands (16-17 and 18)', () => {
    expect(find('neet', 'A', 'age-band', '18')).toMatchObject({ numerator: 100, denominator: 250, rate: 0.4 });
    expect(report.some((f) => f.measure === 'neet' && f.category === '5-9')).toBe(false);
  });
});

describe('the measures', () => {
  it('publish what the record now holds, and mark time away from learning not available', () => {
    const available = new Map(MEASURES.map((m) => [m.id, m.available]));
    for (const id of ['exclusions', 'exclusion-days', 'permanent-exclusions', 'reduced-timetable', 'pep-voice', 'idp', 'sdq-completed', 'sdq-concern', 'neet'])
      expect(available.get(id), id).toBe(true);
    expect(available.get('time-away')).toBe(false);
    expect(find('time-away', WALES_CODE).marker).toBe('[x]');
    expect(new Set(MEASURES.map((m) => m.id)).size).toBe(MEASURES.length);
    for (const m of MEASURES) expect(m.nameCy.length, m.id).toBeGreaterThan(0);
  });
});

describe('measures that publish one number', () => {
  it('split it into the same categories, so one table can protect it', () => {
    const showing = new Map<string, { measure: string; dimensions: string }[]>();
    for (const m of MEASURES.filter((x) => x.available)) {
      const parts = m.kind === 'count' ? (['n'] as const) : (['n', 'd'] as const);
      for (const p of parts) {
        const name = p === 'n' ? m.numbers.numerator : (m.numbers.denominator ?? '');
        showing.set(name, [...(showing.get(name) ?? []), { measure: m.id, dimensions: JSON.stringify({ ...dimensionsOf(m), empty: m.emptyIn ?? {} }) }]);
      }
    }
    const shared = [...showing].filter(([, at]) => at.length > 1);
    expect(shared.map(([name]) => name)).toEqual(expect.arrayContaining(['looked-after', 'pupils', 'with-sdq']));
    for (const [name, at] of shared) expect(new Set(at.map((a) => a.dimensions)).size, `${name} in ${at.map((a) => a.measure).join(', ')}`).toBe(1);
  });
});
