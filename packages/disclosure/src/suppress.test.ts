import { describe, expect, it } from 'vitest';
import { recoverableCells } from './attacker.ts';
import { suppress } from './suppress.ts';
import type { AdditiveRelation, PublishedCount } from './types.ts';
import { twoWay } from './wales-tables.ts';

const countsOf = (values: Record<string, number>): PublishedCount[] => Object.entries(values).map(([id, value]) => ({ id, value }));
const sorted = (set: ReadonlySet<string>): string[] => [...set].sort();

/** Whatever suppression leaves published must not give any hidden count away. */
function expectSafe(values: Record<string, number>, relations: readonly AdditiveRelation[], suppressed: ReadonlySet<string>): void {
  const published = new Map(Object.entries(values).filter(([id]) => !suppressed.has(id)));
  expect(recoverableCells(published, [...suppressed], relations)).toEqual([]);
}

describe('suppress: hand-worked tables', () => {
  it('an authority of 3 in a region of three: one more authority goes, or region − others gives it away', () => {
    const values = { R: 25, A: 3, B: 10, C: 12 };
    const relations = [{ total: 'R', parts: ['A', 'B', 'C'] }];
    const result = suppress(countsOf(values), relations);
    expect(sorted(result.primary)).toEqual(['A']);
    expect(sorted(result.secondary)).toEqual(['B']); // the smaller of B and C; R would cost more
    expect(result.isSuppressed('C')).toBe(false);
    expectSafe(values, relations, result.suppressed);
  });

  it('a two-way table: the small cell takes one in its row and one in its column, closing a rectangle', () => {
    //        x   y   z | total
    //   A    2   8  10 |  20
    //   B    6   9  11 |  26
    //   C    7  12  15 |  34
    //   R   15  29  36 |  80
    const { values, relations } = twoWay([
      [2, 8, 10],
      [6, 9, 11],
      [7, 12, 15],
    ]);
    const result = suppress(countsOf(values), relations);
    expect(sorted(result.primary)).toEqual(['A.x']);
    // B.x (smallest in row A or column x), then A.y for row A and B.y for row B: the classic 4 cells.
    expect(sorted(result.suppressed)).toEqual(['A.x', 'A.y', 'B.x', 'B.y']);
    expectSafe(values, relations, result.suppressed);
  });

  it('two zeros that use up nothing of their total: a third cell goes, as the pair would be known to be 0', () => {
    const values = { R: 30, A: 0, B: 0, C: 12, D: 18 };
    const relations = [{ total: 'R', parts: ['A', 'B', 'C', 'D'] }];
    const result = suppress(countsOf(values), relations);
    expect(sorted(result.primary)).toEqual(['A', 'B']);
    expect(sorted(result.secondary)).toEqual(['C']);
    expectSafe(values, relations, result.suppressed);
  });

  it('up the hierarchy: a small region is protected from Wales − the other region, and that region from its authorities', () => {
    const values = { W: 33, R1: 3, R2: 30, A: 1, B: 2, C: 10, D: 20 };
    const relations = [
      { total: 'W', parts: ['R1', 'R2'] },
      { total: 'R1', parts: ['A', 'B'] },
      { total: 'R2', parts: ['C', 'D'] },
    ];
    const result = suppress(countsOf(values), relations);
    expect(sorted(result.primary)).toEqual(['A', 'B', 'R1']);
    // R2 rather than Wales (the grand total), then C (smaller than D) so R2 is not its parts' sum.
    expect(sorted(result.secondary)).toEqual(['C', 'R2']);
    expectSafe(values, relations, result.suppressed);
  });

  it('a rate with a small numerator is suppressed whole, and so is the rate that protects it', () => {
    // Numerators n.* and denominators d.* for three authorities in a region.
    const values = { 'n.R': 53, 'n.A': 3, 'n.B': 20, 'n.C': 30, 'd.R': 150, 'd.A': 40, 'd.B': 50, 'd.C': 60 };
    const relations = [
      { total: 'n.R', parts: ['n.A', 'n.B', 'n.C'] },
      { total: 'd.R', parts: ['d.A', 'd.B', 'd.C'] },
    ];
    const links = ['R', 'A', 'B', 'C'].map((g) => [`n.${g}`, `d.${g}`]);
    const result = suppress(countsOf(values), relations, { links });
    expect(sorted(result.primary)).toEqual(['n.A']);
    expect(sorted(result.secondary)).toEqual(['d.A', 'd.B', 'n.B']);
    expectSafe(values, relations, result.suppressed);
  });

  it('a zero is a small number too', () => {
    const result = suppress(countsOf({ R: 20, A: 0, B: 20 }), [{ total: 'R', parts: ['A', 'B'] }]);
    expect(sorted(result.suppressed)).toEqual(['A', 'B']);
  });

  it('takes another threshold', () => {
    const values = { R: 40, A: 7, B: 15, C: 18 };
    const relations = [{ total: 'R', parts: ['A', 'B', 'C'] }];
    expect(sorted(suppress(countsOf(values), relations).suppressed)).toEqual([]);
    expect(sorted(suppress(countsOf(values), relations, { threshold: 10 }).suppressed)).toEqual(['A', 'B']);
  });

  it('publishes everything when nothing is small', () => {
    const result = suppress(countsOf({ R: 30, A: 10, B: 20 }), [{ total: 'R', parts: ['A', 'B'] }]);
    expect(result.suppressed.size).toBe(0);
  });
});

describe('suppress: refuses what it cannot make safe', () => {
  const relations = [{ total: 'R', parts: ['A', 'B'] }];
  it.each([
    ['figures that do not add up', [{ id: 'R', value: 10 }, { id: 'A', value: 3 }, { id: 'B', value: 6 }], relations, {}],
    ['a relation naming a missing count', [{ id: 'R', value: 10 }, { id: 'A', value: 10 }], relations, {}],
    ['a negative count', [{ id: 'R', value: 10 }, { id: 'A', value: 11 }, { id: 'B', value: -1 }], relations, {}],
    ['a count given twice', [{ id: 'R', value: 10 }, { id: 'R', value: 10 }, { id: 'A', value: 5 }, { id: 'B', value: 5 }], relations, {}],
    ['a link to a missing count', [{ id: 'R', value: 10 }, { id: 'A', value: 5 }, { id: 'B', value: 5 }], relations, { links: [['A', 'Z']] }],
  ])('%s', (_, counts, rels, options) => {
    expect(() => suppress(counts, rels, options)).toThrow();
  });
  it('a count the relations alone pin down', () => {
    // T = a and T = a + b make b = 0 whatever is published.
    const counts = [{ id: 'T', value: 3 }, { id: 'a', value: 3 }, { id: 'b', value: 0 }];
    expect(() => suppress(counts, [{ total: 'T', parts: ['a'] }, { total: 'T', parts: ['a', 'b'] }])).toThrow(/cannot be protected/);
  });
});
