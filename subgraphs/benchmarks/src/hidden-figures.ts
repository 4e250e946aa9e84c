// Disclosure control over everything the report publishes at once: every measure's cells summed up the
// geographies; a number several figures publish protected as a table of its own, binding them all; and a
// place where a number and one it contains differ by 1 to 4 hidden in the smaller one (decision 0010).
import { DIMENSIONS, dimensionsOf, MEASURES, NESTED_NUMBERS, type MeasureDefinition } from './measures.ts';
import { whatAReaderWorksOut } from './reader.ts';
import { equalities, isSmallDifference, nestings, numberOf, partsOf, protectedNumbers, type Showing } from './numbers.ts';
import { publishedSplits, rawCounts, type CountRow } from './counts.ts';
import { cellId, placeId, placeOfCell, suppressMeasure, type Categories, type GeographyCells, type Part } from './suppression.ts';


export type { CountRow } from './counts.ts';

export interface HiddenFigures {
  /** A cell's value, summed over the geography's authorities. */
  value(measure: string, geo: string, dimension: string, category: string, part: Part): number;
  isHidden(measure: string, geo: string, dimension: string, category: string): boolean;
  /** The splits a measure publishes: categories empty by definition (and empty in every authority) left out. */
  dimensionsOf(measure: MeasureDefinition): Categories;
}

export function hideFigures(
  counts: readonly CountRow[],
  geos: readonly GeographyCells[],
  measures: readonly MeasureDefinition[] = MEASURES,
  /** Places to hide in a number besides what its protection chooses (see protectReport). */
  alsoHidden: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): HiddenFigures {
  const available = measures.filter((m) => m.available);
  const raw = rawCounts(counts);
  const published = publishedSplits(available, raw, geos);

  const values = new Map<string, number>();
  for (const m of available) {
    for (const geo of geos) {
      for (const [dimension, categories] of Object.entries(published.get(m.id) ?? {})) {
        for (const category of categories) {
          for (const part of partsOf(m)) {
            const sum = geo.members.reduce((s, a) => s + (raw.get(cellId(m.id, a, dimension, category, part)) ?? 0), 0);
            values.set(cellId(m.id, geo.code, dimension, category, part), sum);
          }
        }
      }
    }
  }

  const differences = smallDifferences(available, geos, values, published);
  for (const [name, places] of alsoHidden) differences.set(name, new Set([...(differences.get(name) ?? []), ...places]));
  const forced = new Map<string, Set<string>>();
  const force = (measure: string, places: Iterable<string>) => forced.set(measure, new Set([...(forced.get(measure) ?? []), ...places]));
  // A number several figures publish, or one that is another number in some cells by definition (children
  // aged 4-16 are all the children looked after aged 5-15), is protected as a table of its own; every figure
  // showing it is hidden where that table hides it. Its other cells may then show in one figure though
  // hidden in another (for that figure's own numerator): the number needs no more, and the numerator's
  // protection is its own.
  const tables = protectNumbers(protectedNumbers(available), geos, values, published, differences);
  for (const { at, hiddenPlaces } of tables.values()) for (const { measure } of at) force(measure.id, hiddenPlaces);
  for (const [name, places] of differences) {
    if (tables.has(name)) continue;
    for (const m of available) if (partsOf(m).some((p) => numberOf(m, p) === name)) force(m.id, places);
  }
  const hidden = new Set<string>();
  for (const m of available) {
    const options = { dimensions: published.get(m.id) ?? {}, forcedPlaces: forced.get(m.id) ?? new Set<string>() };
    for (const id of suppressMeasure(m.id, partsOf(m), geos, values, options)) hidden.add(id);
  }
  return {
    value: (measure, geo, dimension, category, part) => values.get(cellId(measure, geo, dimension, category, part)) ?? 0,
    isHidden: (measure, geo, dimension, category) => ['n', 'd', 'c'].some((p) => hidden.has(cellId(measure, geo, dimension, category, p as Part))),
    dimensionsOf: (measure) => published.get(measure.id) ?? dimensionsOf(measure),
  };
}

