// Disclosure control for measures published together, split by dimension so it stays fast at Welsh scale.
//
// What is protected is a set of numbers (counts), each with a cell per geography × dimension × category. A
// figure shows one or more numbers. A number several figures show (the cohort is placement stability's
// denominator) is one cell with one pattern: hiding it hides every figure that shows it, while a figure hidden
// for its own reasons leaves the number to the others. A number that counts part of what another counts is
// nested in it, whole = part + difference: the difference is never published but a reader subtracts, so it is
// protected when it is 1 to 4. A number empty in a category by definition is known to be 0 and left out.
//
// Figures that share a number are protected together (a cluster), table by table: the splits (age band,
// gender, ...) share only the totals, and each is protected with every total already hidden anywhere forced
// hidden, repeated until no table hides a new total. A small difference hides its part. Then the attack on
// everything together, nestings included, checks the whole; what it finds is hidden and the clusters it
// touches go again, and anything left is hidden by a joint pass.
import { writeFileSync } from 'node:fs';
import { DEFAULT_THRESHOLD, isDisclosure, recoverCells, suppress, type AdditiveRelation, type PublishedCount } from '@wales-lac/disclosure';
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
/** One cell of a number. */
export const numberCell = (number: string, geo: string, dimension: string, category: string) => `${number}|${geo}|${dimension}|${category}`;

/** whole = part + difference in every cell; `protect`: the difference counts children (or PEPs), not to be worked out when 1 to 4. */
export interface Nesting {
  readonly whole: string;
  readonly part: string;
  readonly difference: string;
  readonly protect: boolean;
}

export interface JointInput {
  readonly geos: readonly GeographyCells[];
  readonly dimensions: Readonly<Record<string, readonly string[]>>;
  /** The numbers each figure shows (a measure's numerator, denominator, children), hidden together. */
  readonly figures: readonly (readonly string[])[];
  readonly nested?: readonly Nesting[];
  /** Every cell's value, by `cell`, differences included. */
  readonly values: ReadonlyMap<string, number>;
  /** Cells every reader knows to be 0 (a category empty by definition): left out. */
  readonly empty?: (number: string, dimension: string, category: string) => boolean;
  readonly cell?: (number: string, geo: string, dimension: string, category: string) => string;
}

interface Table {
  readonly ids: string[];
  readonly relations: AdditiveRelation[];
  readonly links: string[][];
  readonly implies: [string, string[]][];
}

