// The attacker test on the whole report at once (decision 0010): several real measures that publish the
// same numbers (looked-after, pupils) and numbers nested in one another (pupils ⊆ looked-after), filled
// from synthetic children so every count agrees with every other the way the view's definitions make
// them agree. A reader holds every published figure of every measure; for each number they pool what
// every figure showing it publishes, add and subtract along the geographies and the splits, and subtract
// one number from a number it is part of. Nothing below 5 may be published, worked out, or be the
// difference of two published figures.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, recoverCells, seededRandom, type AdditiveRelation } from '@wales-lac/disclosure';
import { geographiesOf } from './report.ts';
import { AUTHORITY_FACTS, WALES_CODE } from '@wales-lac/wales';
import { protectReport, type CountRow, type HiddenFigures } from './hidden-figures.ts';
import { dimensionsOf, MEASURES, NESTED_NUMBERS, type MeasureDefinition } from './measures.ts';
import { nestings, numberOf, partsOf, protectedNumbers, publishedParts } from './numbers.ts';
import type { GeographyCells, Part } from './suppression.ts';

const geographies = (): GeographyCells[] => geographiesOf(new Map(AUTHORITY_FACTS.map((a) => [a.code, a.regionCode])));


function pick(random: () => number, weights: Readonly<Record<string, number>>): string {
  const entries = Object.entries(weights);
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [category, weight] of entries) {
    r -= weight;
    if (r < 0) return category;
  }
  return entries[entries.length - 1]?.[0] ?? '';
}

/** One synthetic child looked after today: what each split puts them in, and what the measures count. */
interface Child {
  readonly categories: Readonly<Record<string, string>>;
  /** On a school roll at some point in the last 12 months (never under 1). */
  readonly pupil: boolean;
  readonly unstable: boolean;
  readonly reducedTimetable: boolean;
  readonly exclusions: number;
  readonly sessionsLost: number;
  /** Aged 4 to 16 (all of 5-9 and 10-15, some of 1-4 and 16-17), and of those with an SDQ in the last 12 months. */
  readonly aged4to16: boolean;
  readonly withSdq: boolean;
  readonly sdqConcern: boolean;
}

const AGE_BANDS = { 'under-1': 6, '1-4': 18, '5-9': 22, '10-15': 38, '16-17': 16 };
const GENDERS = { female: 45, male: 49, other: 2, 'not-recorded': 4 };
const PLACEMENT_TYPES = { foster: 45, 'kinship-foster': 20, 'with-parents': 10, 'childrens-home': 9, secure: 1, 'placed-for-adoption': 5, 'independent-living': 4, 'residential-school': 2, other: 4 };
const PLACEMENT_LOCATIONS = { inside: 65, outside: 35 };
/** Nearly every child of school age is a pupil, so looked-after − pupils is often 1 to 4. */
const PUPIL_SHARE: Readonly<Record<string, number>> = { 'under-1': 0, '1-4': 0.35, '5-9': 0.96, '10-15': 0.95, '16-17': 0.75 };

function child(random: () => number): Child {
  const age = pick(random, AGE_BANDS);
  const pupil = random() < (PUPIL_SHARE[age] ?? 0);
  const excluded = pupil && random() < 0.12;
  const exclusions = excluded ? 1 + Math.floor(random() * 3) : 0;
  let sessionsLost = 0;
  for (let i = 0; i < exclusions; i++) sessionsLost += 1 + Math.floor(random() * 10);
  const aged4to16 = age === '5-9' || age === '10-15' || (age === '1-4' && random() < 0.25) || (age === '16-17' && random() < 0.5);
  const withSdq = aged4to16 && random() < 0.85;
  return {
    categories: {
      all: 'all',
      'age-band': age,
      gender: pick(random, GENDERS),
      'placement-type': pick(random, PLACEMENT_TYPES),
      'placement-location': pick(random, PLACEMENT_LOCATIONS),
    },
    pupil,
    unstable: random() < 0.1,
    reducedTimetable: pupil && random() < 0.08,
    exclusions,
    sessionsLost,
    aged4to16,
    withSdq,
    sdqConcern: withSdq && random() < 0.3,
  };
}

type Counts = Pick<CountRow, 'numerator' | 'denominator' | 'children'>;

