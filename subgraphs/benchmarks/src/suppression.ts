// Disclosure control for one measure, split by dimension so it stays fast at Welsh scale. The splits
// (age band, gender, ...) are separate tables that share only the totals; each is protected with every
// total already hidden anywhere forced hidden, repeated until no table hides a new total. A final attack
// on all the tables together checks the whole; anything it still finds is hidden by a joint pass.
//
// Places (geography × dimension × category) can be forced hidden from outside: where a number that another
// measure also shows needs hiding, or a small difference needs it (hidden-figures.ts, decision 0010).
import { DEFAULT_THRESHOLD, recoverCells, suppress, type AdditiveRelation, type PublishedCount } from '@wales-lac/disclosure';
import { WALES_CODE } from '@wales-lac/wales';
import { DIMENSIONS } from './measures.ts';

export interface GeographyCells {
  readonly code: string;
  readonly level: 'authority' | 'region' | 'wales';
  readonly members: readonly string[];
}

/** Numerator, denominator, and the children a figure rests on (linked: hidden together). */
export type Part = 'n' | 'd' | 'c';
export const cellId = (measure: string, geo: string, dimension: string, category: string, part: Part) => `${measure}|${geo}|${dimension}|${category}|${part}`;
/** Where a figure sits, whatever it shows: geography|dimension|category. */
export const placeId = (geo: string, dimension: string, category: string) => `${geo}|${dimension}|${category}`;
export const placeOfCell = (id: string) => id.split('|').slice(1, 4).join('|');

export type Categories = Readonly<Record<string, readonly string[]>>;

export interface MeasureSuppressionOptions {
  /** The measure's splits and their categories (default DIMENSIONS). */
  readonly dimensions?: Categories;
  /** Places hidden elsewhere (by a measure showing the same number, or to protect a small difference). */
  readonly forcedPlaces?: ReadonlySet<string>;
}

function hierarchy(measure: string, geos: readonly GeographyCells[], dimension: string, category: string, part: Part): AdditiveRelation[] {
  const regions = geos.filter((g) => g.level === 'region');
  return [
    ...regions.map((r) => ({ total: cellId(measure, r.code, dimension, category, part), parts: r.members.map((a) => cellId(measure, a, dimension, category, part)) })),
    { total: cellId(measure, WALES_CODE, dimension, category, part), parts: regions.map((r) => cellId(measure, r.code, dimension, category, part)) },
  ];
}

function tableFor(measure: string, geos: readonly GeographyCells[], parts: readonly Part[], dimension: string | null, dimensions: Categories) {
  const categories = dimension ? (dimensions[dimension] ?? []) : [];
  const ids: string[] = [];
  const relations: AdditiveRelation[] = [];
  for (const part of parts) {
    relations.push(...hierarchy(measure, geos, 'all', 'all', part));
    for (const geo of geos) ids.push(cellId(measure, geo.code, 'all', 'all', part));
    if (!dimension) continue;
    for (const category of categories) {
      relations.push(...hierarchy(measure, geos, dimension, category, part));
      for (const geo of geos) ids.push(cellId(measure, geo.code, dimension, category, part));
    }
    for (const geo of geos) relations.push({ total: cellId(measure, geo.code, 'all', 'all', part), parts: categories.map((c) => cellId(measure, geo.code, dimension, c, part)) });
  }
  return { ids, relations };
}

/** The ids of one measure's cells to suppress, given every cell's value. */
export function suppressMeasure(
  measure: string,
  parts: readonly Part[],
  geos: readonly GeographyCells[],
  values: ReadonlyMap<string, number>,
  { dimensions = DIMENSIONS, forcedPlaces = new Set() }: MeasureSuppressionOptions = {},
): ReadonlySet<string> {
  const countsOf = (ids: readonly string[]): PublishedCount[] => ids.map((id) => ({ id, value: values.get(id) ?? 0 }));
  const linksOf = (ids: readonly string[]) => (parts.length > 1 ? ids.filter((id) => id.endsWith('|n')).map((n) => parts.map((p) => `${n.slice(0, -1)}${p}`)) : []);
  const forcedIn = (ids: readonly string[]) => ids.filter((id) => forcedPlaces.has(placeOfCell(id)));
  const splits = Object.keys(dimensions).filter((d) => d !== 'all');
  const tables = new Map(splits.map((d) => [d, tableFor(measure, geos, parts, d, dimensions)]));
  const allIds = [...new Set([...tables.values()].flatMap((t) => t.ids))];
  const totals = tableFor(measure, geos, parts, null, dimensions);
  // Below the threshold for all of Wales: every cell is smaller still, so everything is hidden.
  const wales = geos.find((g) => g.level === 'wales')?.code ?? WALES_CODE;
  if (parts.some((p) => (values.get(cellId(measure, wales, 'all', 'all', p)) ?? 0) < DEFAULT_THRESHOLD)) return new Set([...totals.ids, ...allIds]);
  const hidden = new Set(suppress(countsOf(totals.ids), totals.relations, { links: linksOf(totals.ids), forced: forcedIn(totals.ids) }).suppressed);
  const results = new Map<string, ReadonlySet<string>>();
  for (let round = 0; round < 10; round += 1) {
    let grew = false;
    for (const dimension of splits) {
      const table = tables.get(dimension) ?? tableFor(measure, geos, parts, dimension, dimensions);
      const forced = [...new Set([...totals.ids.filter((id) => hidden.has(id)), ...forcedIn(table.ids)])];
      const result = suppress(countsOf(table.ids), table.relations, { links: linksOf(table.ids), forced });
      results.set(dimension, result.suppressed);
      for (const id of totals.ids) {
        if (result.suppressed.has(id) && !hidden.has(id)) {
          hidden.add(id);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  for (const set of results.values()) set.forEach((id) => hidden.add(id));

  // Check the tables together, as a reader of the whole report would.
  const allRelations = [...tables.values()].flatMap((t) => t.relations);
  const published = new Map(allIds.filter((id) => !hidden.has(id)).map((id) => [id, values.get(id) ?? 0]));
  // Each table was checked by the full attack (including forced zeros); across tables the check is the
  // linear one (adding and subtracting published figures), which takes milliseconds instead of seconds.
  const leaks = [...recoverCells(published, [...hidden], allRelations, { truth: values, zeroSearch: false }).keys()];
  if (leaks.length === 0) return hidden;
  return suppress(countsOf(allIds), allRelations, { links: linksOf(allIds), forced: [...hidden] }).suppressed;
}

