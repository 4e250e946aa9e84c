// The full benchmark report: each measure at authority, region and Wales level, with numerator,
// denominator, rate, 95% Wilson interval, comparisons, snapshot dates, and disclosure control applied
// to everything published at once (so no suppressed figure can be worked out from the others).
//
// A rate is numerator ÷ denominator (0..1) with a Wilson interval, compared with Wales and the region by
// interval. A per-100 figure (exclusions, days lost) is numerator × scale ÷ denominator × 100: events per
// 100 children, not a proportion, so it has no Wilson interval (see measures.ts) and is not compared.
// A count has neither. Disclosure control treats numerator, denominator and the children a figure rests
// on as one: any of them below 5 hides the figure, and secondary suppression protects all three.
import { MARKERS, wilsonInterval } from '@wales-lac/disclosure';
import { WALES_CODE } from '@wales-lac/wales';
import type { CountRow } from './counts.ts';
import { protectRelease } from './protection.ts';
import { dimensionsOf, MEASURES, type MeasureDefinition } from './measures.ts';

export { partsOf } from './numbers.ts';

export type Level = 'authority' | 'region' | 'wales';
export type Comparison = 'higher' | 'lower' | 'similar' | 'not-comparable';

export interface Figure {
  readonly measure: string;
  readonly level: Level;
  readonly code: string;
  readonly dimension: string;
  readonly category: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** rate: numerator ÷ denominator, 0 to 1; per-100: numerator × scale per 100 of the denominator; count: null. */
  readonly rate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly marker: string | null;
  readonly comparedWithWales: Comparison;
  readonly comparedWithRegion: Comparison;
  readonly snapshotTakenAt: Date | null;
  readonly stale: boolean;
}

export interface BuildOptions {
  /**
   * Counts as published: exact (default) or rounded to the nearest 5 as StatsWales does, with rates and
   * intervals from the exact counts (decision 0012 says why exact is the default).
   */
  readonly rounding?: 'none' | 'nearest-5';
  /** How long secondary suppression may work in batches before the rest is solved at once (protection.ts). */
  readonly protectionBudgetMs?: number;
  /** How many batches it solves (more: fewer figures hidden, more time; decision 0015). */
  readonly protectionBatches?: number;
}

export interface ReportInput {
  /** Latest snapshot per authority (absent: never collected). */
  readonly snapshots: ReadonlyMap<string, { readonly takenAt: Date; readonly stale: boolean }>;
  readonly counts: readonly CountRow[];
  /** Region of every authority published. */
  readonly regionOf: ReadonlyMap<string, string>;
}

interface Geography {
  readonly level: Level;
  readonly code: string;
  readonly members: readonly string[];
  readonly region: string | null;
}

/** Every authority, its region and Wales, each with the authorities it sums. */
export function geographiesOf(regionOf: ReadonlyMap<string, string>): Geography[] {
  const authorities = [...regionOf.keys()].sort();
  const regions = [...new Set(regionOf.values())].sort();
  return [
    ...authorities.map((code) => ({ level: 'authority' as const, code, members: [code], region: regionOf.get(code) ?? null })),
    ...regions.map((code) => ({ level: 'region' as const, code, members: authorities.filter((a) => regionOf.get(a) === code), region: code })),
    { level: 'wales', code: WALES_CODE, members: authorities, region: null },
  ];
}

/** The published value of a figure from its counts (null when there is none to publish). */
export function valueOf(measure: MeasureDefinition, numerator: number | null, denominator: number | null): number | null {
  if (measure.kind === 'count' || numerator === null || !denominator) return null;
  if (measure.kind === 'rate') return numerator / denominator;
  return ((numerator * (measure.numeratorScale ?? 1)) / denominator) * 100;
}

function compare(a: { lower: number | null; upper: number | null }, b: { lower: number | null; upper: number | null }): Comparison {
  if (a.lower === null || a.upper === null || b.lower === null || b.upper === null) return 'not-comparable';
  if (a.lower > b.upper) return 'higher';
  if (a.upper < b.lower) return 'lower';
  return 'similar';
}