/** What the view counts for each measure the test uses, over the children in one cell. */
const COUNTERS: Readonly<Record<string, (children: readonly Child[]) => Counts>> = {
  cohort: (cs) => ({ numerator: cs.length, denominator: null, children: cs.length }),
  'placement-stability': (cs) => ({ numerator: cs.filter((c) => c.unstable).length, denominator: cs.length, children: cs.length }),
  exclusions: (cs) => {
    const pupils = cs.filter((c) => c.pupil);
    return { numerator: pupils.reduce((s, c) => s + c.exclusions, 0), denominator: pupils.length, children: pupils.filter((c) => c.exclusions > 0).length };
  },
  'exclusion-days': (cs) => {
    const pupils = cs.filter((c) => c.pupil);
    return { numerator: pupils.reduce((s, c) => s + c.sessionsLost, 0), denominator: pupils.length, children: pupils.filter((c) => c.exclusions > 0).length };
  },
  'reduced-timetable': (cs) => {
    const pupils = cs.filter((c) => c.pupil);
    return { numerator: pupils.filter((c) => c.reducedTimetable).length, denominator: pupils.length, children: pupils.length };
  },
  'sdq-completed': (cs) => {
    const aged = cs.filter((c) => c.aged4to16);
    return { numerator: aged.filter((c) => c.withSdq).length, denominator: aged.length, children: aged.length };
  },
  'sdq-concern': (cs) => {
    const measured = cs.filter((c) => c.withSdq);
    return { numerator: measured.filter((c) => c.sdqConcern).length, denominator: measured.length, children: measured.length };
  },
};

function measuresById(ids: readonly string[]): MeasureDefinition[] {
  return ids.map((id) => {
    const measure = MEASURES.find((m) => m.id === id);
    if (!measure?.available) throw new Error(`${id} is not an available measure`);
    return measure;
  });
}

/** Small authorities (3 to 60 children), every split of every measure counted from the same children. */
function countRows(seed: number, measures: readonly MeasureDefinition[]): CountRow[] {
  const random = seededRandom(seed); // deterministic: a failing seed fails again
  const rows: CountRow[] = [];
  for (const authority of AUTHORITY_FACTS) {
    const children = Array.from({ length: 3 + Math.floor(random() * 58) }, () => child(random));
    for (const measure of measures) {
      const count = COUNTERS[measure.id];
      if (!count) throw new Error(`no counter for ${measure.id}`);
      for (const [dimension, categories] of Object.entries(dimensionsOf(measure))) {
        for (const category of categories) {
          const inCell = children.filter((c) => c.categories[dimension] === category);
          rows.push({ authorityCode: authority.code, measure: measure.id, dimension, category, ...count(inCell) });
        }
      }
    }
  }
  return rows;
}

const numberCell = (name: string, geo: string, dimension: string, category: string) => `${name}|${geo}|${dimension}|${category}`;

/** One number as the reader sees it, pooled over every figure that publishes it. */
interface NumberView {
  readonly name: string;
  /** Every cell's true value. */
  readonly truth: Map<string, number>;
  /** What a reader knows: cells some figure publishes, and cells every reader knows are 0 ([z]). */
  readonly known: Map<string, number>;
  /** Cells known only because the category is empty by definition ([z]), not because a figure shows them. */
  readonly empty: Set<string>;
  readonly hidden: string[];
  readonly relations: AdditiveRelation[];
}

/** geography → region → Wales for each category, and each split adding up to 'all' in each geography. */
function relationsOf(name: string, geos: readonly GeographyCells[], categories: Readonly<Record<string, readonly string[]>>): AdditiveRelation[] {
  const regions = geos.filter((g) => g.level === 'region');
  const relations: AdditiveRelation[] = [];
  for (const [dimension, cats] of Object.entries(categories)) {
    for (const category of cats) {
      for (const r of regions) relations.push({ total: numberCell(name, r.code, dimension, category), parts: r.members.map((a) => numberCell(name, a, dimension, category)) });
      relations.push({ total: numberCell(name, WALES_CODE, dimension, category), parts: regions.map((r) => numberCell(name, r.code, dimension, category)) });
    }
    if (dimension === 'all') continue;
    for (const g of geos) relations.push({ total: numberCell(name, g.code, 'all', 'all'), parts: cats.map((c) => numberCell(name, g.code, dimension, c)) });
  }
  return relations;
}

