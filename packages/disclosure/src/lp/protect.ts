// Secondary suppression as linear programmes (Kelly, Golden and Assad; Fischetti and Salazar): for every
// requirement a reader's interval breaks, find the cheapest other table that agrees with everything
// published and every row, yet moves the expression as far as the requirement asks; every published cell
// that table moves is hidden. That table then stays consistent with what is published (hiding more only
// takes constants away), so the requirement holds from then on, and one pass over the requirements ends
// safe by construction. The final check is the attacker's (intervals.ts) again, run by the caller.
//
// Each programme is solved over a window of variables the caller chooses (variables outside it kept at
// their true values, which keeps every row exact), growing windows in turn; a requirement no window can
// meet goes to the caller's fallback, which must be safe whatever the numbers (hide everything linked).
import { createModel, highs, solve, type LinearRow } from './highs.ts';
import { violations, type AttackStats, type Knowledge, type Requirement, type Violation } from './intervals.ts';

export interface ProtectionHooks {
  /** Whether a reader sees this variable's value now (hiding one figure can stop others showing a cell). */
  isPublished(variable: number): boolean;
  /** Hide a published variable (the caller hides every figure showing it). */
  hide(variable: number): void;
  /** The price of hiding a published variable, per unit it moves (published cells only; hidden ones are free). */
  cost(variable: number): number;
  /** Variables never to move (known to every reader whatever is published: empty by definition). */
  isFixed(variable: number): boolean;
  /** Windows to try for a requirement, smallest first; each must hold the requirement's own variables. */
  windows(requirement: number): readonly (readonly number[])[];
  /** Last resort for a requirement no window meets: hide everything that could pin it. */
  fallback(requirement: number): void;
}

export interface ProtectionStats extends AttackStats {
  violations: number;
  perturbations: number;
  reused: number;
  fallbacks: number;
}

export function newStats(): ProtectionStats {
  return { components: 0, largestComponent: 0, solves: 0, violations: 0, perturbations: 0, reused: 0, fallbacks: 0 };
}

/** A table that agrees with what is published: its difference from the true one, by variable. */
type Perturbation = ReadonlyMap<number, number>;

/**
 * Hides published variables until every requirement holds against a reader who knows the published
 * values and the rows. `values` are the true values (they satisfy every row). Returns the requirements
 * that still failed after the pass (the caller's fallback has then run for them).
 */
export function protect(
  values: Float64Array,
  rows: readonly LinearRow[],
  requirements: readonly Requirement[],
  hooks: ProtectionHooks,
  stats: ProtectionStats = newStats(),
): void {
  const rowsOf = indexRows(rows, values.length);
  // No attack first: on the primary pattern every hidden cell meets every other in one component of
  // thousands, whose programmes cost seconds each. Each requirement's own perturbation programme, in a
  // small window, is its check too (one that is met already costs nothing and hides nothing).
  const t = performance.now();
  const found: Violation[] = requirements.map((_, requirement) => ({ requirement, min: NaN, max: NaN }));
  const pool: Perturbation[] = [];
  for (const v of found) {
    const r = requirements[v.requirement] as Requirement;
    const value = expressionAt(r.expression, values, null);
    for (const direction of directions(r, v)) {
      const target = direction === 'up' ? (r.atLeast ?? 0) : (r.atMost ?? 0);
      if (pool.some((p) => meets(r, p, values, direction, target, hooks))) {
        stats.reused += 1;
        continue;
      }
      let done = false;
      for (const window of hooks.windows(v.requirement)) {
        const p = cheapestPerturbation(values, rows, rowsOf, window, r, direction, target - value, hooks, stats);
        if (!p) continue;
        for (const variable of p.keys()) if (hooks.isPublished(variable)) hooks.hide(variable);
        pool.push(p);
        if (process.env.LP_DEBUG && stats.perturbations % 50 === 0) console.error(`${stats.perturbations} perturbations, ${stats.reused} reused, ${stats.solves} solves, window ${window.length}: ${(performance.now() - t).toFixed(0)} ms`);
        stats.perturbations += 1;
        done = true;
        break;
      }
      if (!done) {
        stats.fallbacks += 1;
        hooks.fallback(v.requirement);
      }
    }
  }
}

/** What a reader knows now: published variables exactly, hidden ones only as non-negative. */
export function knowledgeOf(values: Float64Array, rows: readonly LinearRow[], hooks: Pick<ProtectionHooks, 'isPublished'>): Knowledge {
  const lower = new Float64Array(values.length);
  const upper = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const shown = hooks.isPublished(i);
    lower[i] = shown ? (values[i] ?? 0) : 0;
    upper[i] = shown ? (values[i] ?? 0) : Infinity;
  }
  return { lower, upper, rows };
}

