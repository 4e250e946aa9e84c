// Pooled trends: one release per academic year (real before synthetic, then the latest), rolling
// three-year sums of published figures only, hidden when any year is hidden.
import { describe, expect, it } from 'vitest';
import { MEASURES } from './measures.ts';
import type { StoredFigure } from './release-store.ts';
import { academicYearOf, pooledTrend, releasesByYear, type TrendRelease } from './trends.ts';

const PEP = MEASURES.find((m) => m.id === 'pep-in-place');
if (!PEP) throw new Error('no pep-in-place measure');

function figure(code: string, numerator: number | null, denominator: number | null, marker: string | null = null): StoredFigure {
  return {
    measure: 'pep-in-place',
    level: code === 'W92000004' ? 'wales' : 'authority',
    code,
    dimension: 'all',
    category: 'all',
    numerator,
    denominator,
    rate: null,
    lower: null,
    upper: null,
    marker,
    comparedWithWales: 'not-comparable',
    comparedWithRegion: 'not-comparable',
    snapshotTakenAt: null,
    stale: false,
  };
}

const release = (id: number, asOf: string, figures: StoredFigure[], synthetic = false): TrendRelease => ({ id, asOf, synthetic, figures });

describe('academic years', () => {
  it.each([
    ['2026-12-02', 2026],
    ['2026-08-31', 2025],
    ['2026-09-01', 2026],
    ['2024-01-15', 2023],
  ])('%s falls in the year starting %i', (date, year) => expect(academicYearOf(date)).toBe(year));

  it('takes a real release before a synthetic one, then the latest, for each year', () => {
    const chosen = releasesByYear([
      release(1, '2025-12-02', [], true),
      release(2, '2025-10-01', []),
      release(3, '2026-12-01', []),
      release(4, '2026-12-02', []),
    ]);
    expect([...chosen].map(([y, r]) => [y, r.id])).toEqual([
      [2025, 2],
      [2026, 4],
    ]);
  });
});

describe('a pooled trend', () => {
  const years = [
    release(10, '2022-12-02', [figure('A', 40, 50), figure('B', 3, 9, null)], true),
    release(11, '2023-12-02', [figure('A', 42, 50), figure('B', null, null, '[c]')], true),
    release(12, '2024-12-02', [figure('A', 45, 50), figure('B', 8, 10)], true),
    release(13, '2025-12-02', [figure('A', 46, 50), figure('B', 9, 10)]),
  ];
  const [a, b] = pooledTrend(years, PEP, ['A', 'B'], 'all', 'all');

  it('has a point from the third year on, pooling the year and the two before it', () => {
    expect(a?.points.map((p) => p.academicYear)).toEqual(['2024/25', '2025/26']);
    expect(a?.points[0]).toMatchObject({
      pooledYears: ['2022/23', '2023/24', '2024/25'],
      numerator: 127,
      denominator: 150,
      releases: [10, 11, 12],
      synthetic: true,
      marker: null,
    });
    expect(a?.points[0]?.rate).toBeCloseTo(127 / 150);
    expect(a?.points[0]?.lower).toBeLessThan(127 / 150);
    expect(a?.points[0]?.upper).toBeGreaterThan(127 / 150);
  });

  it('hides a period when any of its years is hidden: no hidden count is summed in', () => {
    expect(b?.points.map((p) => p.marker)).toEqual(['[c]', '[c]']);
    expect(b?.points.every((p) => p.numerator === null && p.denominator === null)).toBe(true);
  });

  it('marks a period with a year missing as not available', () => {
    const [gap] = pooledTrend(
      [years[0], years[2], years[3]].filter((r): r is TrendRelease => r !== undefined),
      PEP,
      ['A'],
      'all',
      'all',
    );
    expect(gap?.points.map((p) => [p.academicYear, p.marker])).toEqual([
      ['2024/25', '[x]'],
      ['2025/26', '[x]'],
    ]);
  });

  it('says when real years alone are pooled', () => {
    const real = [13, 14, 15].map((id, i) => release(id, `${2025 + i}-12-02`, [figure('A', 40 + i, 50)]));
    expect(pooledTrend(real, PEP, ['A'], 'all', 'all')[0]?.points[0]).toMatchObject({ synthetic: false, numerator: 123 });
  });
});