/** The numbers the figures publish (numerators always, denominators of rates and per-100 figures), as a reader pools them. */
function numberViews(figures: HiddenFigures, measures: readonly MeasureDefinition[], geos: readonly GeographyCells[]): Map<string, NumberView> {
  const shows = new Map<string, { measure: MeasureDefinition; part: Part }[]>();
  for (const measure of measures) for (const part of publishedParts(measure)) shows.set(numberOf(measure, part), [...(shows.get(numberOf(measure, part)) ?? []), { measure, part }]);
  const views = new Map<string, NumberView>();
  for (const [name, at] of shows) {
    const categories: Record<string, string[]> = {};
    for (const { measure } of at) for (const [d, cats] of Object.entries(dimensionsOf(measure))) for (const c of cats) if (!(categories[d] ??= []).includes(c)) categories[d].push(c);
    const truth = new Map<string, number>();
    const known = new Map<string, number>();
    const empty = new Set<string>();
    for (const { measure, part } of at) {
      const shown = figures.dimensionsOf(measure);
      for (const geo of geos) {
        for (const [dimension, cats] of Object.entries(dimensionsOf(measure))) {
          for (const category of cats) {
            const id = numberCell(name, geo.code, dimension, category);
            const value = figures.value(measure.id, geo.code, dimension, category, part);
            // The measures name one number: it must be one count wherever it shows.
            if (truth.has(id)) expect(value, `${id} in ${measure.id}`).toBe(truth.get(id));
            truth.set(id, value);
            const published = (shown[dimension] ?? []).includes(category);
            if (!published) {
              // [z]: empty by definition, and every reader knows it is 0.
              expect(value, `${id}: [z] in ${measure.id}`).toBe(0);
              known.set(id, 0);
              empty.add(id);
            } else if (!figures.isHidden(measure.id, geo.code, dimension, category)) {
              if (known.has(id) && !empty.has(id)) expect(value, `${id} published twice`).toBe(known.get(id));
              known.set(id, value);
              empty.delete(id);
            }
          }
        }
      }
    }
    const hidden = [...truth.keys()].filter((id) => !known.has(id));
    views.set(name, { name, truth, known, empty, hidden, relations: relationsOf(name, geos, categories) });
  }
  return views;
}

interface JointAttack {
  /** Cells of the numbers, differences of nested numbers, and complements of rates, with their true values. */
  readonly truth: Map<string, number>;
  /** Differences a reader must not learn when 1 to 4 (nestings whose difference counts children or PEPs). */
  readonly protectedDifferences: Set<string>;
  readonly recovered: Map<string, number>;
}

/**
 * A reader of the whole report: every number's published cells and relations together, plus what the
 * definitions tell everyone – a number is at least any number nested in it (whole = part + difference, the
 * difference never negative, for every declared nesting, with or without a `difference`), and a rate's
 * numerator is part of its denominator (d = n + complement); where a nesting declares the two equal
 * (`equalIn`) the difference is a known 0. Unknown differences and complements are cells
 * the attacker solves for like any other, so bounds from nesting count too (a part pinned at its whole).
 */
