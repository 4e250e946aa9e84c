// The numbers behind the published figures: which figures show the same count, which count part of what
// another counts, and which cells are empty by definition, as measures.ts declares them, checked against the
// authorities' counts. A declaration the counts do not bear out (a snapshot taken under an older definition
// of a measure) is not relied on: counts that should be one number but differ stay apart (nested, where one
// is within the other), a nesting with a negative difference is dropped, and an "empty" category that is not
// is an ordinary one.
import { DIMENSIONS, MEASURES, NESTED_NUMBERS, type MeasureDefinition } from './measures.ts';
import type { Nesting, Part } from './suppression.ts';

export interface CountRow {
  readonly authorityCode: string;
  readonly measure: string;
  readonly dimension: string;
  readonly category: string;
  readonly numerator: number;
  readonly denominator: number | null;
  readonly children: number | null;
}

/** Which of a measure's counts disclosure control checks, hidden together. */
export function partsOf(measure: MeasureDefinition): Part[] {
  if (measure.kind !== 'count') return ['n', 'd', 'c'];
  return measure.countsEvents ? ['n', 'c'] : ['n'];
}

function declaredName(measure: MeasureDefinition, part: Part): string {
  const name = part === 'n' ? measure.numbers.numerator : part === 'd' ? measure.numbers.denominator : measure.numbers.children;
  if (name === undefined) throw new Error(`measure ${measure.id} does not name its denominator`);
  return name;
}

/** One count of one measure, per authority × dimension × category (absent: 0). */
type Series = Map<string, number>;
const key = (authority: string, dimension: string, category: string) => `${authority}|${dimension}|${category}`;
const same = (a: Series, b: Series) => [...new Set([...a.keys(), ...b.keys()])].every((k) => (a.get(k) ?? 0) === (b.get(k) ?? 0));
const within = (part: Series, whole: Series) => [...new Set([...part.keys(), ...whole.keys()])].every((k) => (part.get(k) ?? 0) <= (whole.get(k) ?? 0));

export interface NumberGroup {
  /** Measures whose figures share or nest numbers: protected together. */
  readonly measures: readonly MeasureDefinition[];
  readonly numbers: readonly string[];
  readonly nested: readonly Nesting[];
}

export interface NumberPlan {
  /** The number a measure's count is. */
  numberOf(measure: string, part: Part): string;
  /** A number's value in one authority's cell (differences included). */
  value(number: string, authority: string, dimension: string, category: string): number;
  /** Known to every reader to be 0 there, by definition (and 0 in every authority's counts). */
  empty(number: string, dimension: string, category: string): boolean;
  readonly groups: readonly NumberGroup[];
}

interface Edge {
  readonly whole: string;
  readonly part: string;
  /** The difference counts children or PEPs. */
  readonly people: boolean;
  readonly equalIn?: Readonly<Record<string, readonly string[]>> | undefined;
}

