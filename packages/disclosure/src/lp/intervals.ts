// The attacker: what a reader can work out about hidden figures by linear programming over everything
// published and everything the definitions say (sums, nestings, equalities, nothing negative). For each
// requirement on a linear expression of the cells (a hidden count, or the difference of two), the
// feasible interval [min, max] is what a reader can conclude; a requirement says how wide it must be.
//
// Speed comes from two things. Hidden cells only meet through rows that mix them, so the system splits into
// connected components of hidden cells (published cells are constants), each a small LP. And most
// requirements are met at once: one LP maximises Σ min(expression, required max) − Σ max(0, expression −
// required min) over a component, and every requirement its optimum meets is proven met by that feasible
// point; only the rest are solved one by one for their exact min and max.
import { createModel, highs, solve, type LinearRow, type Model } from './highs.ts';

/** Σ coefs·x over variables by index. */
export interface Expression {
  readonly indices: readonly number[];
  readonly coefs: readonly number[];
}

/** What a reader's interval for an expression must reach: max ≥ atLeast, min ≤ atMost (either may be absent). */
export interface Requirement {
  readonly expression: Expression;
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** What a reader knows: bounds on every variable (equal when published exactly) and the rows that hold. */
export interface Knowledge {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly rows: readonly LinearRow[];
}

export interface Violation {
  /** Index into the requirements. */
  readonly requirement: number;
  readonly min: number;
  readonly max: number;
}

export interface AttackStats {
  components: number;
  largestComponent: number;
  solves: number;
}

export function newStats(): AttackStats {
  return { components: 0, largestComponent: 0, solves: 0 };
}

const EPS = 1e-9;
const tolerance = (x: number) => 1e-6 * Math.max(1, Math.abs(x));

class UnionFind {
  readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    for (let j = i; this.parent[j] !== root;) {
      const next = this.parent[j] ?? root;
      this.parent[j] = root;
      j = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}

/** Every requirement a reader's intervals break, with the interval. */
/**
 * Every requirement a reader's intervals break. `exact: false` skips the one-by-one programmes: whatever
 * the joint ones do not prove met is returned with min and max NaN (protection only needs to know which).
 */
export function violations(
  knowledge: Knowledge,
  requirements: readonly Requirement[],
  stats?: AttackStats,
  {
    exact = true,
    deadline = Infinity,
  }: { exact?: boolean; /** performance.now() after which what is not settled is returned unsettled (min and max NaN). */ deadline?: number } = {},
): Violation[] {
  const { lower, upper } = knowledge;
  const size = lower.length;
  const unknown = (i: number) => (upper[i] ?? 0) - (lower[i] ?? 0) > EPS;
  const uf = new UnionFind(size);
  const link = (indices: readonly number[]) => {
    let first = -1;
    for (const i of indices) {
      if (!unknown(i)) continue;
      if (first < 0) first = i;
      else uf.union(first, i);
    }
  };
  for (const row of knowledge.rows) link(row.indices);
  for (const r of requirements) link(r.expression.indices);

  const found: Violation[] = [];
  // Requirements on constants (every variable published) are checked directly.
  const byComponent = new Map<number, number[]>();
  requirements.forEach((r, j) => {
    const free = r.expression.indices.find(unknown);
    if (free === undefined) {
      const value = constantOf(r.expression, lower);
      if ((r.atLeast !== undefined && value < r.atLeast - tolerance(r.atLeast)) || (r.atMost !== undefined && value > r.atMost + tolerance(r.atMost)))
        found.push({ requirement: j, min: value, max: value });
      return;
    }
    const root = uf.find(free);
    const list = byComponent.get(root);
    if (list) list.push(j);
    else byComponent.set(root, [j]);
  });
  if (byComponent.size === 0) return found;
  const members = new Map<number, number[]>();
  for (let i = 0; i < size; i++) {
    if (!unknown(i)) continue;
    const root = uf.find(i);
    if (!byComponent.has(root)) continue;
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  }
  const rowsOf = new Map<number, LinearRow[]>();
  for (const row of knowledge.rows) {
    const free = row.indices.find(unknown);
    if (free === undefined) continue;
    const root = uf.find(free);
    if (!byComponent.has(root)) continue;
    const list = rowsOf.get(root);
    if (list) list.push(row);
    else rowsOf.set(root, [row]);
  }
  for (const [root, reqs] of byComponent) {
    const vars = members.get(root) ?? [];
    if (stats) {
      stats.components += 1;
      stats.largestComponent = Math.max(stats.largestComponent, vars.length);
    }
    const started = performance.now();
    found.push(
      ...componentViolations(
        knowledge,
        vars,
        rowsOf.get(root) ?? [],
        reqs.map((j) => ({ j, r: requirements[j] as Requirement })),
        exact,
        deadline,
        stats,
      ),
    );
    void started;
  }
  return found.sort((a, b) => a.requirement - b.requirement);
}

function constantOf(e: Expression, values: Float64Array): number {
  let s = 0;
  e.indices.forEach((i, k) => (s += (e.coefs[k] ?? 0) * (values[i] ?? 0)));
  return s;
}

/** Rows over a component's own columns: known variables moved into the bounds. */
function localRow(row: LinearRow, local: ReadonlyMap<number, number>, known: Float64Array): LinearRow {
  const indices: number[] = [];
  const coefs: number[] = [];
  let constant = 0;
  row.indices.forEach((i, k) => {
    const c = row.coefs[k] ?? 0;
    const at = local.get(i);
    if (at === undefined) constant += c * (known[i] ?? 0);
    else {
      indices.push(at);
      coefs.push(c);
    }
  });
  return { indices, coefs, lower: row.lower - constant, upper: row.upper - constant };
}

function componentViolations(
  knowledge: Knowledge,
  vars: readonly number[],
  rows: readonly LinearRow[],
  reqs: readonly { j: number; r: Requirement }[],
  exact: boolean,
  deadline: number,
  stats?: AttackStats,
): Violation[] {
  const local = new Map(vars.map((v, k) => [v, k]));
  // Columns: the component's variables, then per requirement t (≤ its expression and ≤ atLeast) and s
  // (≥ its expression − atMost, ≥ 0).
  const colLower: number[] = vars.map((v) => knowledge.lower[v] ?? 0);
  const colUpper: number[] = vars.map((v) => knowledge.upper[v] ?? Infinity);
  const colCost: number[] = vars.map(() => 0);
  const lpRows: LinearRow[] = rows.map((row) => localRow(row, local, knowledge.lower));
  const parts = reqs.map(({ j, r }) => {
    const e = localRow({ ...r.expression, lower: 0, upper: 0 }, local, knowledge.lower);
    const constant = -e.lower;
    let t = -1;
    let s = -1;
    if (r.atLeast !== undefined) {
      t = colLower.length;
      colLower.push(-Infinity);
      colUpper.push(r.atLeast - constant);
      colCost.push(1);
      lpRows.push({ indices: [...e.indices, t], coefs: [...e.coefs, -1], lower: 0, upper: Infinity });
    }
    if (r.atMost !== undefined) {
      s = colLower.length;
      colLower.push(0);
      colUpper.push(Infinity);
      colCost.push(-1);
      lpRows.push({ indices: [...e.indices, s], coefs: [...e.coefs, -1], lower: -Infinity, upper: r.atMost - constant });
    }
    return { j, r, e, constant, t, s, up: r.atLeast === undefined, down: r.atMost === undefined };
  });
  const model = createModel({
    colLower: Float64Array.from(colLower),
    colUpper: Float64Array.from(colUpper),
    colCost: Float64Array.from(colCost),
    rows: lpRows,
  });
  try {
    model.changeObjectiveSense(highs.constants.objectiveSense.maximize);
    // Upper and lower requirements pull the same cell opposite ways, so rounds alternate between them
    // (a round's proven requirements drop out of the objective) while a round still proves something.
    // When a round over all of them proves nothing more, the open ones are tried in smaller groups (cells
    // that compete for one total are rarely all in one group), down to groups of one.
    let group = Infinity;
    let offset = 0;
    let provenThisPass = 0;
    for (let round = 0; round < 2000 && performance.now() < deadline; round++) {
      const up = round % 2 === 0;
      const open = parts.filter((p) => (up ? !p.up : !p.down));
      if (open.length === 0) {
        if (parts.every((p) => p.up && p.down)) break;
        continue;
      }
      const size = Math.min(group, open.length);
      const chosen = new Set(open.slice(offset % open.length, (offset % open.length) + size));
      for (const p of parts) {
        if (p.t >= 0) model.changeColCost(p.t, up && !p.up && chosen.has(p) ? 1 : 0);
        if (p.s >= 0) model.changeColCost(p.s, !up && !p.down && chosen.has(p) ? -1 : 0);
      }
      const outcome = solve(model, deadline);
      if (stats) stats.solves += 1;
      if (outcome === 'out-of-time') break;
      if (outcome !== 'optimal') throw new Error(`the reader's linear programme is ${outcome}: the published figures contradict the structure`);
      const x = model.getSolution().colValue;
      let newly = 0;
      for (const p of parts) {
        const value = expressionValue(p.e, x) + p.constant;
        if (!p.up && p.r.atLeast !== undefined && value >= p.r.atLeast - tolerance(p.r.atLeast)) {
          p.up = true;
          newly += 1;
          model.changeColCost(p.t, 0);
        }
        if (!p.down && p.r.atMost !== undefined && value <= p.r.atMost + tolerance(p.r.atMost)) {
          p.down = true;
          newly += 1;
          model.changeColCost(p.s, 0);
        }
      }
      if (parts.every((p) => p.up && p.down)) break;
      // A group's proven ones drop out; the window moves on over the open ones. After a whole pass that
      // proved nothing, the groups get smaller (cells competing for one total are rarely all in one),
      // down to single requirements; after a pass of those, what is left goes to the exact solves.
      provenThisPass += newly;
      offset += newly > 0 ? 0 : size;
      if (offset >= open.length) {
        if (provenThisPass === 0) {
          if (group <= 1) break;
          group = Number.isFinite(group) ? Math.max(1, Math.floor(group / 4)) : Math.max(1, Math.ceil(open.length / 4));
        }
        offset = 0;
        provenThisPass = 0;
      }
    }
    const open = parts.filter((p) => !p.up || !p.down);
    if (open.length === 0) return [];
    if (!exact || performance.now() >= deadline) return open.map((p) => ({ requirement: p.j, min: p.down ? -Infinity : NaN, max: p.up ? Infinity : NaN }));
    for (const p of parts) {
      if (p.t >= 0) model.changeColCost(p.t, 0);
      if (p.s >= 0) model.changeColCost(p.s, 0);
    }
    const found: Violation[] = [];
    for (const p of open) {
      if (performance.now() >= deadline) {
        found.push({ requirement: p.j, min: NaN, max: NaN });
        continue;
      }
      const max = optimum(model, p.e, 'max', deadline, stats) + p.constant;
      const min = optimum(model, p.e, 'min', deadline, stats) + p.constant;
      if (Number.isNaN(max) || Number.isNaN(min)) {
        found.push({ requirement: p.j, min: NaN, max: NaN });
        continue;
      }
      const { atLeast, atMost } = p.r;
      if ((atLeast !== undefined && max < atLeast - tolerance(atLeast)) || (atMost !== undefined && min > atMost + tolerance(atMost)))
        found.push({ requirement: p.j, min, max });
    }
    return found;
  } finally {
    model.dispose();
  }
}

function expressionValue(e: Expression, x: Float64Array): number {
  let s = 0;
  e.indices.forEach((i, k) => (s += (e.coefs[k] ?? 0) * (x[i] ?? 0)));
  return s;
}

/** max or min of an expression over the component (Infinity when unbounded, NaN when out of time). */
function optimum(model: Model, e: Expression, sense: 'max' | 'min', deadline: number, stats?: AttackStats): number {
  model.changeObjectiveSense(sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize);
  e.indices.forEach((i, k) => model.changeColCost(i, e.coefs[k] ?? 0));
  try {
    const outcome = solve(model, deadline);
    if (stats) stats.solves += 1;
    if (outcome === 'out-of-time') return NaN;
    if (outcome === 'unbounded') return sense === 'max' ? Infinity : -Infinity;
    if (outcome !== 'optimal') throw new Error(`the reader's linear programme is ${outcome}`);
    return model.getObjectiveValue();
  } finally {
    for (const i of e.indices) model.changeColCost(i, 0);
  }
}