function jointAttack(views: ReadonlyMap<string, NumberView>, measures: readonly MeasureDefinition[]): JointAttack {
  const truth = new Map<string, number>();
  const known = new Map<string, number>();
  const relations: AdditiveRelation[] = [];
  for (const view of views.values()) {
    for (const [id, value] of view.truth) truth.set(id, value);
    for (const [id, value] of view.known) known.set(id, value);
    relations.push(...view.relations);
  }
  const protectedDifferences = new Set<string>();
  const nested = (whole: string, part: string, differenceId: (place: string) => string, counted: boolean, equalIn: Readonly<Record<string, readonly string[]>> = {}) => {
    const w = views.get(whole);
    const p = views.get(part);
    if (!w || !p) return;
    for (const [id, value] of p.truth) {
      const place = placeOf(id);
      const total = `${whole}|${place}`;
      const wholeValue = w.truth.get(total);
      if (wholeValue === undefined) continue;
      const difference = differenceId(place);
      truth.set(difference, wholeValue - value);
      // One number by definition there (`equalIn`): every reader knows the difference is 0.
      const [, dimension = '', category = ''] = place.split('|');
      if (equalIn[dimension]?.includes(category) === true) known.set(difference, 0);
      relations.push({ total, parts: [id, difference] });
      if (counted) protectedDifferences.add(difference);
    }
  };
  const counted = new Set(nestings().map((n) => `${n.whole}>${n.part}`));
  const pairs = new Set([...counted, ...NESTED_NUMBERS.map((n) => `${n.whole}>${n.part}`)]);
  for (const pair of pairs) {
    const [whole = '', part = ''] = pair.split('>');
    const declared = NESTED_NUMBERS.find((n) => n.whole === whole && n.part === part);
    nested(whole, part, (place) => `difference:${pair}|${place}`, counted.has(pair), declared?.equalIn);
  }
  for (const measure of measures.filter((m) => m.kind === 'rate')) {
    nested(numberOf(measure, 'd'), numberOf(measure, 'n'), (place) => `complement:${measure.id}|${place}`, false);
  }
  for (const [id, value] of truth) expect(value, `${id} is negative: the fixture breaks a nesting`).toBeGreaterThanOrEqual(0);
  const hidden = [...truth.keys()].filter((id) => !known.has(id));
  return { truth, protectedDifferences, recovered: recoverCells(known, hidden, relations, { truth, zeroSearch: JOINT_ZERO_SEARCH }) };
}

interface Scenario {
  readonly measures: readonly MeasureDefinition[];
  readonly geos: readonly GeographyCells[];
  readonly figures: HiddenFigures;
  readonly views: Map<string, NumberView>;
  /** Per number: the hidden cells a reader of every figure showing it can work out (the full attack). */
  readonly recovered: Map<string, Map<string, number>>;
  /** Everything a reader of the whole report can work out (see jointAttack). */
  readonly joint: JointAttack;
  readonly timings: Record<string, number>;
}

const scenarios = new Map<string, Scenario>();
function scenario(seed: number, ids: readonly string[]): Scenario {
  const key = `${seed}:${ids.join(',')}`;
  const cached = scenarios.get(key);
  if (cached) return cached;
  const measures = measuresById(ids);
  const geos = geographies();
  const rows = countRows(seed, measures);
  let start = performance.now();
  const figures = protectReport(rows, geos, measures);
  const timings: Record<string, number> = { hideFigures: performance.now() - start };
  const views = numberViews(figures, measures, geos);
  start = performance.now();
  // The true counts are a hint only (a solution to start the search for forced zeros from): the answer is
  // the full attack's, zeros a reader can prove included, in a fraction of the time.
  const recovered = new Map([...views].map(([name, v]) => [name, recoverCells(v.known, v.hidden, v.relations, { truth: v.truth })]));
  timings.attack = performance.now() - start;
  start = performance.now();
  const joint = jointAttack(views, measures);
  timings.joint = performance.now() - start;
  const made = { measures, geos, figures, views, recovered, joint, timings };
  scenarios.set(key, made);
  return made;
}

/** Places (geography|dimension|category) of a number's cells. */
const placeOf = (id: string) => id.split('|').slice(1).join('|');

/**
 * Places where a number and one nested in it (any chain of declared nestings with a `difference`) are both
 * shown and differ by 1 to 4. A part empty by definition ([z]) is left out: the difference is then the whole
 * itself, protected as the whole is.
 */
function smallDifferences(views: ReadonlyMap<string, NumberView>): { whole: string; part: string; id: string; difference: number }[] {
  const found: { whole: string; part: string; id: string; difference: number }[] = [];
  for (const { whole, part } of nestings()) {
    const w = views.get(whole);
    const p = views.get(part);
    if (!w || !p) continue;
    for (const [id, value] of p.truth) {
      const wholeValue = w.truth.get(`${whole}|${placeOf(id)}`);
      if (p.empty.has(id) || wholeValue === undefined) continue;
      if (wholeValue - value > 0 && wholeValue - value < DEFAULT_THRESHOLD) found.push({ whole, part, id, difference: wholeValue - value });
    }
  }
  return found;
}

