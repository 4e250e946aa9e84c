// The cell model (cell-model.ts) of a set of authority counts: every measure's cells summed up the
// geographies, and the categories each measure publishes (those empty by definition, and empty in every
// authority, left out as [z]).
import { dimensionsOf, type MeasureDefinition } from './measures.ts';
import { partsOf } from './numbers.ts';
import { buildCellModel, cellId, type CellModel, type Categories, type GeographyCells, type Part } from './cell-model.ts';
import type { CountRow } from './hidden-figures.ts';

export interface CountModel {
  readonly model: CellModel;
  /** A cell's true value, summed over the geography's authorities. */
  readonly value: (measure: string, geo: string, dimension: string, category: string, part: Part) => number;
  readonly published: ReadonlyMap<string, Categories>;
}

export function modelOfCounts(counts: readonly CountRow[], geos: readonly GeographyCells[], measures: readonly MeasureDefinition[], publishable: (geo: string) => boolean): CountModel {
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
  const model = buildCellModel({ measures: available, geos, value, published: (m) => published.get(m.id) ?? {}, publishable });
  return { model, value, published };
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
