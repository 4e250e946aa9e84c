// Pooled trends (../shared/design/METRICS.md: a small cohort's year-on-year change is not a valid
// comparison, so trends pool rolling three-year periods and say so). Each academic year is represented by
// its latest published release (a real one before a synthetic one); a year's pooled figure sums the
// published numerators and denominators of that year and the two before it. Only published figures are
// summed, and a period with any of its years hidden is hidden ([c]) or, with a year missing, not available
// ([x]). So a pooled figure is a function of what is already public and reveals nothing disclosure control
// hid.
import { MARKERS, wilsonInterval } from '@wales-lac/disclosure';
import { MEASURES, type MeasureDefinition } from './measures.ts';
import { valueOf, type Figure } from './report.ts';
import type { StoredFigure } from './release-store.ts';

export const POOLED_YEARS = 3;

/** One release as trends see it. */
export interface TrendRelease {
  readonly id: number;
  readonly asOf: string;
  readonly synthetic: boolean;
  readonly figures: readonly StoredFigure[];
}

/** A period's pooled figure: the counts, value, interval and marker a release's figure has. */
export interface TrendPoint extends Pick<Figure, 'numerator' | 'denominator' | 'rate' | 'lower' | 'upper' | 'marker'> {
  /** The academic year the period ends with, as "2025/26". */
  readonly academicYear: string;
  /** The academic years pooled, oldest first. */
  readonly pooledYears: readonly string[];
  /** True when any year pooled rests on synthetic history. */
  readonly synthetic: boolean;
  /** The releases pooled. */
  readonly releases: readonly number[];
}

export interface TrendSeries {
  readonly code: string;
  readonly level: StoredFigure['level'];
  readonly points: readonly TrendPoint[];
}

/** The academic year (September to August) a day falls in, by its first calendar year. */
export function academicYearOf(isoDate: string): number {
  const [year = 0, month = 1] = isoDate.split('-').map(Number);
  return month >= 9 ? year : year - 1;
}

export const academicYearLabel = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;

/** Per academic year, the release that stands for it: real before synthetic, then the latest. */
export function releasesByYear(releases: readonly TrendRelease[]): Map<number, TrendRelease> {
  const byYear = new Map<number, TrendRelease>();
  for (const r of releases) {
    const year = academicYearOf(r.asOf);
    const held = byYear.get(year);
    const better =
      !held || (held.synthetic && !r.synthetic) || (held.synthetic === r.synthetic && (held.asOf < r.asOf || (held.asOf === r.asOf && held.id < r.id)));
    if (better) byYear.set(year, r);
  }
  return byYear;
}

/** The pooled series of one measure's cell for each geography asked, one point per year from the third on. */
export function pooledTrend(
  releases: readonly TrendRelease[],
  measure: MeasureDefinition,
  codes: readonly string[],
  dimension: string,
  category: string,
): TrendSeries[] {
  const byYear = releasesByYear(releases);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const figureOf = new Map<number, Map<string, StoredFigure>>();
  for (const [year, r] of byYear) {
    figureOf.set(
      year,
      new Map(r.figures.filter((f) => f.measure === measure.id && f.dimension === dimension && f.category === category).map((f) => [f.code, f])),
    );
  }
  const ends = years.filter((y) => y - (years[0] ?? y) >= POOLED_YEARS - 1);
  return codes.map((code) => {
    const level = [...figureOf.values()].map((m) => m.get(code)?.level).find((l) => l !== undefined) ?? 'authority';
    const points = ends.map((end) => {
      const span = Array.from({ length: POOLED_YEARS }, (_, i) => end - (POOLED_YEARS - 1) + i);
      const pooled = span.map((y) => ({ release: byYear.get(y), figure: figureOf.get(y)?.get(code) }));
      return pointOf(measure, end, span, pooled);
    });
    return { code, level, points };
  });
}

function pointOf(
  measure: MeasureDefinition,
  end: number,
  span: readonly number[],
  pooled: readonly { release: TrendRelease | undefined; figure: StoredFigure | undefined }[],
): TrendPoint {
  const base = {
    academicYear: academicYearLabel(end),
    pooledYears: span.map(academicYearLabel),
    synthetic: pooled.some((p) => p.release?.synthetic === true),
    releases: pooled.flatMap((p) => (p.release ? [p.release.id] : [])),
  };
  const hidden = { numerator: null, denominator: null, rate: null, lower: null, upper: null };
  if (pooled.some((p) => !p.figure || p.figure.marker === MARKERS.notAvailable.code)) return { ...base, ...hidden, marker: MARKERS.notAvailable.code };
  if (pooled.some((p) => p.figure?.marker === MARKERS.notApplicable.code)) return { ...base, ...hidden, marker: MARKERS.notApplicable.code };
  if (pooled.some((p) => p.figure?.marker !== null || p.figure.numerator === null)) return { ...base, ...hidden, marker: MARKERS.suppressed.code };
  const numerator = pooled.reduce((s, p) => s + (p.figure?.numerator ?? 0), 0);
  const denominator = measure.kind === 'count' ? null : pooled.reduce((s, p) => s + (p.figure?.denominator ?? 0), 0);
  const interval = measure.kind === 'rate' && denominator ? wilsonInterval(numerator, denominator) : null;
  return {
    ...base,
    numerator,
    denominator,
    rate: valueOf(measure, numerator, denominator),
    lower: interval?.lower ?? null,
    upper: interval?.upper ?? null,
    marker: null,
  };
}

export function measureById(id: string): MeasureDefinition | undefined {
  return MEASURES.find((m) => m.id === id);
}