/** protectReport hides a finding's place first, then its split in that geography, then the whole geography. */
const ROUNDS_BY_ROW = 5;
const MOST_ROUNDS = 12;

/**
 * hideFigures, then the attack of a reader of the whole report (reader.ts); whatever it works out is hidden,
 * in every number nested with the ones it involves (removing the bounds it came from): first at its place,
 * then its whole split in that geography, then the whole geography; and the report is protected again,
 * until the reader finds nothing. It ends safe by construction: when those rounds run out, each number
 * family still giving something away is hidden whole, in every geography (nothing published links it to
 * anything shown, so nothing about it can be worked out); and if even that left a finding, every figure
 * is hidden. An all-hidden report publishes nothing a reader could use; the release audit then decides.
 */
export function protectReport(counts: readonly CountRow[], geos: readonly GeographyCells[], measures: readonly MeasureDefinition[] = MEASURES): HiddenFigures {
  const alsoHidden = new Map<string, Set<string>>();
  const everyPlace = (geo: string) => Object.entries(DIMENSIONS).flatMap(([d, cs]) => cs.map((c) => placeId(geo, d, c)));
  const rowOf = (geo: string, dimension: string) => (DIMENSIONS[dimension] ?? []).map((c) => placeId(geo, dimension, c));
  for (let round = 1; ; round += 1) {
    const figures = hideFigures(counts, geos, measures, alsoHidden);
    const findings = whatAReaderWorksOut(figures, measures, geos);
    if (findings.length === 0) return figures;
    if (round >= MOST_ROUNDS) {
      // Terminal fallback: whole families first, then everything.
      const names = round === MOST_ROUNDS ? [...new Set(findings.flatMap((f) => [...familyOf(f.numbers, measures)]))] : everyNumber(measures);
      if (round > MOST_ROUNDS + 1) return hideFigures(counts, geos, measures, new Map(everyNumber(measures).map((n) => [n, new Set(geos.flatMap((g) => everyPlace(g.code)))])));
      for (const name of names) alsoHidden.set(name, new Set([...(alsoHidden.get(name) ?? []), ...geos.flatMap((g) => everyPlace(g.code))]));
      continue;
    }
    for (const finding of findings) {
      const [geo = '', dimension = ''] = finding.place.split('|');
      const places = round === 1 ? [finding.place] : round < ROUNDS_BY_ROW ? [...rowOf(geo, dimension), placeId(geo, 'all', 'all')] : everyPlace(geo);
      for (const name of familyOf(finding.numbers, measures)) alsoHidden.set(name, new Set([...(alsoHidden.get(name) ?? []), ...places]));
    }
  }
}

/** Every number any measure shows. */
function everyNumber(measures: readonly MeasureDefinition[]): string[] {
  return [...new Set(measures.flatMap((m) => partsOf(m).map((p) => numberOf(m, p))))];
}

/** The numbers a reader can set against these: nested in them or they in it, through any chain, and a rate's numerator and denominator. */
export function familyOf(numbers: readonly string[], measures: readonly MeasureDefinition[]): Set<string> {
  const links = [...NESTED_NUMBERS.map((n) => [n.whole, n.part] as const), ...measures.filter((m) => m.kind === 'rate').map((m) => [numberOf(m, 'd'), numberOf(m, 'n')] as const)];
  const family = new Set(numbers);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [a, b] of links) {
      if (family.has(a) !== family.has(b)) {
        family.add(a);
        family.add(b);
        grew = true;
      }
    }
  }
  return family;
}


/**
 * Places where a number and one it contains are both published and differ by 1 to 4: a reader subtracts, so
 * the smaller number is hidden there (and with it every figure that shows it). Where either is hidden, the
 * difference is as hidden as it is (decision 0010).
 */
