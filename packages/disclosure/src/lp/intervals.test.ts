// The attacker's intervals on hand-worked tables: a 2×2 table with one hidden cell is recovered; with a
// hidden cycle it is not; a nesting bound pins a cell from one side.
import { describe, expect, it } from 'vitest';
import { violations, type Knowledge } from './intervals.ts';

/** Cells a b / c d with row and column totals r1 r2 c1 c2 and grand g (indices 0..8). */
function twoByTwo(values: number[], hidden: number[]): Knowledge {
  const lower = Float64Array.from(values);
  const upper = Float64Array.from(values);
  for (const h of hidden) {
    lower[h] = 0;
    upper[h] = Infinity;
  }
  const rows = [
    { indices: [0, 1, 4], coefs: [1, 1, -1], lower: 0, upper: 0 },
    { indices: [2, 3, 5], coefs: [1, 1, -1], lower: 0, upper: 0 },
    { indices: [0, 2, 6], coefs: [1, 1, -1], lower: 0, upper: 0 },
    { indices: [1, 3, 7], coefs: [1, 1, -1], lower: 0, upper: 0 },
    { indices: [4, 5, 8], coefs: [1, 1, -1], lower: 0, upper: 0 },
  ];
  return { lower, upper, rows };
}
// a=2 b=10 c=20 d=30; r1=12 r2=50 c1=22 c2=40 g=62
const VALUES = [2, 10, 20, 30, 12, 50, 22, 40, 62];
const cell = (i: number) => ({ expression: { indices: [i], coefs: [1] }, atLeast: 5, atMost: 0 });

describe('the attacker', () => {
  it('recovers a cell hidden alone', () => {
    expect(violations(twoByTwo(VALUES, [0]), [cell(0)])).toEqual([{ requirement: 0, min: 2, max: 2 }]);
  });
  it('cannot pin a cell hidden in a cycle: [0, 12]', () => {
    expect(violations(twoByTwo(VALUES, [0, 1, 2, 3]), [cell(0)])).toEqual([]);
  });
  it('reports the interval when the cycle is too tight', () => {
    // b = 3: a ranges over [0, 5 - 0]... a + b = 5, a ≤ 5; with the rule max ≥ 5 it holds, min 0 holds.
    const v = [2, 3, 20, 30, 5, 50, 22, 33, 55];
    expect(violations(twoByTwo(v, [0, 1, 2, 3]), [cell(0)])).toEqual([]);
    const w = [2, 1, 20, 30, 3, 50, 22, 31, 53];
    expect(violations(twoByTwo(w, [0, 1, 2, 3]), [cell(0)])).toEqual([{ requirement: 0, min: 0, max: 3 }]);
  });
  it('checks a requirement on a difference of two hidden cells', () => {
    const diff = { expression: { indices: [4, 0], coefs: [1, -1] }, atLeast: 5, atMost: 0 };
    // r1 published: r1 − a = b, hidden in the cycle, so the difference ranges with b.
    expect(violations(twoByTwo(VALUES, [0, 1, 2, 3]), [diff])).toEqual([]);
  });
});
