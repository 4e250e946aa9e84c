// Disclosure control for one measure, split by dimension so it stays fast at Welsh scale. The splits
// (age band, gender, ...) are separate tables that share only the totals; each is protected with every
// total already hidden anywhere forced hidden, repeated until no table hides a new total. A final attack
// on all the tables together checks the whole; anything it still finds is hidden by a joint pass.
import { recoverCells, suppress, type AdditiveRelation, type PublishedCount } from '@wales-lac/disclosure';
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

function hierarchy(measure: string, geos: readonly GeographyCells[], dimension: string, category: string, part: Part): AdditiveRelation[] {
  const regions = geos.filter((g) => g.level === 'region');
  return [
    ...regions.map((r) => ({ total: cellId(measure, r.code, dimension, category, part), parts: r.members.map((a) => cellId(measure, a, dimension, category, part)) })),
    { total: cellId(measure, WALES_CODE, dimension, category, part), parts: regions.map((r) => cellId(measure, r.code, dimension, category, part)) },
  ];
}

function tableFor(measure: string, geos: readonly GeographyCells[], parts: readonly Part[], dimension: string | null) {
  const categories = dimension ? (DIMENSIONS[dimension] ?? []) : [];
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
export function suppressMeasure(measure: string, parts: readonly Part[], geos: readonly GeographyCells[], values: ReadonlyMap<string, number>): ReadonlySet<string> {
  const countsOf = (ids: readonly string[]): PublishedCount[] => ids.map((id) => ({ id, value: values.get(id) ?? 0 }));
  const linksOf = (ids: readonly string[]) => (parts.length > 1 ? ids.filter((id) => id.endsWith('|n')).map((n) => parts.map((p) => `${n.slice(0, -1)}${p}`)) : []);
  const totals = tableFor(measure, geos, parts, null);
  const hidden = new Set(suppress(countsOf(totals.ids), totals.relations, { links: linksOf(totals.ids) }).suppressed);
  const splits = Object.keys(DIMENSIONS).filter((d) => d !== 'all');
  const results = new Map<string, ReadonlySet<string>>();
  for (let round = 0; round < 10; round += 1) {
    let grew = false;
    for (const dimension of splits) {
      const table = tableFor(measure, geos, parts, dimension);
      const forced = totals.ids.filter((id) => hidden.has(id));
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
  const allIds = [...new Set(splits.flatMap((d) => tableFor(measure, geos, parts, d).ids))];
  const allRelations = splits.flatMap((d) => tableFor(measure, geos, parts, d).relations);
  const published = new Map(allIds.filter((id) => !hidden.has(id)).map((id) => [id, values.get(id) ?? 0]));
  // Each table was checked by the full attack (including forced zeros); across tables the check is the
  // linear one (adding and subtracting published figures), which takes milliseconds instead of seconds.
  const leaks = [...recoverCells(published, [...hidden], allRelations, { truth: values, zeroSearch: false }).keys()];
  if (leaks.length === 0) return hidden;
  return suppress(countsOf(allIds), allRelations, { links: linksOf(allIds), forced: [...hidden] }).suppressed;
}
