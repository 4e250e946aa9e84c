// The report as the linear system disclosure control works on (decision 0012): one variable per number ×
// geography × split × category (a number is a count several figures may show, numbers.ts), the rows a
// reader knows hold (geography sums, category sums, nestings, equalities by definition; every variable is
// non-negative), and the figures, each showing some variables. A figure is hidden when any variable it
// shows is suppressed; a variable is published while some published figure shows it.
import type { LinearRow } from '@wales-lac/disclosure';
import { WALES_CODE } from '@wales-lac/wales';
import { dimensionsOf, NESTED_NUMBERS, type MeasureDefinition } from './measures.ts';
import { nestings, numberOf, partsOf } from './numbers.ts';

import { placeId, type Categories, type GeographyCells, type Part } from './cells.ts';

export { cellId, type Categories, type GeographyCells, type Part } from './cells.ts';

export interface ModelFigure {
  readonly measure: string;
  readonly place: string;
  readonly dimension: string;
  /** Variables it shows, by part. */
  readonly parts: Readonly<Partial<Record<Part, number>>>;
  /** False where a figure is never published (a geography not collected). */
  readonly publishable: boolean;
}

export interface CellModel {
  /** `${number}|${place}` of each variable. */
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** The values (true ones when built for protection; 0 where unknown to an audit). */
  readonly values: Float64Array;
  /** Whether a value is known (always, for protection; published, for an audit). */
  readonly known: Uint8Array;
  /** Empty by definition ([z]): known 0 to every reader. */
  readonly fixed: Uint8Array;
  readonly numberOf: readonly string[];
  readonly dimensionOf: readonly string[];
  readonly rows: readonly LinearRow[];
  readonly figures: readonly ModelFigure[];
  /** Figures showing each variable. */
  readonly figuresOf: readonly (readonly number[])[];
  /** Each number's variables, and by dimension. */
  readonly variablesOf: ReadonlyMap<string, readonly number[]>;
  readonly variablesIn: ReadonlyMap<string, readonly number[]>;
  /** Numbers linked by equality (one window), and numbers linked by any row (one family). */
  readonly groupOf: ReadonlyMap<string, readonly string[]>;
  readonly familyOf: ReadonlyMap<string, readonly string[]>;
  /** Counted nestings (differences that count children) as pairs of variables at one place. */
  readonly differences: readonly { readonly whole: number; readonly part: number }[];
}

export interface ModelInput {
  readonly measures: readonly MeasureDefinition[];
  readonly geos: readonly GeographyCells[];
  /** A measure's count at a place, or null when not known (an audit's hidden cells). */
  readonly value: (measure: string, geo: string, dimension: string, category: string, part: Part) => number | null;
  /** The categories each measure publishes (its [z] categories left out). */
  readonly published: (measure: MeasureDefinition) => Categories;
  readonly publishable: (geo: string) => boolean;
  /** Parts of a measure that are variables (default partsOf: numerator, denominator, children). */
  readonly parts?: (measure: MeasureDefinition) => readonly Part[];
}

const baseOf = (number: string) => number.split('@')[0] ?? number;

