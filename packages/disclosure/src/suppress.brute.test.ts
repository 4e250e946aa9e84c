// A second, independent attacker for tiny tables, so the suppression's safety is not only checked by
// the attacker it was built with: for every hidden count, search for another whole-number, non-negative
// table that agrees with everything published but differs in that count. Finding one proves the count
// cannot be worked out, by any reasoning. Not finding one (with moves of up to 2) suggests it can, and
// the main attacker must agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverableCells } from './attacker.ts';
import { suppress } from './suppress.ts';
import type { AdditiveRelation } from './types.ts';
import { tinyTable } from './wales-tables.ts';

/**
 * Another table agreeing with the published figures but not with the true one at `target`: the true
 * table moved by d, where d changes only hidden counts, by at most `step` each, keeps every relation
 * (Σ d over parts = d at the total) and leaves no count negative. Null if no such move exists. Every
 * move is tried (depth-first, pruned once a relation can no longer balance), so for small steps this
 * is exhaustive.
 */
function alternative(
  truth: ReadonlyMap<string, number>,
  hidden: readonly string[],
  relations: readonly AdditiveRelation[],
  target: string,
  step: number,
): Map<string, number> | null {
  const isHidden = new Set(hidden);
  // Visit cells relation by relation outwards from the target, so relations fill up early.
  const order: string[] = [target];
  for (let i = 0; i < order.length; i++) {
    for (const { total, parts } of relations) {
      const members = [total, ...parts];
      if (!members.includes(order[i] ?? '')) continue;
      for (const id of members) if (isHidden.has(id) && !order.includes(id)) order.push(id);
    }
  }
  const live = relations
    .map(({ total, parts }) => [total, ...parts].filter((id) => isHidden.has(id)).map((id) => [id, id === total ? 1 : -1] as const))
    .filter((terms) => terms.length > 0);
  const move = new Map<string, number>();
  const balanced = (): boolean =>
    live.every((terms) => {
      let sum = 0;
      let open = 0;
      for (const [id, sign] of terms) {
        const d = move.get(id);
        if (d === undefined) open += 1;
        else sum += sign * d;
      }
      return Math.abs(sum) <= open * step;
    });
  const search = (i: number): boolean => {
    const id = order[i];
    if (id === undefined) return true;
    for (let d = -step; d <= step; d++) {
      if ((id === target && d === 0) || (truth.get(id) ?? 0) + d < 0) continue;
      move.set(id, d);
      if (balanced() && search(i + 1)) return true;
      move.delete(id);
    }
    return false;
  };
  if (!search(0)) return null;
  return new Map([...truth].map(([id, v]) => [id, v + (move.get(id) ?? 0)]));
}

describe('an independent attacker finds another table for every suppressed count', () => {
  const small = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 9, max: 40 }) });
  const tables = fc
    .integer({ min: 2, max: 3 })
    .chain((parts) => fc.array(fc.array(small, { minLength: parts, maxLength: parts }), { minLength: 5, maxLength: 5 }));

  it('on random tiny hierarchical tables', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const { values, relations } = tinyTable(cells);
        const result = suppress([...values].map(([id, value]) => ({ id, value })), relations);
        const hidden = [...result.suppressed];
        for (const id of hidden) {
          const other = alternative(values, hidden, relations, id, 1) ?? alternative(values, hidden, relations, id, 2);
          expect(other, `${id} could be worked out`).not.toBeNull();
          expect(other?.get(id)).not.toBe(values.get(id));
        }
      }),
      // All hidden but five margins: once too hard for a naive search, kept as a regression.
      { numRuns: 300, examples: [[[[0, 0], [0, 0], [9, 0], [9, 0], [0, 9]]]] },
    );
  });
});

describe('the two attackers agree', () => {
  const small = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 9, max: 40 }) });
  const tables = fc
    .integer({ min: 2, max: 3 })
    .chain((parts) => fc.array(fc.array(small, { minLength: parts, maxLength: parts }), { minLength: 5, maxLength: 5 }));

  it('on which counts are given away when only the small ones are hidden', { timeout: 60_000 }, () => {
    let givenAway = 0;
    fc.assert(
      fc.property(tables, (cells) => {
        const { values, relations } = tinyTable(cells);
        const hidden = [...values].filter(([, v]) => v < 5).map(([id]) => id);
        const published = new Map([...values].filter(([, v]) => v >= 5));
        const recoverable = new Set(recoverableCells(published, hidden, relations));
        for (const id of hidden) {
          const other = alternative(values, hidden, relations, id, 1) ?? alternative(values, hidden, relations, id, 2);
          if (other !== null) {
            for (const { total, parts } of relations) expect(parts.reduce((s, p) => s + (other.get(p) ?? -1), 0)).toBe(other.get(total));
          }
          expect(recoverable.has(id), id).toBe(other === null);
          if (other === null) givenAway += 1;
        }
      }),
      { numRuns: 300 },
    );
    expect(givenAway).toBeGreaterThan(0);
  });
});