// The attack on the whole report with nestings is linear plus bounds (no search for forced zeros), ~0.1 s a
// seed: the full one takes 1 to 2 minutes a seed (one connected table of ~5,000 unknowns); it was run on the
// first case's seeds and found nothing more. HIDDEN_FIGURES_FULL_ATTACK=1 runs it.
const JOINT_ZERO_SEARCH = process.env.HIDDEN_FIGURES_FULL_ATTACK === '1';
const TIMEOUT = JOINT_ZERO_SEARCH ? 600_000 : 60_000;

const CASES = [
  // looked-after shared by a count and a rate; pupils shared by two per-100 figures and a rate, and nested in
  // looked-after; sessions lost at least the exclusions (a nesting with no counted difference).
  { name: 'looked-after and pupils shared', measures: ['cohort', 'placement-stability', 'exclusions', 'exclusion-days', 'reduced-timetable'], seeds: [1, 2, 3], knownLeak: false },
  // pupils shown by one figure only (its small differences forced into that measure); with-sdq one figure's
  // numerator and another's denominator; aged-4-16 nested in looked-after, equal to it in 5-9 and 10-15
  // (protected together since decision 0010 reads `equalIn`; seeds 4 and 5 leaked before).
  { name: 'pupils in one figure, with-sdq numerator and denominator', measures: ['cohort', 'reduced-timetable', 'sdq-completed', 'sdq-concern'], seeds: [4, 5], knownLeak: false },
  // Seeds where hideFigures alone leaks through nestings (the combined attack found, on seed 9, W06000013's
  // children looked after under 4 or aged 17 (4) and zeros of its 4- and 16-year-olds with an SDQ; on seed
  // 13, Wales-level differences of 2 and 3): protectReport runs that attack and hides what it finds.
  { name: 'leaks through nestings that protectReport closes', measures: ['cohort', 'reduced-timetable', 'sdq-completed', 'sdq-concern'], seeds: [9, 13], knownLeak: false },
];