export function planNumbers(rows: readonly CountRow[], measures: readonly MeasureDefinition[] = MEASURES): NumberPlan {
  const available = measures.filter((m) => m.available);
  const byId = new Map(available.map((m) => [m.id, m]));
  const series = new Map<string, Series>();
  const seriesOf = (measure: string, part: Part): Series => {
    let s = series.get(`${measure}:${part}`);
    if (!s) series.set(`${measure}:${part}`, (s = new Map()));
    return s;
  };
  for (const row of rows) {
    const m = byId.get(row.measure);
    if (!m) continue;
    for (const part of partsOf(m)) {
      // Snapshots from before the view said how many children a figure rests on: the denominator did.
      const value = part === 'n' ? row.numerator : part === 'd' ? (row.denominator ?? 0) : (row.children ?? row.denominator ?? row.numerator);
      seriesOf(m.id, part).set(key(row.authorityCode, row.dimension, row.category), value);
    }
  }

  // Counts named alike are one number where their series agree; each set that agrees otherwise is its own.
  const numberOfCount = new Map<string, string>();
  const numberSeries = new Map<string, Series>();
  const becameOf = new Map<string, string[]>();
  const named = new Map<string, { measure: string; part: Part }[]>();
  for (const m of available) for (const part of partsOf(m)) named.set(declaredName(m, part), [...(named.get(declaredName(m, part)) ?? []), { measure: m.id, part }]);
  const edges: Edge[] = [];
  for (const [name, counts] of named) {
    const classes: { number: string; series: Series }[] = [];
    for (const { measure, part } of counts) {
      const s = seriesOf(measure, part);
      let home = classes.find((c) => same(c.series, s));
      if (!home) classes.push((home = { number: classes.length === 0 ? name : `${name}@${measure}:${part}`, series: s }));
      numberOfCount.set(`${measure}:${part}`, home.number);
    }
    for (const c of classes) numberSeries.set(c.number, c.series);
    becameOf.set(name, classes.map((c) => c.number));
    for (const a of classes) for (const b of classes) if (a !== b && within(a.series, b.series)) edges.push({ whole: b.number, part: a.number, people: true });
  }
  const numberOf = (measure: string, part: Part): string => {
    const n = numberOfCount.get(`${measure}:${part}`);
    if (n === undefined) throw new Error(`measure ${measure} publishes no ${part}`);
    return n;
  };

  // Nestings: declared, and a share's numerator within its denominator.
  for (const n of NESTED_NUMBERS) {
    for (const whole of becameOf.get(n.whole) ?? []) for (const part of becameOf.get(n.part) ?? []) edges.push({ whole, part, people: n.difference !== undefined, equalIn: n.equalIn });
  }
  const complements = new Set<string>();
  for (const m of available) {
    if (m.kind !== 'rate') continue;
    edges.push({ whole: numberOf(m.id, 'd'), part: numberOf(m.id, 'n'), people: true });
    complements.add(`${numberOf(m.id, 'd')}>${numberOf(m.id, 'n')}`);
  }

  // Every pair of which one is within the other, through any chain; a difference counts children or PEPs when
  // some chain of such differences gives it, and is one number by definition where every step of a chain is.
  const pairs = new Map<string, { whole: string; part: string; people: boolean; equalIn: Map<string, Set<string>> }>();
  const outOf = new Map<string, Edge[]>();
  for (const e of edges) outOf.set(e.whole, [...(outOf.get(e.whole) ?? []), e]);
  const walk = (start: string, at: string, people: boolean, equal: Map<string, Set<string>> | null, seen: Set<string>): void => {
    for (const e of outOf.get(at) ?? []) {
      if (seen.has(e.part)) continue;
      const eq = new Map<string, Set<string>>();
      for (const [d, categories] of Object.entries(e.equalIn ?? {})) {
        const kept = categories.filter((c) => equal === null || equal.get(d)?.has(c) === true);
        if (kept.length > 0) eq.set(d, new Set(kept));
      }
      const id = `${start}>${e.part}`;
      const pair = pairs.get(id) ?? { whole: start, part: e.part, people: false, equalIn: new Map() };
      pair.people ||= people && e.people;
      for (const [d, categories] of eq) pair.equalIn.set(d, new Set([...(pair.equalIn.get(d) ?? []), ...categories]));
      pairs.set(id, pair);
      walk(start, e.part, people && e.people, eq, new Set([...seen, e.part]));
    }
  };
  for (const start of new Set(edges.map((e) => e.whole))) walk(start, start, true, null, new Set([start]));

  // Which figure shows a number, and how many do.
  const figures = new Map<string, Set<string>>();
  for (const m of available) for (const p of partsOf(m)) figures.set(numberOf(m.id, p), new Set([...(figures.get(numberOf(m.id, p)) ?? []), m.id]));
  const onlyFigure = (n: string) => (figures.get(n)?.size === 1 ? [...(figures.get(n) ?? [])][0] : undefined);

  const nested: Nesting[] = [];
  for (const [id, pair] of pairs) {
    const whole = numberSeries.get(pair.whole);
    const part = numberSeries.get(pair.part);
    if (!whole || !part || !within(part, whole)) continue; // not borne out by the counts: not relied on
    // A share's complement is published with every rate (METRICS.md): known, not protected.
    const protect = pair.people && !complements.has(id);
    // An unprotected difference tells a reader only that whole ≥ part, which matters only where the two can
    // be hidden apart: not when one figure alone shows both (it hides them together).
    if (!protect && onlyFigure(pair.whole) !== undefined && onlyFigure(pair.whole) === onlyFigure(pair.part)) continue;
    const difference = `${pair.whole}−${pair.part}`;
    const s: Series = new Map();
    for (const k of new Set([...whole.keys(), ...part.keys()])) s.set(k, (whole.get(k) ?? 0) - (part.get(k) ?? 0));
    numberSeries.set(difference, s);
    nested.push({ whole: pair.whole, part: pair.part, difference, protect });
  }

  // Empty by definition: a measure's declared categories, where every authority's counts are 0.
  const emptyCells = new Set<string>();
  const zeroIn = (s: Series, dimension: string, category: string) => [...s].every(([k, v]) => v === 0 || !k.endsWith(`|${dimension}|${category}`));
  for (const m of available) {
    for (const [dimension, categories] of Object.entries(m.emptyIn ?? {})) {
      for (const category of categories) {
        const numbers = partsOf(m).map((p) => numberOf(m.id, p));
        if (numbers.every((n) => zeroIn(numberSeries.get(n) ?? new Map(), dimension, category))) for (const n of numbers) emptyCells.add(`${n}|${dimension}|${category}`);
      }
    }
  }
  for (const { whole, part, difference } of nested) {
    const equalIn = pairs.get(`${whole}>${part}`)?.equalIn;
    const s = numberSeries.get(difference) ?? new Map();
    for (const [dimension, categories] of Object.entries(DIMENSIONS)) {
      for (const category of categories) {
        const known = equalIn?.get(dimension)?.has(category) === true || emptyCells.has(`${whole}|${dimension}|${category}`);
        if (known && zeroIn(s, dimension, category)) emptyCells.add(`${difference}|${dimension}|${category}`);
      }
    }
  }

  // Groups: measures joined by a number they share or a nesting.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    parent.set(x, root);
    return root;
  };
  const join = (a: string, b: string) => parent.set(find(a), find(b));
  for (const m of available) for (const p of partsOf(m)) join(`measure:${m.id}`, numberOf(m.id, p));
  for (const n of nested) {
    join(n.whole, n.part);
    join(n.whole, n.difference);
  }
  const groups = new Map<string, { measures: MeasureDefinition[]; numbers: Set<string>; nested: Nesting[] }>();
  const groupOf = (x: string) => {
    let g = groups.get(find(x));
    if (!g) groups.set(find(x), (g = { measures: [], numbers: new Set(), nested: [] }));
    return g;
  };
  for (const m of available) {
    const g = groupOf(`measure:${m.id}`);
    g.measures.push(m);
    for (const p of partsOf(m)) g.numbers.add(numberOf(m.id, p));
  }
  for (const n of nested) groupOf(n.whole).nested.push(n);

  return {
    numberOf,
    value: (number, authority, dimension, category) => numberSeries.get(number)?.get(key(authority, dimension, category)) ?? 0,
    empty: (number, dimension, category) => emptyCells.has(`${number}|${dimension}|${category}`),
    groups: [...groups.values()].map((g) => ({ measures: g.measures, numbers: [...g.numbers], nested: g.nested })),
  };
}
