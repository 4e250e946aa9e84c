// NOT WIRED IN YET (too slow at Welsh scale, see decision 0012 and docs/measurements.md): report.ts still
// uses protectReport in hidden-figures.ts.
// Disclosure control over everything the report publishes at once (decision 0012): primary suppression of
// every count below 5 and of the smaller of two nested numbers that differ by 1 to 4, then secondary
// suppression by linear programmes (packages/disclosure/src/lp) until a reader's interval for each of them
// holds 0 and 5, then the same attacker run again as the check. It ends safe or throws: a report a reader
// could still narrow is never returned.
import { DEFAULT_THRESHOLD, knowledgeOf, newStats, protect, violations, type ProtectionStats, type Requirement } from '@wales-lac/disclosure';
import { dimensionsOf, MEASURES, type MeasureDefinition } from './measures.ts';
import { partsOf } from './numbers.ts';
import { buildCellModel, cellId, type CellModel, type Categories, type GeographyCells, type Part } from './cell-model.ts';

import type { CountRow, HiddenFigures } from './hidden-figures.ts';

export interface LpHiddenFigures extends HiddenFigures {
  readonly stats: ProtectionStats & { hiddenFigures: number; figures: number };
}

/** A report that protection could not make safe: never published (the previous release stays). */
export class UnsafeReportError extends Error {
  constructor(readonly findings: number) {
    super(`disclosure control could not protect the report: ${findings} hidden counts a reader could still narrow`);
  }
}

export interface ProtectOptions {
  /** Geographies whose figures can be published (every member collected); default all. */
  readonly publishable?: (geo: string) => boolean;
  /** Tests only: extra requirements, to inject a case no pattern can protect. */
  readonly extraRequirements?: (model: CellModel) => Requirement[];
}

/** The requirement of decision 0012 on a count or a difference of true value v: a reader's interval ⊇ [0, 5]. */
export function protectionRule(v: number, threshold = DEFAULT_THRESHOLD): { atLeast?: number; atMost?: number } | null {
  if (v >= threshold) return null;
  return v > 0 ? { atLeast: threshold, atMost: 0 } : { atLeast: threshold };
}

export function protectReportByLp(counts: readonly CountRow[], geos: readonly GeographyCells[], measures: readonly MeasureDefinition[] = MEASURES, options: ProtectOptions = {}): LpHiddenFigures {
  const available = measures.filter((m) => m.available);
  const raw = new Map<string, number>();
  for (const row of counts) {
    raw.set(cellId(row.measure, row.authorityCode, row.dimension, row.category, 'n'), row.numerator);
    if (row.denominator !== null) raw.set(cellId(row.measure, row.authorityCode, row.dimension, row.category, 'd'), row.denominator);
    // Snapshots from before the view said how many children a figure rests on: the denominator did.
    raw.set(cellId(row.measure, row.authorityCode, row.dimension, row.category, 'c'), row.children ?? row.denominator ?? row.numerator);
  }
  const authorities = geos.filter((g) => g.level === 'authority').map((g) => g.code);
  const published = new Map(available.map((m) => [m.id, publishedDimensions(m, raw, authorities)]));
  const members = new Map(geos.map((g) => [g.code, g.members]));
  const sums = new Map<string, number>();
  const value = (measure: string, geo: string, d: string, c: string, part: Part) => {
    const key = cellId(measure, geo, d, c, part);
    let s = sums.get(key);
    if (s === undefined) {
      s = (members.get(geo) ?? [geo]).reduce((a, m) => a + (raw.get(cellId(measure, m, d, c, part)) ?? 0), 0);
      sums.set(key, s);
    }
    return s;
  };
  const model = buildCellModel({ measures: available, geos, value, published: (m) => published.get(m.id) ?? {}, publishable: options.publishable ?? (() => true) });
  const state = figureState(model);

  // Primary suppression, and what each primary needs of a reader's interval.
  const requirements: Requirement[] = [];
  const owners: number[][] = [];
  model.values.forEach((v, k) => {
    if (model.fixed[k] || !state.hasFigure(k)) return;
    const rule = protectionRule(v);
    if (!rule) return;
    requirements.push({ expression: { indices: [k], coefs: [1] }, ...rule });
    owners.push([k]);
    state.hide(k);
  });
  for (const { whole, part } of model.differences) {
    const rule = protectionRule((model.values[whole] ?? 0) - (model.values[part] ?? 0));
    if (!rule || rule.atMost === undefined) continue; // a difference of 0 only says two figures agree
    requirements.push({ expression: { indices: [whole, part], coefs: [1, -1] }, ...rule });
    owners.push([whole, part]);
    if (state.isPublished(part)) state.hide(part);
  }
  for (const extra of options.extraRequirements?.(model) ?? []) {
    requirements.push(extra);
    owners.push([...extra.expression.indices]);
  }

  const stats = newStats();
  const levelOf = new Map(geos.map((g) => [g.code, g.level]));
  const familyVariables = (k: number) => (model.familyOf.get(model.numberOf[k] ?? '') ?? []).flatMap((n) => model.variablesOf.get(n) ?? []);
  const hooks = {
    isPublished: state.isPublished,
    hide: state.hide,
    isFixed: (k: number) => model.fixed[k] === 1,
    cost: (k: number) => costOf(model, k, state, levelOf),
    windows: (r: number) => windowsOf(model, owners[r] ?? []),
    fallback: (r: number) => {
      for (const k of new Set((owners[r] ?? []).flatMap(familyVariables))) if (state.isPublished(k) && !model.fixed[k]) state.hide(k);
    },
  };
  protect(model.values, model.rows, requirements, hooks, stats);
  // The check: the same attacker over what is now published. By construction it finds nothing; whatever it
  // does find (a solver's rounding) gets the fallback, and a report still not safe is refused.
  let left = violations(knowledgeOf(model.values, model.rows, state), requirements, stats);
  if (left.length > 0) {
    for (const v of left) hooks.fallback(v.requirement);
    stats.fallbacks += left.length;
    left = violations(knowledgeOf(model.values, model.rows, state), requirements, stats);
  }
  if (left.length > 0) throw new UnsafeReportError(left.length);
  return {
    value,
    isHidden: (measure, geo, d, c) => state.isFigureHidden(`${measure}|${geo}|${d}|${c}`),
    dimensionsOf: (measure) => published.get(measure.id) ?? dimensionsOf(measure),
    stats: { ...stats, hiddenFigures: state.hiddenCount(), figures: model.figures.filter((f) => f.publishable).length },
  };
}

