// HiGHS (the `highs` npm package: HiGHS compiled to WebAssembly) loaded once per thread. Its loader is
// asynchronous but every solve is synchronous, so the module awaits it at the top level and the rest of
// disclosure control stays synchronous (buildReport returns figures, not a promise). Decision 0012 says
// why HiGHS and not glpk.js.
import * as highsPackage from 'highs';
import type { Highs, Model } from 'highs';

// The package's types are CommonJS-shaped while Node loads its ES module build, whose default export is
// the loader; TypeScript sees the loader one level down.
type Loader = () => Promise<Highs>;
const loader = (highsPackage as unknown as { default: Loader | { default: Loader } }).default;
export const highs: Highs = await (typeof loader === 'function' ? loader : loader.default)();
export type { Model };

/** A linear row over variables by index: lower ≤ Σ coefs·x ≤ upper (±Infinity for none). */
export interface LinearRow {
  readonly indices: readonly number[];
  readonly coefs: readonly number[];
  readonly lower: number;
  readonly upper: number;
}

/** Columns (bounds, costs) and rows of one LP, in the solver's sparse row form. */
export interface LpData {
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly colCost: Float64Array;
  readonly rows: readonly LinearRow[];
}

/** A persistent HiGHS model (dispose it), quiet, with presolve (faster here than without, measured). */
export function createModel(data: LpData): Model {
  // HiGHS rejects a row naming one column twice: such coefficients are added up first.
  const rows = data.rows.map(mergeRow);
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => (starts[r + 1] = (starts[r] ?? 0) + row.indices.length));
  const nonzeros = starts[rows.length] ?? 0;
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  rows.forEach((row, r) => {
    const at = starts[r] ?? 0;
    row.indices.forEach((i, j) => {
      indices[at + j] = i;
      values[at + j] = row.coefs[j] ?? 0;
    });
  });
  const numCols = data.colLower.length;
  const numRows = rows.length;
  const model = highs.createModel({
    numCols,
    numRows,
    colCost: data.colCost,
    colLower: data.colLower,
    colUpper: data.colUpper,
    rowLower: Float64Array.from(rows, (r) => r.lower),
    rowUpper: Float64Array.from(rows, (r) => r.upper),
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
  });
  model.options.set({ output_flag: false });
  return model;
}

function mergeRow(row: LinearRow): LinearRow {
  const merged = new Map<number, number>();
  row.indices.forEach((i, j) => merged.set(i, (merged.get(i) ?? 0) + (row.coefs[j] ?? 0)));
  const entries = [...merged].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
  return { indices: entries.map(([i]) => i), coefs: entries.map(([, c]) => c), lower: row.lower, upper: row.upper };
}

export type Outcome = 'optimal' | 'infeasible' | 'unbounded' | 'out-of-time' | 'failed';

/** Runs the model and says how it ended; with a deadline (performance.now()), HiGHS stops at it. */
export function solve(model: Model, deadline = Infinity): Outcome {
  const left = (deadline - performance.now()) / 1000;
  if (left <= 0) return 'out-of-time';
  // HiGHS takes only finite numbers: a day stands for no limit. Its time limit counts every run of the
  // model since its clocks were last reset, so they are reset: the limit is this run's.
  model.zeroAllClocks();
  model.options.set({ time_limit: Number.isFinite(left) ? left : 86_400 });
  model.run();
  const status = model.getModelStatus();
  const s = highs.constants.modelStatus;
  if (status === s.optimal) return 'optimal';
  if (status === s.timeLimit) return 'out-of-time';
  if (status === s.infeasible) return 'infeasible';
  if (status === s.unbounded) return 'unbounded';
  if (status === s.unboundedOrInfeasible) {
    // Presolve could not tell which: ask again without it.
    model.options.set({ presolve: 'off' });
    model.run();
    model.options.set({ presolve: 'choose' });
    const again = model.getModelStatus();
    if (again === s.optimal) return 'optimal';
    if (again === s.infeasible) return 'infeasible';
    if (again === s.unbounded) return 'unbounded';
  }
  return 'failed';
}