export function buildReport(input: ReportInput, options: BuildOptions = {}): Figure[] {
  const geos = geographiesOf(input.regionOf);
  const collected = (geo: Geography) => geo.members.every((a) => input.snapshots.has(a));
  const byCode = new Map(geos.map((g) => [g.code, g]));
  const published = protectRelease(input.counts, geos, {
    publishable: (code) => {
      const geo = byCode.get(code);
      return geo !== undefined && collected(geo);
    },
    ...(options.protectionBudgetMs === undefined ? {} : { budgetMs: options.protectionBudgetMs }),
    ...(options.protectionBatches === undefined ? {} : { batches: options.protectionBatches }),
  });
  const figures: Figure[] = [];
  for (const measure of MEASURES) {
    if (!measure.available) {
      for (const geo of geos) figures.push(notAvailable(measure.id, geo));
      continue;
    }
    const dimensions = dimensionsOf(measure);
    const shown = published.dimensionsOf(measure);
    const intervals = new Map<string, { lower: number | null; upper: number | null }>();
    const pending: { geo: Geography; dimension: string; category: string; figure: Omit<Figure, 'comparedWithWales' | 'comparedWithRegion'> }[] = [];
    for (const geo of geos) {
      const snapshotTakenAt = oldest(geo.members.map((a) => input.snapshots.get(a)?.takenAt));
      const stale = geo.members.some((a) => input.snapshots.get(a)?.stale ?? true);
      for (const [dimension, categories] of Object.entries(dimensions)) {
        for (const category of categories) {
          if (!collected(geo)) {
            pending.push({ geo, dimension, category, figure: { ...notAvailable(measure.id, geo, dimension, category) } });
            continue;
          }
          // Empty by definition (no one under 1 is on a school roll): not applicable, and known to all to be 0.
          if (!(shown[dimension] ?? []).includes(category)) {
            pending.push({
              geo,
              dimension,
              category,
              figure: { ...notAvailable(measure.id, geo, dimension, category), marker: MARKERS.notApplicable.code, snapshotTakenAt, stale },
            });
            continue;
          }
          const suppressed = published.isHidden(measure.id, geo.code, dimension, category);
          const numerator = suppressed ? null : published.value(measure.id, geo.code, dimension, category, 'n');
          const denominator = measure.kind !== 'count' && !suppressed ? published.value(measure.id, geo.code, dimension, category, 'd') : null;
          // Only a share of its denominator has a Wilson interval; per-100 figures and counts have none.
          const interval = measure.kind === 'rate' && numerator !== null && denominator ? wilsonInterval(numerator, denominator) : null;
          const bounds = { lower: interval?.lower ?? null, upper: interval?.upper ?? null };
          intervals.set(`${geo.code}|${dimension}|${category}`, bounds);
          pending.push({
            geo,
            dimension,
            category,
            figure: {
              measure: measure.id,
              level: geo.level,
              code: geo.code,
              dimension,
              category,
              numerator,
              denominator,
              rate: valueOf(measure, numerator, denominator),
              ...bounds,
              marker: suppressed ? MARKERS.suppressed.code : null,
              snapshotTakenAt,
              stale,
            },
          });
        }
      }
    }
    for (const { geo, dimension, category, figure } of pending) {
      const own = intervals.get(`${geo.code}|${dimension}|${category}`) ?? { lower: null, upper: null };
      const wales = intervals.get(`${WALES_CODE}|${dimension}|${category}`) ?? { lower: null, upper: null };
      const region =
        geo.region && geo.level === 'authority'
          ? (intervals.get(`${geo.region}|${dimension}|${category}`) ?? { lower: null, upper: null })
          : { lower: null, upper: null };
      figures.push({
        ...figure,
        comparedWithWales: geo.level === 'wales' || measure.kind !== 'rate' ? 'not-comparable' : compare(own, wales),
        comparedWithRegion: geo.level !== 'authority' || measure.kind !== 'rate' ? 'not-comparable' : compare(own, region),
      });
    }
  }
  return options.rounding === 'nearest-5' ? figures.map(roundedToFive) : figures;
}

/** A figure's counts to the nearest 5 (halves up); its rate and interval stay those of the exact counts. */
function roundedToFive(figure: Figure): Figure {
  const round = (v: number | null) => (v === null ? null : Math.round(v / 5) * 5);
  return { ...figure, numerator: round(figure.numerator), denominator: round(figure.denominator) };
}

function oldest(dates: readonly (Date | undefined)[]): Date | null {
  const known = dates.filter((d): d is Date => d instanceof Date);
  return known.length === dates.length && known.length > 0 ? new Date(Math.min(...known.map((d) => d.getTime()))) : null;
}

function notAvailable(measure: string, geo: Geography, dimension = 'all', category = 'all'): Figure {
  return {
    measure,
    level: geo.level,
    code: geo.code,
    dimension,
    category,
    numerator: null,
    denominator: null,
    rate: null,
    lower: null,
    upper: null,
    marker: MARKERS.notAvailable.code,
    comparedWithWales: 'not-comparable',
    comparedWithRegion: 'not-comparable',
    snapshotTakenAt: null,
    stale: false,
  };
}
