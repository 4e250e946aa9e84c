// The attacker test on the report's real shape: 22 authorities in 4 regions and Wales, every split of a
// measure sharing its totals. After suppression nothing hidden can be worked out from what is published
// (by the full attack, forced zeros included), and nothing published rests on fewer than 5.
import { describe, expect, it } from 'vitest';
import { recoverableCells, suppress } from '@wales-lac/disclosure';
import { AUTHORITY_FACTS, WALES_CODE } from '@wales-lac/wales';
import { DIMENSIONS } from './measures.ts';
import { cellId, suppressMeasure, type GeographyCells, type Part } from './suppression.ts';
import { geographiesOf } from './report.ts';

const geographies = (): GeographyCells[] => geographiesOf(new Map(AUTHORITY_FACTS.map((a) => [a.code, a.regionCode])));

/** Random small cohorts split every way, summed up the hierarchy: an additive table like a refresh gives. */
function randomValues(seed: number, parts: readonly Part[]): Map<string, number> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const values = new Map<string, number>();
  const geos = geographies();
  for (const authority of AUTHORITY_FACTS) {
    const denominator = 3 + Math.floor(random() * 60);
    const totals: Record<Part, number> = { d: denominator, n: Math.floor(denominator * random()), c: denominator };
    for (const part of parts) {
      values.set(cellId('m', authority.code, 'all', 'all', part), totals[part]);
      for (const [dimension, categories] of Object.entries(DIMENSIONS)) {
        if (dimension === 'all') continue;
        let left = totals[part];
        categories.forEach((category, i) => {
          const share = i === categories.length - 1 ? left : Math.floor(left * random() * 0.7);
          left -= share;
          values.set(cellId('m', authority.code, dimension, category, part), share);
        });
      }
    }
  }
  for (const geo of geos.filter((g) => g.level !== 'authority')) {
    for (const [dimension, categories] of Object.entries(DIMENSIONS)) {
      for (const category of categories) {
        for (const part of parts) {
          const sum = geo.members.reduce((s, a) => s + (values.get(cellId('m', a, dimension, category, part)) ?? 0), 0);
          values.set(cellId('m', geo.code, dimension, category, part), sum);
        }
      }
    }
  }
  return values;
}

function relations(parts: readonly Part[]) {
  const geos = geographies();
  const regions = geos.filter((g) => g.level === 'region');
  const all = [];
  for (const part of parts) {
    for (const [dimension, categories] of Object.entries(DIMENSIONS)) {
      for (const category of categories) {
        for (const r of regions) all.push({ total: cellId('m', r.code, dimension, category, part), parts: r.members.map((a) => cellId('m', a, dimension, category, part)) });
        all.push({ total: cellId('m', WALES_CODE, dimension, category, part), parts: regions.map((r) => cellId('m', r.code, dimension, category, part)) });
      }
      if (dimension === 'all') continue;
      for (const g of geos) all.push({ total: cellId('m', g.code, 'all', 'all', part), parts: categories.map((c) => cellId('m', g.code, dimension, c, part)) });
    }
  }
  return all;
}

describe('suppression of a whole measure', () => {
  it.each([
    [1, ['n'] as Part[]],
    [2, ['n', 'd', 'c'] as Part[]],
    // A count of events (permanent exclusions) hidden together with the children it falls on.
    [3, ['n', 'c'] as Part[]],
  ])('seed %d (%j): nothing hidden is recoverable and nothing published is below 5', (seed, parts) => {
    const values = randomValues(seed, parts);
    const hidden = suppressMeasure('m', parts, geographies(), values);
    const published = new Map([...values].filter(([id]) => !hidden.has(id)));
    for (const value of published.values()) expect(value).toBeGreaterThanOrEqual(5);
    expect(recoverableCells(published, [...hidden], relations(parts))).toEqual([]);
    // A figure's numerator, denominator and children are hidden together or not at all.
    for (const id of hidden) for (const part of parts) expect(hidden.has(`${id.slice(0, -1)}${part}`)).toBe(true);
  }, 60_000);
});

describe('a measure with nothing to publish', () => {
  it('is hidden whole at once, as the full suppression would hide it', () => {
    const parts: Part[] = ['n', 'd', 'c'];
    // No exclusions anywhere: numerators and children zero, denominators (pupils) large.
    const values = randomValues(4, parts);
    for (const id of values.keys()) if (!id.endsWith('|d')) values.set(id, 0);
    const hidden = suppressMeasure('m', parts, geographies(), values);
    expect(hidden).toEqual(new Set(values.keys()));
    const links = [...values.keys()].filter((id) => id.endsWith('|n')).map((n) => parts.map((p) => `${n.slice(0, -1)}${p}`));
    const full = suppress([...values].map(([id, value]) => ({ id, value })), relations(parts), { links });
    expect(full.suppressed).toEqual(hidden);
  }, 60_000);
});


describe('a measure published without splits', () => {
  it('is hidden whole when all of Wales is below 5', () => {
    const geos = geographies();
    const values = new Map<string, number>();
    // Three children in all of Wales, all in one authority.
    for (const g of geos) values.set(cellId('m', g.code, 'all', 'all', 'n'), g.members.includes('W06000001') ? 3 : 0);
    const hidden = suppressMeasure('m', ['n'], geos, values, { dimensions: { all: ['all'] } });
    expect(hidden).toEqual(new Set(values.keys()));
  });
});