function smallDifferences(
  measures: readonly MeasureDefinition[],
  geos: readonly GeographyCells[],
  values: ReadonlyMap<string, number>,
  published: ReadonlyMap<string, Categories>,
): Map<string, Set<string>> {
  const shownBy = new Map<string, { measure: MeasureDefinition; part: Part }>();
  for (const measure of measures) for (const part of partsOf(measure)) if (!shownBy.has(numberOf(measure, part))) shownBy.set(numberOf(measure, part), { measure, part });
  const forced = new Map<string, Set<string>>();
  for (const { whole, part } of nestings()) {
    const w = shownBy.get(whole);
    const p = shownBy.get(part);
    if (!w || !p) continue;
    const wholeSplits = published.get(w.measure.id) ?? {};
    for (const [dimension, categories] of Object.entries(published.get(p.measure.id) ?? {})) {
      for (const category of categories.filter((c) => wholeSplits[dimension]?.includes(c))) {
        for (const geo of geos) {
          const wv = values.get(cellId(w.measure.id, geo.code, dimension, category, w.part)) ?? 0;
          const pv = values.get(cellId(p.measure.id, geo.code, dimension, category, p.part)) ?? 0;
          if (!isSmallDifference(wv, pv)) continue;
          const set = forced.get(part) ?? new Set<string>();
          set.add(placeId(geo.code, dimension, category));
          forced.set(part, set);
        }
      }
    }
  }
  return forced;
}

/** One number's cells, as a one-count table: its value at each place from a figure that shows it there. */
function numberTable(
  name: string,
  at: readonly Showing[],
  geos: readonly GeographyCells[],
  values: ReadonlyMap<string, number>,
  published: ReadonlyMap<string, Categories>,
): { id: string; dimensions: Categories; values: Map<string, number> } {
  const id = `number:${name}`;
  const dimensions: Record<string, string[]> = {};
  const table = new Map<string, number>();
  for (const { measure, part } of at) {
    for (const [dimension, categories] of Object.entries(published.get(measure.id) ?? {})) {
      for (const category of categories) {
        if (dimensions[dimension]?.includes(category)) continue;
        (dimensions[dimension] ??= []).push(category);
        for (const geo of geos) table.set(cellId(id, geo.code, dimension, category, 'n'), values.get(cellId(measure.id, geo.code, dimension, category, part)) ?? 0);
      }
    }
  }
  return { id, dimensions, values: table };
}

/**
 * Each protected number's table, with the places that must be hidden forced: its small differences, and
 * wherever a number it equals by definition is hidden there (both ways, until neither hides a new place).
 */
function protectNumbers(
  numbers: ReadonlyMap<string, readonly Showing[]>,
  geos: readonly GeographyCells[],
  values: ReadonlyMap<string, number>,
  published: ReadonlyMap<string, Categories>,
  differences: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, { at: readonly Showing[]; hiddenPlaces: Set<string> }> {
  const tables = new Map([...numbers].map(([name, at]) => [name, numberTable(name, at, geos, values, published)]));
  const forced = new Map([...numbers.keys()].map((name) => [name, new Set(differences.get(name) ?? [])]));
  const hiddenPlaces = new Map<string, Set<string>>();
  const links = equalities().filter((e) => tables.has(e.whole) && tables.has(e.part));
  for (let pending = [...tables.keys()]; pending.length > 0; ) {
    for (const name of pending) {
      const table = tables.get(name);
      if (!table) continue;
      const hidden = suppressMeasure(table.id, ['n'], geos, table.values, { dimensions: table.dimensions, forcedPlaces: forced.get(name) ?? new Set() });
      hiddenPlaces.set(name, new Set([...hidden].map(placeOfCell)));
    }
    const grown = new Set<string>();
    for (const { whole, part, equalIn } of links) {
      for (const geo of geos) {
        for (const [dimension, categories] of Object.entries(equalIn)) {
          for (const category of categories) {
            const place = placeId(geo.code, dimension, category);
            if (!hiddenPlaces.get(whole)?.has(place) && !hiddenPlaces.get(part)?.has(place)) continue;
            for (const name of [whole, part]) {
              if (hiddenPlaces.get(name)?.has(place)) continue;
              forced.get(name)?.add(place);
              grown.add(name);
            }
          }
        }
      }
    }
    pending = [...grown];
  }
  return new Map([...numbers].map(([name, at]) => [name, { at, hiddenPlaces: hiddenPlaces.get(name) ?? new Set() }]));
}
