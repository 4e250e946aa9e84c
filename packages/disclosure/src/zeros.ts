// Hidden counts that must be zero. Bound propagation finds the easy cases; this finds all of them (in
// real numbers): a count is forced to zero exactly when no non-negative table agreeing with the
// published figures has it positive. Non-negative solutions of A·x = b·s (s ≥ 0) form a cone, and
// (since the true table is one solution) an unknown is positive somewhere in that cone iff it is not
// forced to zero. Small linear programmes over the cone, solved exactly, find every unknown that can be
// positive; the rest are forced.
import { gcd } from './arithmetic.ts';
import { reducedRowEchelon, type Equation } from './elimination.ts';

type Row = bigint[];

function normalise(row: Row): void {
  let divisor = 0n;
  for (const c of row) if (c !== 0n) divisor = gcd(divisor, c);
  if (divisor > 1n) for (let i = 0; i < row.length; i++) row[i] = (row[i] ?? 0n) / divisor;
}

/** row := k·row − m·pivotRow with k = pivotRow[column] > 0, so `column` clears and meanings keep their
 *  sign. `support` lists pivotRow's non-zero columns; rows are mostly zeros, so only those are touched
 *  unless the row itself must be scaled. */
function clear(row: Row, pivotRow: Row, column: number, support: readonly number[]): void {
  const m = row[column] ?? 0n;
  if (m === 0n) return;
  const k = pivotRow[column] ?? 1n;
  const g = gcd(k, m);
  const scaleRow = k / g;
  const scalePivot = m / g;
  if (scaleRow !== 1n) for (let i = 0; i < row.length; i++) row[i] = (row[i] ?? 0n) * scaleRow;
  for (const i of support) row[i] = (row[i] ?? 0n) - (pivotRow[i] ?? 0n) * scalePivot;
  if (scaleRow !== 1n) normalise(row);
}

const supportOf = (row: Row): number[] => row.flatMap((c, i) => (c === 0n ? [] : [i]));

/**
 * Maximise Σ x_j over `candidates` on the cone, cut off by Σ candidates ≤ 1, by the simplex method with
 * Bland's rule (no cycling) in exact integer arithmetic. The reduced rows give a starting basis at the
 * origin, so no first phase is needed. Returns the candidates positive at the optimum.
 */
function positiveSomewhere(count: number, reduced: ReadonlyMap<number, Equation>, candidates: ReadonlySet<number>): number[] {
  // Columns: unknowns 0..count−1, then s (the scale), then the cut's slack; the last entry is the rhs.
  const s = count;
  const slack = count + 1;
  const width = count + 3;
  const rhs = width - 1;
  const rows: Row[] = [];
  const basis: number[] = [];
  for (const [pivot, equation] of reduced) {
    const row: Row = new Array<bigint>(width).fill(0n);
    for (const [v, c] of equation.coefficients) row[v] = c;
    row[s] = -equation.rhs; // Σ c·x − rhs·s = 0
    if ((row[pivot] ?? 0n) < 0n) for (let i = 0; i < width; i++) row[i] = -(row[i] ?? 0n);
    rows.push(row);
    basis.push(pivot);
  }
  const cut: Row = new Array<bigint>(width).fill(0n);
  const objective: Row = new Array<bigint>(width).fill(0n);
  for (const v of candidates) {
    cut[v] = 1n;
    objective[v] = -1n; // z − Σ x_j = 0: a negative entry is a column whose increase raises z
  }
  cut[slack] = 1n;
  cut[rhs] = 1n;
  rows.forEach((row, i) => {
    const support = supportOf(row);
    clear(cut, row, basis[i] ?? 0, support);
    clear(objective, row, basis[i] ?? 0, support);
  });
  rows.push(cut);
  basis.push(slack);

  for (;;) {
    let entering = -1;
    for (let j = 0; j < rhs; j++) {
      if ((objective[j] ?? 0n) < 0n) {
        entering = j;
        break;
      }
    }
    if (entering < 0) break;
    let leaving = -1;
    for (let i = 0; i < rows.length; i++) {
      const a = rows[i]?.[entering] ?? 0n;
      if (a <= 0n) continue;
      if (leaving < 0) {
        leaving = i;
        continue;
      }
      const best = rows[leaving] as Row;
      const row = rows[i] as Row;
      // rhs_i / a_i against rhs_best / a_best, cross-multiplied (all positive); ties to the lower index.
      const left = (row[rhs] ?? 0n) * (best[entering] ?? 0n);
      const right = (best[rhs] ?? 0n) * a;
      if (left < right || (left === right && (basis[i] ?? 0) < (basis[leaving] ?? 0))) leaving = i;
    }
    if (leaving < 0) break; // cannot happen: the cut bounds the objective
    const pivotRow = rows[leaving] as Row;
    const support = supportOf(pivotRow);
    rows.forEach((row, i) => {
      if (i !== leaving) clear(row, pivotRow, entering, support);
    });
    clear(objective, pivotRow, entering, support);
    basis[leaving] = entering;
  }

  const positive: number[] = [];
  rows.forEach((row, i) => {
    const v = basis[i] ?? -1;
    if (candidates.has(v) && (row[rhs] ?? 0n) > 0n) positive.push(v);
  });
  return positive;
}

