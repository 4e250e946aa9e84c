// The authorities' counts as the report works on them: each cell's value by id, and the categories each
// measure publishes (one empty by definition, and empty in every authority, is left out as [z]).
import { dimensionsOf, type MeasureDefinition } from './measures.ts';
import { partsOf } from './numbers.ts';
import { cellId, type Categories, type GeographyCells } from './cells.ts';

export interface CountRow {
  readonly authorityCode: string;
  readonly measure: string;
  readonly dimension: string;
  readonly category: string;
  readonly numerator: number;
  readonly denominator: number | null;
  readonly children: number | null;
}
/** Every authority's counts by cell id (numerator, denominator, and the children a figure rests on). */
export function rawCounts(counts: readonly CountRow[]): Map<string, number> {
  const raw = new Map<string, number>();
  for (const row of counts) {
    raw.set(cellId(row.measure, row.authorityCode, row.dimension, row.category, 'n'), row.numerator);
    if (row.denominator !== null) raw.set(cellId(row.measure, row.authorityCode, row.dimension, row.category, 'd'), row.denominator);
    // Snapshots from before the view said how many children a figure rests on: the denominator did.
    raw.set(cellId(row.measure, row.authorityCode, row.dimension, row.category, 'c'), row.children ?? row.denominator ?? row.numerator);
  }
  return raw;
}

/** Each measure's splits without the categories it declares empty where every authority's counts there are 0. */
export function publishedSplits(
  measures: readonly MeasureDefinition[],
  raw: ReadonlyMap<string, number>,
  geos: readonly GeographyCells[],
): Map<string, Categories> {
  const authorities = geos.filter((g) => g.level === 'authority').map((g) => g.code);
  return new Map(measures.map((m) => [m.id, publishedDimensions(m, raw, authorities)]));
}

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