/** Directions still open (an interval end not computed, NaN, counts as open). */
function directions(r: Requirement, v: Violation): ('up' | 'down')[] {
  const out: ('up' | 'down')[] = [];
  if (r.atLeast !== undefined && !(v.max >= r.atLeast - 1e-6)) out.push('up');
  if (r.atMost !== undefined && !(v.min <= r.atMost + 1e-6)) out.push('down');
  return out;
}

function expressionAt(e: Requirement['expression'], values: Float64Array, p: Perturbation | null): number {
  let s = 0;
  e.indices.forEach((i, k) => (s += (e.coefs[k] ?? 0) * ((values[i] ?? 0) + (p?.get(i) ?? 0))));
  return s;
}

/** Whether an earlier perturbation (every cell it moves already hidden) already opens this interval. */
function meets(r: Requirement, p: Perturbation, values: Float64Array, direction: 'up' | 'down', target: number, hooks: Pick<ProtectionHooks, 'isPublished'>): boolean {
  if (!r.expression.indices.some((i) => p.has(i))) return false;
  const at = expressionAt(r.expression, values, p);
  if (direction === 'up' ? at < target - 1e-6 : at > target + 1e-6) return false;
  for (const i of p.keys()) if (hooks.isPublished(i)) return false;
  return true;
}

function indexRows(rows: readonly LinearRow[], size: number): number[][] {
  const of: number[][] = Array.from({ length: size }, () => []);
  rows.forEach((row, r) => {
    for (const i of new Set(row.indices)) of[i]?.push(r);
  });
  return of;
}

/**
 * The cheapest move y of the window's variables (others fixed) keeping every row and x + y ≥ 0, with the
 * requirement's expression moved by at least `shift` (up) or at most `shift` (down). Columns y⁺, y⁻ ≥ 0.
 */
function cheapestPerturbation(
  values: Float64Array,
  rows: readonly LinearRow[],
  rowsOf: readonly number[][],
  window: readonly number[],
  r: Requirement,
  direction: 'up' | 'down',
  shift: number,
  hooks: ProtectionHooks,
  stats: ProtectionStats,
): Perturbation | null {
  const vars = window.filter((i) => !hooks.isFixed(i));
  const local = new Map(vars.map((v, k) => [v, k]));
  if (r.expression.indices.some((i) => !local.has(i) && !hooks.isFixed(i))) return null;
  const n = vars.length;
  const colLower = new Float64Array(2 * n);
  const colUpper = new Float64Array(2 * n);
  const colCost = new Float64Array(2 * n);
  vars.forEach((v, k) => {
    colUpper[k] = Infinity;
    colUpper[n + k] = values[v] ?? 0;
    const price = hooks.isPublished(v) ? hooks.cost(v) : 0;
    colCost[k] = price;
    colCost[n + k] = price;
  });
  const lpRows: LinearRow[] = [];
  const seen = new Set<number>();
  for (const v of vars) {
    for (const ri of rowsOf[v] ?? []) {
      if (seen.has(ri)) continue;
      seen.add(ri);
      const row = rows[ri] as LinearRow;
      let activity = 0;
      const indices: number[] = [];
      const coefs: number[] = [];
      row.indices.forEach((i, k) => {
        const c = row.coefs[k] ?? 0;
        activity += c * (values[i] ?? 0);
        const at = local.get(i);
        if (at === undefined) return;
        indices.push(at, n + at);
        coefs.push(c, -c);
      });
      lpRows.push({ indices, coefs, lower: row.lower - activity, upper: row.upper - activity });
    }
  }
  const target: LinearRow = { indices: [], coefs: [], lower: direction === 'up' ? shift : -Infinity, upper: direction === 'up' ? Infinity : shift };
  r.expression.indices.forEach((i, k) => {
    const at = local.get(i);
    if (at === undefined) return;
    (target.indices as number[]).push(at, n + at);
    (target.coefs as number[]).push(r.expression.coefs[k] ?? 0, -(r.expression.coefs[k] ?? 0));
  });
  lpRows.push(target);
  const model = createModel({ colLower, colUpper, colCost, rows: lpRows });
  try {
    model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
    const outcome = solve(model);
    stats.solves += 1;
    if (outcome !== 'optimal') return null;
    const x = model.getSolution().colValue;
    const moved = new Map<number, number>();
    vars.forEach((v, k) => {
      const y = (x[k] ?? 0) - (x[n + k] ?? 0);
      if (Math.abs(y) > 1e-7 * Math.max(1, values[v] ?? 0)) moved.set(v, y);
    });
    return moved;
  } finally {
    model.dispose();
  }
}