export function buildCellModel(input: ModelInput): CellModel {
  const { geos } = input;
  const partsFor = input.parts ?? partsOf;
  // Which number each measure's part is: the declared name, unless its counts disagree with the first
  // measure showing that name somewhere both are known (a snapshot under an older definition).
  const grids = new Map<string, { measure: MeasureDefinition; part: Part; dims: Categories }[]>();
  const numberIdOf = new Map<string, string>();
  const valueAt = (m: MeasureDefinition, part: Part, geo: string, d: string, c: string) => input.value(m.id, geo, d, c, part);
  for (const measure of input.measures) {
    for (const part of partsFor(measure)) {
      const name = numberOf(measure, part);
      const first = grids.get(name)?.[0];
      let id = name;
      if (first && first.measure.id !== measure.id) {
        const disagrees = Object.entries(dimensionsOf(measure)).some(([d, cats]) =>
          cats.some((c) =>
            geos.some((g) => {
              const a = valueAt(first.measure, first.part, g.code, d, c);
              const b = valueAt(measure, part, g.code, d, c);
              return a !== null && b !== null && a !== b;
            }),
          ),
        );
        if (disagrees) id = `${name}@${measure.id}`;
      }
      numberIdOf.set(`${measure.id}|${part}`, id);
      grids.set(id, [...(grids.get(id) ?? []), { measure, part, dims: dimensionsOf(measure) }]);
    }
  }
  const ids: string[] = [];
  const index = new Map<string, number>();
  const values: number[] = [];
  const known: number[] = [];
  const fixed: number[] = [];
  const numberOfVar: string[] = [];
  const dimensionOf: string[] = [];
  const variablesOf = new Map<string, number[]>();
  const variablesIn = new Map<string, number[]>();
  const dimsOfNumber = new Map<string, Record<string, string[]>>();
  for (const [number, at] of grids) {
    const dims: Record<string, string[]> = {};
    for (const { dims: ds } of at) for (const [d, cats] of Object.entries(ds)) for (const c of cats) if (!(dims[d] ??= []).includes(c)) dims[d].push(c);
    dimsOfNumber.set(number, dims);
    for (const geo of geos) {
      for (const [d, cats] of Object.entries(dims)) {
        for (const c of cats) {
          const id = `${number}|${placeId(geo.code, d, c)}`;
          let value: number | null = null;
          let empty = false;
          for (const { measure, part } of at) {
            if (!(measure.categories?.[d] ?? dimensionsOf(measure)[d] ?? []).includes(c)) continue;
            if (!(input.published(measure)[d] ?? []).includes(c)) empty = true;
            value ??= valueAt(measure, part, geo.code, d, c);
          }
          const k = ids.length;
          ids.push(id);
          index.set(id, k);
          values.push(empty ? 0 : (value ?? 0));
          known.push(empty || value !== null ? 1 : 0);
          fixed.push(empty ? 1 : 0);
          numberOfVar.push(number);
          dimensionOf.push(d);
          (variablesOf.get(number) ?? variablesOf.set(number, []).get(number))?.push(k);
          const key = `${number}|${d}`;
          (variablesIn.get(key) ?? variablesIn.set(key, []).get(key))?.push(k);
        }
      }
    }
  }
  const v = (number: string, place: string) => index.get(`${number}|${place}`);
  const rows: LinearRow[] = [];
  const holds = (indices: number[], coefs: number[], lower: number, upper: number) => {
    if (indices.some((i) => !known[i])) return true;
    const s = indices.reduce((a, i, k) => a + (coefs[k] ?? 0) * (values[i] ?? 0), 0);
    return s >= lower - 1e-9 && s <= upper + 1e-9;
  };
  const regions = geos.filter((g) => g.level === 'region');
  const wales = geos.find((g) => g.level === 'wales')?.code ?? WALES_CODE;
  for (const [number, dims] of dimsOfNumber) {
    for (const [d, cats] of Object.entries(dims)) {
      for (const c of cats) {
        const at = (geo: string) => v(number, placeId(geo, d, c));
        for (const r of regions) pushSum(rows, at(r.code), r.members.map(at));
        pushSum(
          rows,
          at(wales),
          regions.map((r) => at(r.code)),
        );
      }
      if (d === 'all') continue;
      for (const g of geos) {
        const total = v(number, placeId(g.code, 'all', 'all'));
        const parts = cats.map((c) => v(number, placeId(g.code, d, c)));
        const indices = [total, ...parts].filter((i): i is number => i !== undefined);
        // A split that does not add up to the total in the counts is not relied on.
        if (holds(indices, [1, ...parts.map(() => -1)], 0, 0)) pushSum(rows, total, parts);
      }
    }
  }
  const numbers = [...grids.keys()];
  const byBase = (base: string) => numbers.filter((n) => baseOf(n) === base);
  const links: [string, string][] = [];
  const pairs = new Set([...nestings().map((n) => `${n.whole}>${n.part}`), ...NESTED_NUMBERS.map((n) => `${n.whole}>${n.part}`)]);
  for (const m of input.measures) if (m.kind === 'rate') pairs.add(`${m.numbers.denominator ?? ''}>${m.numbers.numerator}`);
  const nestRows = (whole: string, part: string, equalIn: Categories): LinearRow[] | null => {
    const out: LinearRow[] = [];
    const dims = dimsOfNumber.get(part) ?? {};
    for (const geo of geos) {
      for (const [d, cats] of Object.entries(dims)) {
        for (const c of cats) {
          const p = v(part, placeId(geo.code, d, c));
          const w = v(whole, placeId(geo.code, d, c));
          if (p === undefined || w === undefined) continue;
          const equal = equalIn[d]?.includes(c) === true;
          // A nesting (or an equality) the counts do not bear out anywhere is not relied on at all.
          if (!holds([w, p], [1, -1], 0, equal ? 0 : Infinity)) return null;
          out.push({ indices: [w, p], coefs: [1, -1], lower: 0, upper: equal ? 0 : Infinity });
        }
      }
    }
    return out;
  };
  for (const pair of pairs) {
    const [wb = '', pb = ''] = pair.split('>');
    const equalIn = NESTED_NUMBERS.find((n) => n.whole === wb && n.part === pb)?.equalIn ?? {};
    for (const whole of byBase(wb)) {
      for (const part of byBase(pb)) {
        const nested = nestRows(whole, part, equalIn);
        if (nested === null) continue;
        rows.push(...nested);
        links.push([whole, part]);
      }
    }
  }
  const equalPairs = new Set(NESTED_NUMBERS.filter((n) => n.equalIn).map((n) => `${n.whole}>${n.part}`));
  const groupOf = closure(
    numbers,
    links.filter(([w, p]) => equalPairs.has(`${baseOf(w)}>${baseOf(p)}`)),
  );
  const familyOf = closure(numbers, links);
  const counted = new Set(nestings().map((n) => `${n.whole}>${n.part}`));
  const differences: { whole: number; part: number }[] = [];
  for (const [whole, part] of links) {
    if (!counted.has(`${baseOf(whole)}>${baseOf(part)}`)) continue;
    for (const k of variablesOf.get(part) ?? []) {
      const place = (ids[k] ?? '').slice(part.length + 1);
      const w = v(whole, place);
      if (w !== undefined && !fixed[k] && !fixed[w]) differences.push({ whole: w, part: k });
    }
  }
  const figures: ModelFigure[] = [];
  const figuresOf: number[][] = ids.map(() => []);
  for (const measure of input.measures) {
    for (const [d, cats] of Object.entries(input.published(measure))) {
      for (const c of cats) {
        for (const geo of geos) {
          const place = placeId(geo.code, d, c);
          const parts: Partial<Record<Part, number>> = {};
          for (const part of partsFor(measure)) {
            const k = v(numberIdOf.get(`${measure.id}|${part}`) ?? '', place);
            if (k !== undefined) parts[part] = k;
          }
          const f = figures.length;
          figures.push({ measure: measure.id, place, dimension: d, parts, publishable: input.publishable(geo.code) });
          for (const k of new Set(Object.values(parts))) figuresOf[k]?.push(f);
        }
      }
    }
  }
  return {
    ids,
    index,
    values: Float64Array.from(values),
    known: Uint8Array.from(known),
    fixed: Uint8Array.from(fixed),
    numberOf: numberOfVar,
    dimensionOf,
    rows,
    figures,
    figuresOf,
    variablesOf,
    variablesIn,
    groupOf,
    familyOf,
    differences,
  };
}

function pushSum(rows: LinearRow[], total: number | undefined, parts: readonly (number | undefined)[]): void {
  if (total === undefined || parts.some((p) => p === undefined)) return;
  rows.push({ indices: [total, ...(parts as number[])], coefs: [1, ...parts.map(() => -1)], lower: 0, upper: 0 });
}

/** Each name → every name linked to it through any chain of links (itself included). */
function closure(names: readonly string[], links: readonly (readonly [string, string])[]): Map<string, string[]> {
  const parent = new Map(names.map((n) => [n, n]));
  const find = (n: string): string => {
    let r = n;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  for (const [a, b] of links) parent.set(find(a), find(b));
  const members = new Map<string, string[]>();
  for (const n of names) (members.get(find(n)) ?? members.set(find(n), []).get(find(n)))?.push(n);
  return new Map(names.map((n) => [n, members.get(find(n)) ?? [n]]));
}