describe.each(CASES.flatMap((c) => c.seeds.map((seed) => ({ ...c, seed }))))('everything the report publishes at once: $name, seed $seed', ({ measures: ids, seed, knownLeak }) => {
  const get = () => scenario(seed, ids);

  it('has data that tests something: small counts, small differences, figures sharing and nesting numbers', () => {
    const { views, measures, timings } = get();
    console.info(`seed ${seed}: hideFigures ${timings.hideFigures?.toFixed(0)} ms, attack per number ${timings.attack?.toFixed(0)} ms, joint ${timings.joint?.toFixed(0)} ms`);
    // The fixture agrees with the declarations: the splits and the geographies add up.
    for (const view of views.values()) {
      for (const { total, parts } of view.relations) expect(parts.reduce((s, id) => s + (view.truth.get(id) ?? 0), 0), total).toBe(view.truth.get(total));
    }
    // Small differences at authorities, some at an authority's total (not only in the splits).
    const authorities = new Set(AUTHORITY_FACTS.map((a) => a.code));
    const small = smallDifferences(views).filter(({ id }) => authorities.has(id.split('|')[1] ?? ''));
    expect(small.length).toBeGreaterThan(10);
    expect(small.some(({ id }) => id.endsWith('|all|all'))).toBe(true);
    expect([...protectedNumbers(measures).values()].some((at) => new Set(at.map((a) => a.measure.id)).size > 1)).toBe(true);
    // Small numerators, not only zeros.
    for (const measure of measures) {
      const cells = [...(views.get(numberOf(measure, 'n'))?.truth ?? [])];
      expect(cells.filter(([, v]) => v > 0 && v < DEFAULT_THRESHOLD).length, measure.id).toBeGreaterThan(5);
    }
  }, TIMEOUT);

  it('publishes no count below 5: numerators, denominators and the children a figure rests on', () => {
    const { measures, geos, figures } = get();
    for (const measure of measures) {
      for (const [dimension, categories] of Object.entries(figures.dimensionsOf(measure))) {
        for (const category of categories) {
          for (const geo of geos) {
            if (figures.isHidden(measure.id, geo.code, dimension, category)) continue;
            for (const part of partsOf(measure)) {
              expect(figures.value(measure.id, geo.code, dimension, category, part), `${measure.id}|${geo.code}|${dimension}|${category}|${part}`).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
            }
          }
        }
      }
    }
  }, TIMEOUT);

  it('(a) no number, pooled over every figure that shows it, gives away a hidden count below 5', () => {
    const { views, recovered } = get();
    for (const view of views.values()) {
      const leaks = [...(recovered.get(view.name) ?? [])].filter(([id]) => (view.truth.get(id) ?? 0) < DEFAULT_THRESHOLD);
      expect(leaks, view.name).toEqual([]);
      // The attack agrees with the truth (a check on the test: the published figures are consistent).
      for (const [id, value] of recovered.get(view.name) ?? []) expect(value, id).toBe(view.truth.get(id));
    }
  }, TIMEOUT);

  it("(b) no measure's published numerators give away a hidden numerator", () => {
    const { measures, geos, figures, views } = get();
    for (const measure of measures) {
      const name = numberOf(measure, 'n');
      const view = views.get(name);
      if (!view) throw new Error(`${name} not shown`);
      const shown = figures.dimensionsOf(measure);
      const known = new Map<string, number>();
      for (const [dimension, categories] of Object.entries(dimensionsOf(measure))) {
        for (const category of categories) {
          for (const geo of geos) {
            const id = numberCell(name, geo.code, dimension, category);
            if (!(shown[dimension] ?? []).includes(category)) known.set(id, 0);
            else if (!figures.isHidden(measure.id, geo.code, dimension, category)) known.set(id, figures.value(measure.id, geo.code, dimension, category, 'n'));
          }
        }
      }
      const hidden = [...view.truth.keys()].filter((id) => !known.has(id));
      // The full attack (forced zeros included); the truth only speeds it up.
      expect([...recoverCells(known, hidden, relationsOf(name, geos, dimensionsOf(measure)), { truth: view.truth }).keys()], measure.id).toEqual([]);
    }
  }, TIMEOUT);

  it('(c) where a number and one it contains differ by 1 to 4, the smaller is neither published nor worked out', () => {
    const { views, recovered } = get();
    const small = smallDifferences(views);
    expect(small.length).toBeGreaterThan(0);
    for (const { whole, part, id, difference } of small) {
      expect(views.get(part)?.known.has(id), `${id} published (${whole} − ${part} = ${difference})`).toBe(false);
      expect(recovered.get(part)?.has(id), `${id} worked out (${whole} − ${part} = ${difference})`).toBe(false);
    }
  }, TIMEOUT);

  it('(d) still publishes: Wales, the regions and most authorities', () => {
    const { measures, geos, figures } = get();
    for (const measure of measures) expect(figures.isHidden(measure.id, WALES_CODE, 'all', 'all'), measure.id).toBe(false);
    expect(figures.isHidden('cohort', WALES_CODE, 'age-band', '10-15')).toBe(false);
    for (const geo of geos.filter((g) => g.level === 'region')) expect(figures.isHidden('cohort', geo.code, 'all', 'all'), geo.code).toBe(false);
    const authorities = geos.filter((g) => g.level === 'authority');
    expect(authorities.filter((g) => !figures.isHidden('cohort', g.code, 'all', 'all')).length).toBeGreaterThan(authorities.length / 2);
    // And hides: the test would pass trivially on a report that shows nothing small.
    expect(authorities.some((g) => figures.isHidden('reduced-timetable', g.code, 'all', 'all'))).toBe(true);
  }, TIMEOUT);

  (knownLeak ? it.fails : it)('(e) a reader of the whole report, using that a number is at least any number nested in it, learns nothing below 5', () => {
    const { joint, views } = get();
    const numbers = new Set(views.keys());
    const leaks = [...joint.recovered].filter(([id, value]) => {
      const name = id.split('|')[0] ?? '';
      if (numbers.has(name)) return value < DEFAULT_THRESHOLD;
      return joint.protectedDifferences.has(id) && value > 0 && value < DEFAULT_THRESHOLD;
    });
    expect(leaks).toEqual([]);
    for (const [id, value] of joint.recovered) expect(value, id).toBe(joint.truth.get(id));
  }, TIMEOUT);
});
