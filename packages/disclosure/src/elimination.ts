// Exact Gaussian elimination over the integers (BigInt), on sparse rows. Floating point could round a
// dependency away or invent one, and either would make the attacker wrong, so nothing here is inexact.
import { gcd } from './arithmetic.ts';

/** Σ coefficient × unknown = rhs, unknowns numbered within one connected part of the table. */
export interface Equation {
  readonly coefficients: ReadonlyMap<number, bigint>;
  readonly rhs: bigint;
}

export class InconsistentFiguresError extends Error {
  override readonly name = 'InconsistentFiguresError';
}

function normalised(coefficients: Map<number, bigint>, rhs: bigint): Equation {
  let divisor = rhs;
  for (const c of coefficients.values()) divisor = gcd(divisor, c);
  if (divisor > 1n) {
    for (const [v, c] of coefficients) coefficients.set(v, c / divisor);
    rhs /= divisor;
  }
  return { coefficients, rhs };
}

/** a − (a[v] / b[v]) × b, scaled to stay integral, so that `v` drops out of `a`. */
function eliminate(a: Equation, b: Equation, v: number): Equation {
  const av = a.coefficients.get(v) ?? 0n;
  const bv = b.coefficients.get(v) ?? 0n;
  const g = gcd(av, bv);
  const scaleA = bv / g;
  const scaleB = av / g;
  const coefficients = new Map<number, bigint>();
  for (const [u, c] of a.coefficients) coefficients.set(u, c * scaleA);
  for (const [u, c] of b.coefficients) {
    const next = (coefficients.get(u) ?? 0n) - c * scaleB;
    if (next === 0n) coefficients.delete(u);
    else coefficients.set(u, next);
  }
  return normalised(coefficients, a.rhs * scaleA - b.rhs * scaleB);
}

/**
 * The reduced row echelon form of the equations, as pivot unknown → row. Every row has a distinct
 * pivot and no other row mentions it, so an unknown is pinned down by the equations exactly when its
 * row (if it has one) mentions nothing else: e_i is in the row space only then.
 */
export function reducedRowEchelon(equations: readonly Equation[], { sparsePivots = false }: { readonly sparsePivots?: boolean } = {}): Map<number, Equation> {
  const pivots = new Map<number, Equation>();
  // The pivot of a new row is its lowest unknown, or (sparsePivots) the one in fewest equations: an unknown
  // only one equation mentions (a difference defined by it) then never spreads into other rows, which on a
  // large table saves most of the work. Either way every unknown pinned down has a row of its own.
  const occurrences = new Map<number, number>();
  if (sparsePivots) for (const { coefficients } of equations) for (const v of coefficients.keys()) occurrences.set(v, (occurrences.get(v) ?? 0) + 1);
  const pivotOf = (row: Equation): number => {
    let best = -1;
    for (const v of row.coefficients.keys()) {
      if (best < 0) best = v;
      else if (
        sparsePivots
          ? (occurrences.get(v) ?? 0) < (occurrences.get(best) ?? 0) || ((occurrences.get(v) ?? 0) === (occurrences.get(best) ?? 0) && v < best)
          : v < best
      )
        best = v;
    }
    return best;
  };
  // Which pivot rows mention each unknown (other than their own pivot), so a new pivot is cleared from just
  // those rows rather than looked for in every row: on a large table that search is most of the work.
  const holders = new Map<number, Set<number>>();
  const index = (pivot: number, row: Equation, add: boolean): void => {
    for (const v of row.coefficients.keys()) {
      if (v === pivot) continue;
      let set = holders.get(v);
      if (add) {
        if (!set) holders.set(v, (set = new Set()));
        set.add(pivot);
      } else set?.delete(pivot);
    }
  };
  for (const equation of equations) {
    let row: Equation = { coefficients: new Map(equation.coefficients), rhs: equation.rhs };
    // Pivot rows mention no other pivot, so one pass over the original unknowns clears them all.
    for (const v of [...row.coefficients.keys()]) {
      const pivotRow = pivots.get(v);
      if (pivotRow !== undefined && row.coefficients.has(v)) row = eliminate(row, pivotRow, v);
    }
    if (row.coefficients.size === 0) {
      if (row.rhs !== 0n) throw new InconsistentFiguresError('the published figures do not add up');
      continue;
    }
    const pivot = pivotOf(row);
    for (const p of [...(holders.get(pivot) ?? [])]) {
      const other = pivots.get(p);
      if (other === undefined || !other.coefficients.has(pivot)) continue;
      const next = eliminate(other, row, pivot);
      index(p, other, false);
      index(p, next, true);
      pivots.set(p, next);
    }
    holders.delete(pivot);
    pivots.set(pivot, row);
    index(pivot, row, true);
  }
  return pivots;
}

/** Unknowns whose value the equations fix, with that value. */
export function determinedByEquations(equations: readonly Equation[]): {
  readonly values: Map<number, bigint>;
  readonly reduced: Map<number, Equation>;
} {
  const reduced = reducedRowEchelon(equations, { sparsePivots: true });
  const values = new Map<number, bigint>();
  for (const [pivot, row] of reduced) {
    if (row.coefficients.size !== 1) continue;
    const c = row.coefficients.get(pivot) ?? 1n;
    if (row.rhs % c !== 0n) throw new InconsistentFiguresError('a count would not be a whole number');
    values.set(pivot, row.rhs / c);
  }
  return { values, reduced };
}
