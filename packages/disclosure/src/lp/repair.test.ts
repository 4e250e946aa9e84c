// Secondary suppression by repair, checked two ways that share nothing with it: the LP reader
// (violations) over everything left published, and, on tiny tables, a search for a whole-number,
// non-negative table that agrees with everything published and has the protected cell at 5 or more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdditiveRelation } from '../types.ts';
import { tinyTable, twoWay } from '../wales-tables.ts';
import { violations, type Requirement } from './intervals.ts';
import { protectByRepair, type RepairProblem } from './repair.ts';

const T = 5;

/** A table as a repair problem: each cell a variable, each relation a row, its counts below 5 hidden. */
function problemOf(values: ReadonlyMap<string, number>, relations: readonly AdditiveRelation[]) {
  const ids = [...values.keys()];
  const at = new Map(ids.map((id, k) => [id, k]));
  const v = Float64Array.from(ids, (id) => values.get(id) ?? 0);
  const rows = relations.map(({ total, parts }) => ({
    indices: [at.get(total) ?? -1, ...parts.map((p) => at.get(p) ?? -1)],
    coefs: [1, ...parts.map(() => -1)],
    lower: 0,
    upper: 0,
  }));
  const hidden = Uint8Array.from(v, (x) => (x < T ? 1 : 0));
  const requirements: Requirement[] = [];
  v.forEach((x, k) => {
    if (x < T) requirements.push({ expression: { indices: [k], coefs: [1] }, atLeast: T });
  });
  const problem: RepairProblem = { values: v, fixed: new Uint8Array(v.length), rows, hidden, weight: (k) => 1 + (v[k] ?? 0), requirements };
  return { ids, problem };
}

function readerViolations(problem: RepairProblem, hidden: Uint8Array) {
  const lower = Float64Array.from(problem.values, (x, k) => (hidden[k] ? 0 : x));
  const upper = Float64Array.from(problem.values, (x, k) => (hidden[k] ? Infinity : x));
  return violations({ lower, upper, rows: problem.rows }, problem.requirements);
}

/**
 * Whether some whole-number table agreeing with everything published has `target` at 5 or more: the
 * true table moved by d (only hidden cells move, by at most `step`, none below 0, every row kept).
 * Depth-first over the hidden cells, pruned once a row can no longer balance.
 */
function reachesFive(problem: RepairProblem, hidden: Uint8Array, target: number, step: number): boolean {
  const { values, rows } = problem;
  const free = [...hidden.keys()].filter((k) => hidden[k]);
  const order = [target, ...free.filter((k) => k !== target)];
  const live = rows.map((r) => r.indices.map((k, j) => [k, r.coefs[j] ?? 0] as const).filter(([k]) => hidden[k]));
  const move = new Map<number, number>();
  const balanced = () =>
    live.every((terms) => {
      let sum = 0;
      let open = 0;
      for (const [k, c] of terms) {
        const d = move.get(k);
        if (d === undefined) open += 1;
        else sum += c * d;
      }
      return Math.abs(sum) <= open * step;
    });
  const search = (i: number): boolean => {
    const k = order[i];
    if (k === undefined) return true;
    const need = T - (values[k] ?? 0);
    for (let d = -step; d <= step; d++) {
      if ((k === target && d < need) || (values[k] ?? 0) + d < 0) continue;
      move.set(k, d);
      if (balanced() && search(i + 1)) return true;
      move.delete(k);
    }
    return false;
  };
  return search(0);
}

describe('secondary suppression by repair', () => {
  it('hides a rectangle around one small count in a two-way table, and nothing else', () => {
    const { values, relations } = twoWay([
      [20, 30, 2],
      [25, 35, 40],
      [30, 40, 50],
    ]);
    const { ids, problem } = problemOf(new Map(Object.entries(values)), relations);
    const outcome = protectByRepair(problem);
    const hidden = ids.filter((_, k) => outcome.hidden[k]);
    expect(outcome.failure).toBeNull();
    // The 2 needs a partner in its row, in its column and the corner they share (a cycle of four).
    expect(hidden).toContain('A.z');
    expect(hidden).toHaveLength(4);
    expect(readerViolations(problem, outcome.hidden)).toEqual([]);
  });

  it('leaves a table whose small counts protect one another as it is', () => {
    const { values, relations } = twoWay([
      [2, 3, 30],
      [3, 2, 30],
      [30, 30, 30],
    ]);
    const { problem } = problemOf(new Map(Object.entries(values)), relations);
    const outcome = protectByRepair(problem);
    expect([...outcome.hidden]).toEqual([...problem.hidden]);
  });

  const small = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 7, max: 30 }) });
  const tables = fc.array(fc.array(small, { minLength: 2, maxLength: 2 }), { minLength: 5, maxLength: 5 });

  it('on random tiny hierarchical tables, every small count can reach 5, as a whole-number table too', { timeout: 120_000 }, () => {
    let secondary = 0;
    fc.assert(
      fc.property(tables, fc.integer({ min: 1, max: 4 }), (cells, batches) => {
        const { values, relations } = tinyTable(cells);
        const { problem } = problemOf(values, relations);
        const outcome = protectByRepair(problem, { batches });
        expect(outcome.failure).toBeNull();
        expect(readerViolations(problem, outcome.hidden)).toEqual([]);
        for (const r of problem.requirements) {
          const k = r.expression.indices[0] ?? -1;
          expect(reachesFive(problem, outcome.hidden, k, 5), `cell ${k}`).toBe(true);
        }
        secondary += outcome.hidden.reduce((s, h, k) => s + (h && !problem.hidden[k] ? 1 : 0), 0);
      }),
      { numRuns: 150 },
    );
    expect(secondary).toBeGreaterThan(0);
  });

  it('hides everything, and says why, when no table can meet the requirements', () => {
    // A requirement no table can meet (a cell that must be both 0 by a row and 5): fail safe.
    const problem: RepairProblem = {
      values: Float64Array.from([0, 0]),
      fixed: new Uint8Array(2),
      rows: [{ indices: [0, 1], coefs: [1, -1], lower: 0, upper: 0 }],
      hidden: Uint8Array.from([1, 0]),
      weight: () => 1,
      requirements: [{ expression: { indices: [0, 1], coefs: [1, -1] }, atLeast: 5 }],
    };
    const outcome = protectByRepair(problem);
    expect(outcome.failure).toMatch(/infeasible/);
    expect([...outcome.hidden]).toEqual([1, 1]);
  });
});
