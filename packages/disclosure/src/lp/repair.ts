// Secondary suppression by iterated linear programming (decision 0015), the method of Kelly, Golden and
// Assad that τ-Argus and sdcTable build on: for a set of requirements (a hidden count's feasible maximum
// must reach 5, say), find the cheapest table that agrees with every row a reader knows, meets all of
// them at once, and differs from the published figures as little as possible (a weighted sum of
// changes). Every published cell that table changes is hidden. The table is then one a reader cannot rule
// out, so each requirement in the set is met, and hiding more later only widens what a reader can
// conclude: the pattern ends safe by construction, batch after batch.
//
// Requirements are solved in batches, not all at once: one table meeting every requirement together is
// a stronger condition than each having its own (small cells that share a total can each reach 5, but not
// all together), and hides more. Neighbouring requirements (adjacent indices are usually in the same
// row) go to different batches.
import { createModel, solve, type LinearRow } from './highs.ts';
import type { Requirement } from './intervals.ts';

export interface RepairProblem {
  /** The true value of every variable. */
  readonly values: Float64Array;
  /** Known to every reader by definition (empty categories): never a column. */
  readonly fixed: Uint8Array;
  /** Rows a reader knows hold. */
  readonly rows: readonly LinearRow[];
  /** What a reader is not shown before secondary suppression (the primary pattern, and never-published cells). */
  readonly hidden: Uint8Array;
  /** Cost of changing a shown variable by one (what hiding it loses). */
  readonly weight: (variable: number) => number;
  /** Lower requirements (atLeast) on expressions of the variables. */
  readonly requirements: readonly Requirement[];
}

export interface RepairOptions {
  /** How many batches the requirements are solved in (default 8). */
  readonly batches?: number;
  /** performance.now() after which the batches not yet solved are solved in one programme. */
  readonly deadline?: number;
}

export interface RepairOutcome {
  /** Variables to hide (the primary pattern included). */
  readonly hidden: Uint8Array;
  readonly solves: number;
  /** The last batches were solved together because time ran out. */
  readonly joined: boolean;
  /** Why nothing could be protected (then every variable is hidden), or null. */
  readonly failure: string | null;
}

const CHANGED = 1e-7;

export function protectByRepair(problem: RepairProblem, { batches = 8, deadline = Infinity }: RepairOptions = {}): RepairOutcome {
  const hidden = Uint8Array.from(problem.hidden);
  const count = Math.max(1, Math.min(batches, problem.requirements.length));
  let solves = 0;
  let joined = false;
  for (let b = 0; b < count; b++) {
    const last = performance.now() >= deadline;
    const batch = problem.requirements.filter((_, j) => (last ? j % count >= b : j % count === b));
    const outcome = repairBatch(problem, hidden, batch);
    solves += 1;
    if (outcome !== 'optimal')
      return { hidden: hidden.fill(1), solves, joined, failure: `the repair programme for ${batch.length} requirements is ${outcome}` };
    if (last) {
      joined = b < count - 1;
      break;
    }
  }
  return { hidden, solves, joined, failure: null };
}

/** Solves one batch and hides, in `hidden`, every shown variable the cheapest meeting table changes. */
function repairBatch(problem: RepairProblem, hidden: Uint8Array, batch: readonly Requirement[]): string {
  const { values, fixed } = problem;
  const size = values.length;
  // A hidden variable is one free column; a shown one is its value plus an increase and a decrease.
  const free = new Int32Array(size).fill(-1);
  const increase = new Int32Array(size).fill(-1);
  const lower: number[] = [];
  const upper: number[] = [];
  const cost: number[] = [];
  for (let k = 0; k < size; k++) {
    if (fixed[k]) continue;
    if (hidden[k]) {
      free[k] = lower.length;
      lower.push(0);
      upper.push(Infinity);
      cost.push(0);
      continue;
    }
    const w = problem.weight(k);
    increase[k] = lower.length;
    lower.push(0, 0);
    upper.push(Infinity, values[k] ?? 0);
    cost.push(w, w);
  }
  const rows: LinearRow[] = [];
  const add = (indices: readonly number[], coefs: readonly number[], low: number, high: number) => {
    const columns: number[] = [];
    const weights: number[] = [];
    let constant = 0;
    indices.forEach((k, j) => {
      const c = coefs[j] ?? 0;
      if (fixed[k]) return;
      const f = free[k] ?? -1;
      if (f >= 0) {
        columns.push(f);
        weights.push(c);
        return;
      }
      const up = increase[k] ?? -1;
      constant += c * (values[k] ?? 0);
      columns.push(up, up + 1);
      weights.push(c, -c);
    });
    if (columns.length > 0) rows.push({ indices: columns, coefs: weights, lower: low - constant, upper: high - constant });
  };
  for (const row of problem.rows) add(row.indices, row.coefs, row.lower, row.upper);
  for (const r of batch) add(r.expression.indices, r.expression.coefs, r.atLeast ?? -Infinity, Infinity);
  const model = createModel({ colLower: Float64Array.from(lower), colUpper: Float64Array.from(upper), colCost: Float64Array.from(cost), rows });
  try {
    const outcome = solve(model);
    if (outcome !== 'optimal') return outcome;
    const x = model.getSolution().colValue;
    for (let k = 0; k < size; k++) {
      const up = increase[k] ?? -1;
      if (up >= 0 && (x[up] ?? 0) + (x[up + 1] ?? 0) > CHANGED) hidden[k] = 1;
    }
    return 'optimal';
  } finally {
    model.dispose();
  }
}