/** The cells to hide, of the numbers figures show. Throws when the values do not add up. */
export function suppressJointly(input: JointInput): ReadonlySet<string> {
  const { geos, dimensions, values } = input;
  const cell = input.cell ?? numberCell;
  const empty = input.empty ?? (() => false);
  const nested = input.nested ?? [];
  const shown = new Set(input.figures.flat());
  const implicit = new Set(nested.filter((n) => n.protect).map((n) => n.difference));
  const slack = new Set(nested.filter((n) => !n.protect).map((n) => n.difference));
  const figuresShowing = new Map<string, number>();
  for (const numbers of input.figures) for (const number of new Set(numbers)) figuresShowing.set(number, (figuresShowing.get(number) ?? 0) + 1);
  const regions = geos.filter((g) => g.level === 'region');
  const splits = Object.keys(dimensions).filter((d) => d !== 'all');
  const numberOfCell = new Map<string, string>();
  const numberOf = (id: string) => numberOfCell.get(id) ?? '';
  const cellsOf = (dimension: string | null): [string, string][] => [['all', 'all'], ...(dimension ? (dimensions[dimension] ?? []).map((c): [string, string] => [dimension, c]) : [])];
  const countsOf = (ids: readonly string[]): PublishedCount[] => ids.map((id) => ({ id, value: values.get(id) ?? 0 }));

  /** One table of some figures' numbers: the totals (dimension null), or the totals with one split. */
  const tableFor = (figures: readonly (readonly string[])[], dimension: string | null): Table => {
    const cells = cellsOf(dimension);
    const table: Table = { ids: [], relations: [], links: [], implies: [] };
    for (const number of new Set(figures.flat())) {
      for (const [d, c] of cells) {
        if (empty(number, d, c)) continue;
        for (const geo of geos) {
          const id = cell(number, geo.code, d, c);
          table.ids.push(id);
          numberOfCell.set(id, number);
        }
        for (const r of regions) table.relations.push({ total: cell(number, r.code, d, c), parts: r.members.map((a) => cell(number, a, d, c)) });
        table.relations.push({ total: cell(number, WALES_CODE, d, c), parts: regions.map((r) => cell(number, r.code, d, c)) });
      }
      if (dimension && !empty(number, 'all', 'all')) {
        const live = cells.slice(1).filter(([d, c]) => !empty(number, d, c));
        for (const geo of geos) table.relations.push({ total: cell(number, geo.code, 'all', 'all'), parts: live.map(([d, c]) => cell(number, geo.code, d, c)) });
      }
    }
    // A figure's own numbers are hidden together; a number it shares with another figure, when hidden, hides it.
    for (const numbers of figures) {
      const own = numbers.filter((n) => figuresShowing.get(n) === 1);
      const common = numbers.filter((n) => (figuresShowing.get(n) ?? 0) > 1);
      for (const [d, c] of cells) {
        for (const geo of geos) {
          const mine = own.filter((n) => !empty(n, d, c)).map((n) => cell(n, geo.code, d, c));
          if (mine.length > 1) table.links.push(mine);
          if (mine.length > 0) for (const n of common) if (!empty(n, d, c)) table.implies.push([cell(n, geo.code, d, c), mine]);
        }
      }
    }
    return table;
  };

  /** The nestings in one table's cells: whole = part + difference, and the differences' cells. */
  const nestingFor = (dimension: string | null) => {
    const ids: string[] = [];
    const relations: AdditiveRelation[] = [];
    for (const { whole, part, difference } of nested) {
      for (const [d, c] of cellsOf(dimension)) {
        if (empty(whole, d, c)) continue;
        const parts = [part, difference].filter((n) => !empty(n, d, c));
        for (const geo of geos) {
          relations.push({ total: cell(whole, geo.code, d, c), parts: parts.map((n) => cell(n, geo.code, d, c)) });
          if (empty(difference, d, c)) continue;
          const id = cell(difference, geo.code, d, c);
          ids.push(id);
          numberOfCell.set(id, difference);
        }
      }
    }
    return { ids, relations };
  };

  // Clusters: figures joined by a number they share (with no nesting they share no relation).
  const clusterOf = new Map<string, number>();
  const clusterFigures: (readonly string[])[][] = [];
  for (const numbers of input.figures) {
    const joined = [...new Set(numbers.map((n) => clusterOf.get(n)).filter((c): c is number => c !== undefined))];
    const merged = [numbers, ...joined.flatMap((c) => clusterFigures[c] ?? [])];
    for (const c of joined) clusterFigures[c] = [];
    clusterFigures.push(merged);
    for (const n of merged.flat()) clusterOf.set(n, clusterFigures.length - 1);
  }
  const clusters = clusterFigures
    .filter((figures) => figures.length > 0)
    .map((figures) => {
      const totals = tableFor(figures, null);
      const tables = new Map(splits.map((d) => [d, tableFor(figures, d)]));
      return { totals, tables, ids: new Set([...totals.ids, ...[...tables.values()].flatMap((t) => t.ids)]) };
    });
  const everyId = clusters.flatMap((c) => [...c.ids]);

  // Every figure has a number below the threshold in every cell (a measure with no data yet, or too rare to
  // publish anywhere): all are hidden as primary suppressions and nothing is published to work anything out
  // from. This is what the full attack concludes too, but it takes about a second per measure to get there.
  const small = (id: string) => (values.get(id) ?? 0) < DEFAULT_THRESHOLD;
  const allSmall = input.figures.every((numbers) =>
    Object.entries(dimensions).every(([d, categories]) =>
      categories.every((c) => numbers.every((n) => empty(n, d, c)) || geos.every((g) => numbers.some((n) => !empty(n, d, c) && small(cell(n, g.code, d, c))))),
    ),
  );
  if (allSmall) return new Set(everyId);

  // A small difference hides its part (its whole, where the part is empty by definition).
  const forced = new Set<string>();
  for (const { whole, part, difference, protect } of nested) {
    if (!protect) continue;
    for (const [d, categories] of Object.entries(dimensions)) {
      for (const c of categories) {
        if (empty(difference, d, c)) continue;
        for (const geo of geos) {
          const value = values.get(cell(difference, geo.code, d, c)) ?? 0;
          if (value > 0 && value < DEFAULT_THRESHOLD) forced.add(cell(empty(part, d, c) ? whole : part, geo.code, d, c));
        }
      }
    }
  }

  const options = (table: Omit<Table, 'ids'>, force: readonly string[]) => ({ links: table.links, implies: table.implies, forced: force });
  /** One cluster's tables, protected with what is hidden elsewhere forced, until no table hides a new total. */
  const protectCluster = ({ totals, tables }: (typeof clusters)[number]): Set<string> => {
    const hidden = new Set(suppress(countsOf(totals.ids), totals.relations, options(totals, totals.ids.filter((id) => forced.has(id)))).suppressed);
    const results: ReadonlySet<string>[] = [];
    for (let round = 0; round < 10; round += 1) {
      let grew = false;
      results.length = 0;
      for (const table of tables.values()) {
        const result = suppress(countsOf(table.ids), table.relations, options(table, table.ids.filter((id) => forced.has(id) || hidden.has(id))));
        results.push(result.suppressed);
        for (const id of totals.ids) {
          if (result.suppressed.has(id) && !hidden.has(id)) {
            hidden.add(id);
            grew = true;
          }
        }
      }
      if (!grew) break;
    }
    for (const set of results) set.forEach((id) => hidden.add(id));
    // The tables together, as before the nestings: what the linear attack finds is hidden by a joint pass.
    const ids = [...new Set([...tables.values()].flatMap((t) => t.ids))];
    const relations = [...tables.values()].flatMap((t) => t.relations);
    const published = new Map(ids.filter((id) => !hidden.has(id)).map((id) => [id, values.get(id) ?? 0]));
    if (recoverCells(published, [...hidden], relations, { truth: values, zeroSearch: false }).size === 0) return hidden;
    const links = [...tables.values()].flatMap((t) => t.links);
    const implies = [...tables.values()].flatMap((t) => t.implies);
    return new Set(suppress(countsOf(ids), relations, options({ relations, links, implies }, [...hidden])).suppressed);
  };
  // A cluster goes again only when something new is forced in it.
  const done = new Map<number, { forced: number; hidden: Set<string> }>();
  const protect = (): Set<string> => {
    const hidden = new Set<string>();
    clusters.forEach((cluster, i) => {
      const mine = [...forced].filter((id) => cluster.ids.has(id)).length;
      let result = done.get(i);
      const t0 = performance.now();
      if (result?.forced !== mine) done.set(i, (result = { forced: mine, hidden: protectCluster(cluster) }));
      if (process.env['SDC_DEBUG']) console.error(`cluster ${i} (${cluster.ids.size} cells, ${mine} forced): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
      result.hidden.forEach((id) => hidden.add(id));
    });
    return hidden;
  };

  // The whole, as a reader of the report has it: every table, and the nestings.
  const unique = (relations: readonly AdditiveRelation[]) => [...new Map(relations.map((r) => [`${r.total}=${r.parts.join('+')}`, r])).values()];
  const splitTables = clusters.flatMap((c) => [...c.tables.values()]);
  const own = unique(splitTables.flatMap((t) => t.relations));
  const nestings = splits.map((d) => nestingFor(d));
  const nestingRelations = unique(nestings.flatMap((n) => n.relations));
  const relationsOf = new Map<string, AdditiveRelation[]>();
  for (const r of own) for (const id of [r.total, ...r.parts]) relationsOf.set(id, [...(relationsOf.get(id) ?? []), r]);
  const isPart = new Set(own.flatMap((r) => r.parts));
  const isGrandTotal = (id: string) => !isPart.has(id);
  // Numbers one by definition in a cell (the nesting's difference is empty there) are hidden together there.
  const partnersOf = new Map<string, string[]>();
  for (const r of nestingRelations) {
    const [part, ...more] = r.parts;
    if (part === undefined || more.length > 0 || !shown.has(numberOf(part))) continue;
    partnersOf.set(r.total, [...(partnersOf.get(r.total) ?? []), part]);
    partnersOf.set(part, [...(partnersOf.get(part) ?? []), r.total]);
  }

  const hideSame = (hidden: ReadonlySet<string>): boolean => {
    const before = forced.size;
    for (const id of hidden) for (const partner of partnersOf.get(id) ?? []) if (!hidden.has(partner)) forced.add(partner);
    return forced.size > before;
  };
  let hidden = protect();
  for (let round = 0; round < 20 && hideSame(hidden); round += 1) hidden = protect();
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const t0 = performance.now();
    const leaks = jointLeaks(everyId, own, nestingRelations, hidden, values, numberOf, implicit, slack);
    if (process.env['SDC_DEBUG']) console.error(`attempt ${attempt}: check ${((performance.now() - t0) / 1000).toFixed(2)} s, ${leaks.length} leaks: ${leaks.slice(0, 6).join(' ')}`);
    if (leaks.length === 0) return hidden;
    if (process.env['SDC_DUMP']) writeFileSync(process.env['SDC_DUMP'], JSON.stringify({ hidden: [...hidden], leaks, values: [...values], nested, own, nestingRelations, forced: [...forced] }));
    if (process.env['SDC_STOP']) return hidden;
    const before = forced.size;
    for (const id of leaks) {
      const nesting = nested.find((n) => n.difference === numberOf(id));
      if (nesting) {
        // A small difference worked out: hide its part as well (or its whole).
        const at = id.slice(numberOf(id).length); // "|geo|dimension|category"
        const next = [`${nesting.part}${at}`, `${nesting.whole}${at}`].find((c) => numberOfCell.has(c) && !hidden.has(c) && !forced.has(c));
        if (next !== undefined) forced.add(next);
        continue;
      }
      // A hidden figure worked out through a nesting: hide one more cell of a relation it is in, as suppression
      // does (the smallest published one, a grand total last), and its own table protects that in turn.
      let best: string | undefined;
      for (const r of relationsOf.get(id) ?? []) {
        for (const other of [r.total, ...r.parts]) {
          if (hidden.has(other) || forced.has(other) || isGrandTotal(other)) continue;
          if (best === undefined || (values.get(other) ?? 0) < (values.get(best) ?? 0) || ((values.get(other) ?? 0) === (values.get(best) ?? 0) && other < best)) best = other;
        }
      }
      if (best !== undefined) forced.add(best);
    }
    if (forced.size === before) break;
    hidden = protect();
    for (let round = 0; round < 20 && hideSame(hidden); round += 1) hidden = protect();
  }
  // What the clusters could not settle: one pass over everything, nestings included (slow, and rare).
  if (process.env['SDC_DEBUG']) console.error('joint pass');
  const ids = [...new Set([...everyId, ...nestings.flatMap((n) => n.ids)])];
  const all = suppress(countsOf(ids), [...own, ...nestingRelations], {
    links: splitTables.flatMap((t) => t.links),
    implies: splitTables.flatMap((t) => t.implies),
    forced: [...hidden, ...forced],
    implicit: ids.filter((id) => implicit.has(numberOf(id))),
    slack: ids.filter((id) => slack.has(numberOf(id))),
  });
  return new Set([...all.suppressed].filter((id) => shown.has(numberOf(id))));
}

/**
 * What a reader of everything together works out that they should not: hidden figures, and small
 * differences. The linear attack (adding and subtracting published figures, with bounds): each table was
 * checked by the full attack (including forced zeros), and across tables this is much quicker. A difference
 * whose whole and part are both published is read off directly (a disclosure when small) and otherwise left
 * out: it is in no other relation, so knowing it tells the reader nothing more.
 */
function jointLeaks(
  ids: readonly string[],
  own: readonly AdditiveRelation[],
  nestings: readonly AdditiveRelation[],
  hidden: ReadonlySet<string>,
  values: ReadonlyMap<string, number>,
  numberOf: (id: string) => string,
  implicit: ReadonlySet<string>,
  slack: ReadonlySet<string>,
): string[] {
  const unpublished = (id: string) => implicit.has(numberOf(id)) || slack.has(numberOf(id));
  const known = (id: string) => !hidden.has(id) && !unpublished(id);
  const leaks: string[] = [];
  const relations = [...own];
  const differences = new Set<string>();
  for (const r of nestings) {
    const difference = r.parts.find(unpublished);
    if (known(r.total) && r.parts.every((id) => id === difference || known(id))) {
      const value = difference === undefined ? 0 : (values.get(difference) ?? 0);
      if (difference !== undefined && implicit.has(numberOf(difference)) && value > 0 && value < DEFAULT_THRESHOLD) leaks.push(difference);
      continue;
    }
    relations.push(r);
    if (difference !== undefined) differences.add(difference);
  }
  const published = new Map(ids.filter(known).map((id) => [id, values.get(id) ?? 0]));
  const found = recoverCells(published, [...ids.filter((id) => hidden.has(id)), ...differences], relations, { truth: values, zeroSearch: false });
  const implicitIds = new Set([...differences].filter((id) => implicit.has(numberOf(id))));
  const slackIds = new Set([...differences].filter((id) => slack.has(numberOf(id))));
  for (const [id, value] of found) if (isDisclosure(id, value, { implicit: implicitIds, slack: slackIds })) leaks.push(id);
  return leaks;
}

/**
 * The ids of one measure's cells to suppress, given every cell's value. `parts` are hidden together: a
 * figure whose numerator, denominator or children is below the threshold is hidden whole.
 */
export function suppressMeasure(
  measure: string,
  parts: readonly Part[],
  geos: readonly GeographyCells[],
  values: ReadonlyMap<string, number>,
  dimensions: Readonly<Record<string, readonly string[]>> = DIMENSIONS,
): ReadonlySet<string> {
  return suppressJointly({ geos, dimensions, values, figures: [parts], cell: (part, geo, d, c) => cellId(measure, geo, d, c, part as Part) });
}