/** Which figures are hidden, and so which variables a reader still sees. */
function figureState(model: CellModel) {
  const hidden = model.figures.map((f) => !f.publishable);
  const showing = Int32Array.from(model.figuresOf, (fs) => fs.filter((f) => !hidden[f]).length);
  const byKey = new Map(model.figures.map((f, i) => [`${f.measure}|${f.place}`, i]));
  const isPublished = (k: number) => model.fixed[k] === 1 || (showing[k] ?? 0) > 0;
  const hide = (k: number) => {
    for (const f of model.figuresOf[k] ?? []) {
      if (hidden[f]) continue;
      hidden[f] = true;
      for (const j of new Set(Object.values(model.figures[f]?.parts ?? {}))) showing[j] = (showing[j] ?? 0) - 1;
    }
  };
  return {
    isPublished,
    hide,
    hasFigure: (k: number) => (model.figuresOf[k] ?? []).some((f) => model.figures[f]?.publishable),
    showing: (k: number) => showing[k] ?? 0,
    isFigureHidden: (key: string) => {
      const f = byKey.get(key);
      return f === undefined ? true : hidden[f] === true;
    },
    hiddenCount: () => model.figures.filter((f, i) => f.publishable && hidden[i]).length,
  };
}

/** Per unit moved: hiding a total or Wales costs more than an authority's split, and more figures cost more. */
function costOf(model: CellModel, k: number, state: { showing(k: number): number }, levelOf: ReadonlyMap<string, string>): number {
  const [, geo = '', d = ''] = (model.ids[k] ?? '').slice((model.numberOf[k] ?? '').length).split('|');
  const level = levelOf.get(geo);
  return (level === 'wales' ? 10 : level === 'region' ? 3 : 1) * (d === 'all' ? 2 : 1) * (1 + 0.5 * state.showing(k));
}

/** Windows for a requirement on these variables: their split (with the totals), their whole numbers, their family. */
function windowsOf(model: CellModel, vars: readonly number[]): number[][] {
  const numbers = [...new Set(vars.flatMap((k) => model.groupOf.get(model.numberOf[k] ?? '') ?? []))];
  const dims = new Set(vars.map((k) => model.dimensionOf[k] ?? 'all'));
  const windows: number[][] = [];
  if (!dims.has('all')) windows.push(numbers.flatMap((n) => [...dims, 'all'].flatMap((d) => model.variablesIn.get(`${n}|${d}`) ?? [])));
  windows.push(numbers.flatMap((n) => model.variablesOf.get(n) ?? []));
  const family = [...new Set(numbers.flatMap((n) => model.familyOf.get(n) ?? [n]))];
  if (family.length > numbers.length) windows.push(family.flatMap((n) => model.variablesOf.get(n) ?? []));
  return windows;
}

/** A measure's splits without the categories it declares empty where every authority's counts there are 0. */
function publishedDimensions(measure: MeasureDefinition, raw: ReadonlyMap<string, number>, authorities: readonly string[]): Categories {
  const empty = (dimension: string, category: string) =>
    authorities.every((a) => partsOf(measure).every((p) => (raw.get(cellId(measure.id, a, dimension, category, p)) ?? 0) === 0));
  return Object.fromEntries(
    Object.entries(dimensionsOf(measure)).map(([dimension, categories]) => [
      dimension,
      categories.filter((c) => !(measure.emptyIn?.[dimension]?.includes(c) === true && empty(dimension, c))),
    ]),
  );
}
