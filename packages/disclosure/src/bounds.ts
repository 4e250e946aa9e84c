// Counts cannot be negative, and a reader knows it: if a published total leaves nothing over for two
// hidden parts, both are zero even though no sum or difference isolates either. Bound propagation (the
// "shuttle" idea used on statistical tables) finds these: each equation narrows every unknown's range
// given the others' ranges, until nothing moves. Ranges are whole numbers held exactly in numbers.
import { ceilDiv, floorDiv } from './arithmetic.ts';
import { InconsistentFiguresError, type Equation } from './elimination.ts';

interface NumericEquation {
  readonly terms: readonly (readonly [unknown: number, coefficient: number])[];
  readonly rhs: number;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Keeps coefficient × bound products exact in a double for any plausible count. */
const MAX_COEFFICIENT = 1n << 20n;

function numeric(equation: Equation): NumericEquation | null {
  const terms: [number, number][] = [];
  for (const [v, c] of equation.coefficients) {
    if (c > MAX_COEFFICIENT || c < -MAX_COEFFICIENT) return null; // leaving it out only weakens the attack
    terms.push([v, Number(c)]);
  }
  if (equation.rhs > SAFE || equation.rhs < -SAFE) return null;
  return { terms, rhs: Number(equation.rhs) };
}

/**
 * Unknowns (numbered 0..count−1, all ≥ 0) whose range collapses to a single value under the equations,
 * and the least value each unknown can take.
 * `maxSteps` caps the work on pathological inputs; stopping early can only miss a disclosure here,
 * and the suppression loop still has the exact linear test.
 */
export function determinedByBounds(
  count: number,
  equations: readonly Equation[],
  maxSteps = 200_000,
): { readonly fixed: Map<number, number>; readonly lower: readonly number[] } {
  const lower = new Array<number>(count).fill(0);
  const upper = new Array<number>(count).fill(Number.POSITIVE_INFINITY);
  const rows = equations.map(numeric).filter((row): row is NumericEquation => row !== null);
  const rowsOf: number[][] = Array.from({ length: count }, () => []);
  rows.forEach((row, index) => {
    for (const [v] of row.terms) rowsOf[v]?.push(index);
  });

  const low = (v: number, c: number): number => (c > 0 ? c * (lower[v] ?? 0) : c * (upper[v] ?? 0));
  const high = (v: number, c: number): number => (c > 0 ? c * (upper[v] ?? 0) : c * (lower[v] ?? 0));
  const queued = new Set(rows.keys());
  const queue = [...rows.keys()];
  let steps = 0;
  for (let head = 0; head < queue.length && steps < maxSteps; head++) {
    const index = queue[head] as number;
    queued.delete(index);
    const row = rows[index];
    if (row === undefined) continue;
    steps += row.terms.length;

    // The least and greatest Σ c·x can be, counting unbounded terms separately.
    let least = 0;
    let greatest = 0;
    let unboundedBelow = 0;
    let unboundedAbove = 0;
    for (const [v, c] of row.terms) {
      const l = low(v, c);
      const h = high(v, c);
      if (Number.isFinite(l)) least += l;
      else unboundedBelow += 1;
      if (Number.isFinite(h)) greatest += h;
      else unboundedAbove += 1;
    }

    for (const [v, c] of row.terms) {
      const l = low(v, c);
      const h = high(v, c);
      // Range of c·x_v = rhs − Σ others.
      const othersUnboundedBelow = unboundedBelow - (Number.isFinite(l) ? 0 : 1);
      const othersUnboundedAbove = unboundedAbove - (Number.isFinite(h) ? 0 : 1);
      const most = othersUnboundedBelow > 0 ? Number.POSITIVE_INFINITY : row.rhs - (least - (Number.isFinite(l) ? l : 0));
      const fewest = othersUnboundedAbove > 0 ? Number.NEGATIVE_INFINITY : row.rhs - (greatest - (Number.isFinite(h) ? h : 0));
      let newLower = lower[v] ?? 0;
      let newUpper = upper[v] ?? Number.POSITIVE_INFINITY;
      if (c > 0) {
        if (Number.isFinite(most)) newUpper = Math.min(newUpper, floorDiv(most, c));
        if (Number.isFinite(fewest)) newLower = Math.max(newLower, ceilDiv(fewest, c));
      } else {
        if (Number.isFinite(most)) newLower = Math.max(newLower, ceilDiv(most, c));
        if (Number.isFinite(fewest)) newUpper = Math.min(newUpper, floorDiv(fewest, c));
      }
      if (newLower > newUpper) throw new InconsistentFiguresError('the published figures do not add up');
      if (newLower !== lower[v] || newUpper !== upper[v]) {
        lower[v] = newLower;
        upper[v] = newUpper;
        for (const other of rowsOf[v] ?? []) {
          if (other !== index && !queued.has(other)) {
            queued.add(other);
            queue.push(other);
          }
        }
        // This row's sums are now stale; revisit it rather than patch them.
        if (!queued.has(index)) {
          queued.add(index);
          queue.push(index);
        }
        break;
      }
    }
  }

  const fixed = new Map<number, number>();
  for (let v = 0; v < count; v++) if (lower[v] === upper[v]) fixed.set(v, lower[v] ?? 0);
  return { fixed, lower };
}
