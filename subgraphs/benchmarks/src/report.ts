// The full benchmark report: each measure at authority, region and Wales level, with numerator,
// denominator, rate, 95% Wilson interval, comparisons, snapshot dates, and disclosure control applied
// to everything published at once (so no suppressed figure can be worked out from the others).
import { MARKERS, wilsonInterval } from '@wales-lac/disclosure';
import { WALES_CODE } from '@wales-lac/wales';
import { DIMENSIONS, MEASURES } from './measures.ts';
import { cellId, suppressMeasure, type Part } from './suppression.ts';

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
  readonly rate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly marker: string | null;
  readonly comparedWithWales: Comparison;
  readonly comparedWithRegion: Comparison;
  readonly snapshotTakenAt: Date | null;
  readonly stale: boolean;
}

export interface ReportInput {
  /** Latest snapshot per authority (absent: never collected). */
  readonly snapshots: ReadonlyMap<string, { readonly takenAt: Date; readonly stale: boolean }>;
  readonly counts: readonly {
    readonly authorityCode: string;
    readonly measure: string;
    readonly dimension: string;
    readonly category: string;
    readonly numerator: number;
    readonly denominator: number | null;
    readonly children: number | null;
  }[];
  /** Region of every authority published. */
  readonly regionOf: ReadonlyMap<string, string>;
}

interface Geography {
  readonly level: Level;
  readonly code: string;
  readonly members: readonly string[];
  readonly region: string | null;
}

function geographies(regionOf: ReadonlyMap<string, string>): Geography[] {
  const authorities = [...regionOf.keys()].sort();
  const regions = [...new Set(regionOf.values())].sort();
  return [
    ...authorities.map((code) => ({ level: 'authority' as const, code, members: [code], region: regionOf.get(code) ?? null })),
    ...regions.map((code) => ({ level: 'region' as const, code, members: authorities.filter((a) => regionOf.get(a) === code), region: code })),
    { level: 'wales', code: WALES_CODE, members: authorities, region: null },
  ];
}

function compare(a: { lower: number | null; upper: number | null }, b: { lower: number | null; upper: number | null }): Comparison {
  if (a.lower === null || a.upper === null || b.lower === null || b.upper === null) return 'not-comparable';
  if (a.lower > b.upper) return 'higher';
  if (a.upper < b.lower) return 'lower';
  return 'similar';
}

export function buildReport(input: ReportInput): Figure[] {
  const geos = geographies(input.regionOf);
  const raw = new Map<string, number>();
  for (const row of input.counts) {
    raw.set(cellId(row.measure, row.authorityCode, row.dimension, row.category, 'n'), row.numerator);
    if (row.denominator !== null) raw.set(cellId(row.measure, row.authorityCode, row.dimension, row.category, 'd'), row.denominator);
    // Snapshots from before the view said how many children a figure rests on: the denominator did.
    raw.set(cellId(row.measure, row.authorityCode, row.dimension, row.category, 'c'), row.children ?? row.denominator ?? row.numerator);
  }
  const collected = (geo: Geography) => geo.members.every((a) => input.snapshots.has(a));
  const figures: Figure[] = [];
  for (const measure of MEASURES) {
    if (!measure.available) {
      for (const geo of geos) figures.push(notAvailable(measure.id, geo));
      continue;
    }
    const parts: Part[] = measure.kind === 'rate' ? ['n', 'd', 'c'] : ['n'];
    const values = new Map<string, number>();
    for (const geo of geos) {
      for (const [dimension, categories] of Object.entries(DIMENSIONS)) {
        for (const category of categories) {
          for (const part of parts) {
            const value = geo.members.reduce((sum, a) => sum + (raw.get(cellId(measure.id, a, dimension, category, part)) ?? 0), 0);
            values.set(cellId(measure.id, geo.code, dimension, category, part), value);
          }
        }
      }
    }
    const hidden = suppressMeasure(measure.id, parts, geos, values);
    const result = { isSuppressed: (id: string) => hidden.has(id) };
    const intervals = new Map<string, { lower: number | null; upper: number | null }>();
    const pending: { geo: Geography; dimension: string; category: string; figure: Omit<Figure, 'comparedWithWales' | 'comparedWithRegion'> }[] = [];
    for (const geo of geos) {
      const snapshotTakenAt = oldest(geo.members.map((a) => input.snapshots.get(a)?.takenAt));
      const stale = geo.members.some((a) => input.snapshots.get(a)?.stale ?? true);
      for (const [dimension, categories] of Object.entries(DIMENSIONS)) {
        for (const category of categories) {
          const nId = cellId(measure.id, geo.code, dimension, category, 'n');
          const dId = cellId(measure.id, geo.code, dimension, category, 'd');
          if (!collected(geo)) {
            pending.push({ geo, dimension, category, figure: { ...notAvailable(measure.id, geo, dimension, category) } });
            continue;
          }
          const suppressed = result.isSuppressed(nId) || (measure.kind === 'rate' && result.isSuppressed(dId));
          const numerator = suppressed ? null : (values.get(nId) ?? 0);
          const denominator = measure.kind === 'rate' && !suppressed ? (values.get(dId) ?? 0) : null;
          const interval = numerator !== null && denominator ? wilsonInterval(numerator, denominator) : null;
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
              rate: numerator !== null && denominator ? numerator / denominator : null,
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
      const region = geo.region && geo.level === 'authority' ? (intervals.get(`${geo.region}|${dimension}|${category}`) ?? { lower: null, upper: null }) : { lower: null, upper: null };
      figures.push({
        ...figure,
        comparedWithWales: geo.level === 'wales' || measure.kind !== 'rate' ? 'not-comparable' : compare(own, wales),
        comparedWithRegion: geo.level !== 'authority' || measure.kind !== 'rate' ? 'not-comparable' : compare(own, region),
      });
    }
  }
  return figures;
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
