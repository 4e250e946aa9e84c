// An authority's figure set against its statistical neighbours: their published figures pooled (numerators
// and denominators summed) with a Wilson interval. Only published figures are pooled, so the comparison is
// a function of what is already public and reveals nothing disclosure control hid; a neighbour whose
// figure is hidden is left out and named as such.
import { wilsonInterval } from '@wales-lac/disclosure';
import { statisticalNeighbours } from '@wales-lac/wales';
import { MEASURES } from './measures.ts';
import type { Comparison } from './report.ts';
import type { StoredFigure } from './release-store.ts';

export interface NeighbourComparison {
  readonly authorities: readonly string[];
  readonly pooled: readonly string[];
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly rate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly comparison: Comparison;
}

const RATE_MEASURES = new Set(MEASURES.filter((m) => m.kind === 'rate').map((m) => m.id));
const keyOf = (f: Pick<StoredFigure, 'measure' | 'code' | 'dimension' | 'category'>) => `${f.measure}|${f.code}|${f.dimension}|${f.category}`;
/** Each served figure's release, indexed by place: a figure is compared within its own release. */
const releaseOf = new WeakMap<StoredFigure, Map<string, StoredFigure>>();

/** Indexes a release's figures so each can find its neighbours' (once, when the release is loaded). */
export function indexRelease(figures: readonly StoredFigure[]): void {
  const index = new Map(figures.map((f) => [keyOf(f), f]));
  for (const f of figures) releaseOf.set(f, index);
}

/** The comparison for an authority's rate figure of an indexed release; null for other figures. */
export function neighbourComparison(figure: StoredFigure): NeighbourComparison | null {
  // Only shares have an interval to compare by; counts and figures per 100 are not compared (measures.ts).
  if (figure.level !== 'authority' || RATE_MEASURES.has(figure.measure) === false) return null;
  const authorities = statisticalNeighbours(figure.code);
  const index = releaseOf.get(figure);
  if (!index) return null;
  const shown = authorities
    .map((code) => index.get(keyOf({ ...figure, code })))
    .filter((f): f is StoredFigure => f !== undefined && f.marker === null && f.numerator !== null && f.denominator !== null && f.lower !== null);
  if (shown.length === 0 || authorities.length === 0) {
    return { authorities, pooled: [], numerator: null, denominator: null, rate: null, lower: null, upper: null, comparison: 'not-comparable' };
  }
  const numerator = shown.reduce((s, f) => s + (f.numerator ?? 0), 0);
  const denominator = shown.reduce((s, f) => s + (f.denominator ?? 0), 0);
  const interval = denominator > 0 ? wilsonInterval(numerator, denominator) : null;
  const comparison: Comparison =
    figure.lower === null || figure.upper === null || !interval
      ? 'not-comparable'
      : figure.lower > interval.upper
        ? 'higher'
        : figure.upper < interval.lower
          ? 'lower'
          : 'similar';
  return {
    authorities,
    pooled: shown.map((f) => f.code),
    numerator,
    denominator,
    rate: denominator > 0 ? numerator / denominator : null,
    lower: interval?.lower ?? null,
    upper: interval?.upper ?? null,
    comparison,
  };
}
