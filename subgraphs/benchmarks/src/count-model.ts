// The cell model (cell-model.ts) of a set of authority counts: every measure's cells summed up the
// geographies, and the categories each measure publishes (those empty by definition, and empty in every
// authority, left out as [z]).
import type { MeasureDefinition } from './measures.ts';
import { buildCellModel, cellId, type CellModel, type Categories, type GeographyCells, type Part } from './cell-model.ts';
import { publishedSplits, rawCounts, type CountRow } from './counts.ts';

export interface CountModel {
  readonly model: CellModel;
  /** A cell's true value, summed over the geography's authorities. */
  readonly value: (measure: string, geo: string, dimension: string, category: string, part: Part) => number;
  readonly published: ReadonlyMap<string, Categories>;
}

export function modelOfCounts(
  counts: readonly CountRow[],
  geos: readonly GeographyCells[],
  measures: readonly MeasureDefinition[],
  publishable: (geo: string) => boolean,
): CountModel {
  const available = measures.filter((m) => m.available);
  const raw = rawCounts(counts);
  const published = publishedSplits(available, raw, geos);
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
