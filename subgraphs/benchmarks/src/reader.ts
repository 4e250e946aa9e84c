// What a reader of the whole report can work out: every number's published cells pooled over the figures
// that show it, its sums (authority → region → Wales, categories → all), and what the definitions tell
// everyone: a number is at least any number nested in it, a rate's numerator at most its denominator, and
// numbers equal by definition in some categories are equal there. Hidden cells and the unknown differences
// are solved for together (linear algebra and bounds; not the costlier search for forced zeros, which each
// table's own protection runs). Decision 0010.
import { DEFAULT_THRESHOLD, recoverCells, type AdditiveRelation } from '@wales-lac/disclosure';
import { WALES_CODE } from '@wales-lac/wales';
import { dimensionsOf, NESTED_NUMBERS, type MeasureDefinition } from './measures.ts';
import { nestings, numberOf, publishedParts } from './numbers.ts';
import { placeId, type Categories, type GeographyCells } from './suppression.ts';
import type { HiddenFigures } from './hidden-figures.ts';

/** Something a reader works out that gives someone away: a count below 5, or a difference of 1 to 4. */
export interface Finding {
  /** The numbers involved: one, or the whole and the part of a difference. */
  readonly numbers: readonly string[];
  readonly place: string;
  readonly value: number;
}

const cell = (number: string, place: string) => `${number}|${place}`;

export function whatAReaderWorksOut(figures: HiddenFigures, measures: readonly MeasureDefinition[], geos: readonly GeographyCells[]): Finding[] {
  const truth = new Map<string, number>();
  const known = new Map<string, number>();
  const relations: AdditiveRelation[] = [];
  const numbers = new Map<string, Record<string, string[]>>();
  // A number's cells as each figure shows them; figures whose counts disagree (a snapshot taken under an
  // older definition) are read as different numbers rather than as figures that do not add up.
  const shown = new Map<string, { measure: MeasureDefinition; values: Map<string, number> }[]>();
  for (const measure of measures.filter((m) => m.available)) {
    for (const part of publishedParts(measure)) {
      const values = new Map<string, number>();
      for (const [dimension, all] of Object.entries(dimensionsOf(measure))) {
        for (const category of all) for (const geo of geos) values.set(placeId(geo.code, dimension, category), figures.value(measure.id, geo.code, dimension, category, part));
      }
      const name = numberOf(measure, part);
      shown.set(name, [...(shown.get(name) ?? []), { measure, values }]);
    }
  }
  for (const [base, at] of shown) {
    const first = at[0]?.values ?? new Map<string, number>();
    for (const { measure, values } of at) {
      const name = [...values].every(([place, v]) => (first.get(place) ?? v) === v) ? base : `${base}@${measure.id}`;
      const categories = numbers.get(name) ?? {};
      numbers.set(name, categories);
      const published = figures.dimensionsOf(measure);
      for (const [dimension, all] of Object.entries(dimensionsOf(measure))) {
        for (const category of all) {
          if (!(categories[dimension] ??= []).includes(category)) categories[dimension].push(category);
          for (const geo of geos) {
            const place = placeId(geo.code, dimension, category);
            const id = cell(name, place);
            truth.set(id, values.get(place) ?? 0);
            // [z]: empty by definition, a known 0.
            if (!(published[dimension] ?? []).includes(category)) known.set(id, 0);
            else if (!figures.isHidden(measure.id, geo.code, dimension, category)) known.set(id, values.get(place) ?? 0);
          }
        }
      }
    }
  }
  for (const [name, categories] of numbers) relations.push(...sumsOf(name, geos, categories));

  const counted = new Set(nestings().map((n) => `${n.whole}>${n.part}`));
  const differences = new Map<string, { whole: string; part: string; place: string }>();
  const nest = (whole: string, part: string, kind: string, equalIn: Categories = {}) => {
    // A nesting the counts do not bear out (a part larger than its whole somewhere) is not relied on.
    for (const [id, value] of truth) if (id.startsWith(`${part}|`) && value > (truth.get(cell(whole, id.slice(part.length + 1))) ?? Infinity)) return;
    for (const [id, value] of truth) {
      if (!id.startsWith(`${part}|`)) continue;
      const place = id.slice(part.length + 1);
      const total = truth.get(cell(whole, place));
      if (total === undefined) continue;
      const difference = `${kind}:${whole}>${part}|${place}`;
      truth.set(difference, total - value);
      const [, dimension = '', category = ''] = place.split('|');
      if (equalIn[dimension]?.includes(category) === true) known.set(difference, 0);
      relations.push({ total: cell(whole, place), parts: [id, difference] });
      if (kind === 'difference' && counted.has(`${whole}>${part}`)) differences.set(difference, { whole, part, place });
    }
  };
  const pairs = new Map<string, Categories>(nestings().map((n) => [`${n.whole}>${n.part}`, {}]));
  for (const n of NESTED_NUMBERS) pairs.set(`${n.whole}>${n.part}`, { ...pairs.get(`${n.whole}>${n.part}`), ...(n.equalIn ?? {}) });
  for (const [pair, equalIn] of pairs) {
    const [whole = '', part = ''] = pair.split('>');
    if (numbers.has(whole) && numbers.has(part)) nest(whole, part, 'difference', equalIn);
  }
  for (const m of measures.filter((x) => x.available && x.kind === 'rate')) nest(numberOf(m, 'd'), numberOf(m, 'n'), `complement-${m.id}`);

  const hidden = [...truth.keys()].filter((id) => !known.has(id));
  const findings: Finding[] = [];
  for (const [id, value] of recoverCells(known, hidden, relations, { truth, zeroSearch: false })) {
    const difference = differences.get(id);
    if (difference && value > 0 && value < DEFAULT_THRESHOLD) findings.push({ numbers: [difference.whole, difference.part], place: difference.place, value });
    const name = id.split('|')[0] ?? '';
    if (numbers.has(name) && value < DEFAULT_THRESHOLD) findings.push({ numbers: [name], place: id.slice(name.length + 1), value });
  }
  return findings;
}

/** A number's sums: each category up the geographies, and each split to the geography's total. */
function sumsOf(name: string, geos: readonly GeographyCells[], categories: Categories): AdditiveRelation[] {
  const regions = geos.filter((g) => g.level === 'region');
  const wales = geos.find((g) => g.level === 'wales')?.code ?? WALES_CODE;
  const relations: AdditiveRelation[] = [];
  for (const [dimension, all] of Object.entries(categories)) {
    for (const category of all) {
      const at = (geo: string) => cell(name, placeId(geo, dimension, category));
      for (const r of regions) relations.push({ total: at(r.code), parts: r.members.map(at) });
      relations.push({ total: at(wales), parts: regions.map((r) => at(r.code)) });
    }
    if (dimension === 'all') continue;
    for (const g of geos) relations.push({ total: cell(name, placeId(g.code, 'all', 'all')), parts: all.map((c) => cell(name, placeId(g.code, dimension, c))) });
  }
  return relations;
}