/**
 * Unknowns (numbered 0..count−1, all ≥ 0) that are zero in every solution of the equations whose
 * reduced row echelon form is `reduced`. `knownPositive` are already known to be positive somewhere.
 */
export function forcedZeros(count: number, reduced: ReadonlyMap<number, Equation>, knownPositive: ReadonlySet<number> = new Set()): number[] {
  const candidates = new Set<number>();
  for (let v = 0; v < count; v++) if (!knownPositive.has(v)) candidates.add(v);
  // Each round finds at least one more unknown that can be positive, or proves the rest cannot.
  while (candidates.size > 0) {
    const positive = positiveSomewhere(count, reduced, candidates);
    if (positive.length === 0) break;
    for (const v of positive) candidates.delete(v);
  }
  return [...candidates];
}

/**
 * The same answer, faster, given one solution `point` (suppression has the true table). An unknown
 * above zero there is not forced. One at zero is forced unless some direction d with A·d = 0 raises it
 * while keeping every other unknown that is zero at `point` from falling: the unknowns above zero can
 * move either way a little, so eliminating them first leaves a small cone in the zero unknowns alone.
 */
export function forcedZerosGiven(count: number, equations: readonly Equation[], point: readonly bigint[]): number[] {
  for (const { coefficients, rhs } of equations) {
    let sum = 0n;
    for (const [v, c] of coefficients) sum += c * (point[v] ?? 0n);
    if (sum !== rhs) throw new Error('the point given does not solve the equations');
  }
  // Renumber: unknowns above zero first, so elimination pivots on them first; rows left pivoting on a
  // zero unknown mention only zero unknowns, and span every constraint on the directions among them.
  const above: number[] = [];
  const zero: number[] = [];
  for (let v = 0; v < count; v++) ((point[v] ?? 0n) > 0n ? above : zero).push(v);
  if (zero.length === 0) return [];
  const order = [...above, ...zero];
  const position = new Map(order.map((v, i) => [v, i]));
  const directions = equations.map(({ coefficients }) => ({
    coefficients: new Map([...coefficients].map(([v, c]) => [position.get(v) ?? -1, c])),
    rhs: 0n,
  }));
  const cone = new Map<number, Equation>();
  for (const [pivot, row] of reducedRowEchelon(directions)) {
    if (pivot < above.length) continue;
    cone.set(pivot - above.length, {
      coefficients: new Map([...row.coefficients].map(([v, c]) => [v - above.length, c])),
      rhs: 0n,
    });
  }
  return forcedZeros(zero.length, cone).map((i) => zero[i] ?? -1);
}
