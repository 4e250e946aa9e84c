// Synthetic counts for every available measure, shaped as the authorities' anonymised views give them
// (tests, the disclosure sweep and the benchmark only; all data synthetic). Children are drawn one by one
// and every count is counted from the same children, so every sum, nesting and equality by definition
// holds the way the views make it hold. `scale: 'wales'` uses each authority's 2024 number of children
// looked after; 'small' draws 3 to 60 per authority, dense with small numbers. A date moves the cohort on
// (a different draw of who is looked after and their ages), as a refresh on another day would.
import { seededRandom } from '@wales-lac/disclosure';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import type { CountRow } from './counts.ts';
import { dimensionsOf, MEASURES } from './measures.ts';

const AGE_BANDS = { 'under-1': 6, '1-4': 18, '5-9': 22, '10-15': 38, '16-17': 16 };
const GENDERS = { female: 45, male: 49, other: 2, 'not-recorded': 4 };
const PLACEMENT_TYPES = {
  foster: 45,
  'kinship-foster': 20,
  'with-parents': 10,
  'childrens-home': 9,
  secure: 1,
  'placed-for-adoption': 5,
  'independent-living': 4,
  'residential-school': 2,
  other: 4,
};
const LOCATIONS = { inside: 65, outside: 35 };
const PUPIL_SHARE: Readonly<Record<string, number>> = { 'under-1': 0, '1-4': 0.35, '5-9': 0.96, '10-15': 0.95, '16-17': 0.75 };

function pick(random: () => number, weights: Readonly<Record<string, number>>): string {
  const entries = Object.entries(weights);
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((r -= w) < 0) return k;
  return entries[entries.length - 1]?.[0] ?? '';
}

type Counts = Pick<CountRow, 'numerator' | 'denominator' | 'children'>;
type Child = Readonly<Record<string, number | string | boolean | Readonly<Record<string, string>>>> & { readonly categories: Readonly<Record<string, string>> };

function child(random: () => number, youngPerson = false): Child {
  const age = youngPerson ? (random() < 0.6 ? '16-17' : '18') : pick(random, AGE_BANDS);
  const categories = {
    all: 'all',
    'age-band': age,
    gender: pick(random, GENDERS),
    'placement-type': pick(random, PLACEMENT_TYPES),
    'placement-location': pick(random, LOCATIONS),
  };
  const pupil = random() < (PUPIL_SHARE[age] ?? 0);
  const onRoll = pupil && random() < 0.95;
  const withSessions = pupil && random() < 0.97;
  const possible = withSessions ? 200 + Math.floor(random() * 180) : 0;
  const attended = Math.floor(possible * (0.75 + random() * 0.25));
  const exclusions = pupil && random() < 0.12 ? 1 + Math.floor(random() * 3) : 0;
  let sessionsLost = 0;
  for (let i = 0; i < exclusions; i++) sessionsLost += 1 + Math.floor(random() * 10);
  const permanent = pupil && random() < 0.01 ? 1 : 0;
  const dueAPep = age !== 'under-1' && (age !== '1-4' || random() < 0.5) && random() < 0.93;
  const currentPeps = dueAPep && random() < 0.9 ? (random() < 0.03 ? 2 : 1) : !dueAPep && random() < 0.02 ? 1 : 0;
  const agreed = currentPeps > 0 && random() < 0.85 ? 1 : 0;
  const started = age === 'under-1' ? 0 : Math.floor(random() * 2.2);
  const onTime = Array.from({ length: started }, () => random() < 0.7).filter(Boolean).length;
  const aln = random() < 0.25;
  const aged4to16 = age === '5-9' || age === '10-15' || (age === '1-4' && random() < 0.25) || (age === '16-17' && random() < 0.5);
  const withSdq = aged4to16 && random() < 0.85;
  const targetsDue = currentPeps > 0 ? Math.floor(random() * 6) : 0;
  const targetsMet = Array.from({ length: targetsDue }, () => random() < 0.6).filter(Boolean).length;
  return {
    categories,
    pupil,
    onRoll,
    withSessions,
    possible,
    attended,
    persistentlyAbsent: withSessions && attended / possible < 0.9,
    exclusions,
    sessionsLost,
    permanent,
    reduced: pupil && random() < 0.08,
    dueAPep,
    withCurrentPep: dueAPep && currentPeps > 0,
    currentPeps,
    agreed,
    reviewed: agreed && random() < 0.7 ? 1 : 0,
    voice: currentPeps > 0 && random() < 0.75 ? 1 : 0,
    started,
    onTime,
    aln,
    idp: aln && random() < 0.6,
    aged4to16,
    withSdq,
    concern: withSdq && random() < 0.3,
    unstable: random() < 0.1,
    schoolMove: onRoll && random() < 0.12,
    targetsDue,
    targetsMet,
    destination: random() < 0.9,
    neet: random() < 0.35,
  };
}

const count = (cs: readonly Child[], key: string) => cs.filter((c) => c[key] === true || (typeof c[key] === 'number' && (c[key] as number) > 0)).length;
const total = (cs: readonly Child[], key: string) => cs.reduce((s, c) => s + (typeof c[key] === 'number' ? (c[key] as number) : c[key] ? 1 : 0), 0);
const only = (cs: readonly Child[], key: string) => cs.filter((c) => c[key] === true || (typeof c[key] === 'number' && (c[key] as number) > 0));

/** What each view counts over the children in one cell. */
const COUNTERS: Readonly<Record<string, (cs: readonly Child[]) => Counts>> = {
  cohort: (cs) => ({ numerator: cs.length, denominator: null, children: cs.length }),
  attendance: (cs) => ({ numerator: total(cs, 'attended'), denominator: total(cs, 'possible'), children: count(cs, 'withSessions') }),
  'persistent-absence': (cs) => ({ numerator: count(cs, 'persistentlyAbsent'), denominator: count(cs, 'withSessions'), children: count(cs, 'withSessions') }),
  exclusions: (cs) => ({ numerator: total(cs, 'exclusions'), denominator: count(cs, 'pupil'), children: count(cs, 'exclusions') }),
  'exclusion-days': (cs) => ({ numerator: total(cs, 'sessionsLost'), denominator: count(cs, 'pupil'), children: count(cs, 'exclusions') }),
  'permanent-exclusions': (cs) => ({ numerator: total(cs, 'permanent'), denominator: null, children: count(cs, 'permanent') }),
  'reduced-timetable': (cs) => ({ numerator: count(cs, 'reduced'), denominator: count(cs, 'pupil'), children: count(cs, 'pupil') }),
  'pep-in-place': (cs) => ({ numerator: count(cs, 'withCurrentPep'), denominator: count(cs, 'dueAPep'), children: count(cs, 'dueAPep') }),
  'pep-timely': (cs) => ({ numerator: total(cs, 'onTime'), denominator: total(cs, 'started'), children: count(cs, 'started') }),
  'pep-reviewed': (cs) => ({ numerator: total(cs, 'reviewed'), denominator: total(cs, 'agreed'), children: count(cs, 'agreed') }),
  'pep-voice': (cs) => ({ numerator: total(cs, 'voice'), denominator: total(cs, 'currentPeps'), children: count(cs, 'currentPeps') }),
  idp: (cs) => ({ numerator: count(cs, 'idp'), denominator: count(cs, 'aln'), children: count(cs, 'aln') }),
  'sdq-completed': (cs) => ({ numerator: count(cs, 'withSdq'), denominator: count(cs, 'aged4to16'), children: count(cs, 'aged4to16') }),
  'sdq-concern': (cs) => ({ numerator: count(cs, 'concern'), denominator: count(cs, 'withSdq'), children: count(cs, 'withSdq') }),
  'placement-stability': (cs) => ({ numerator: count(cs, 'unstable'), denominator: cs.length, children: cs.length }),
  'school-stability': (cs) => ({ numerator: count(cs, 'schoolMove'), denominator: count(cs, 'onRoll'), children: count(cs, 'onRoll') }),
  'targets-met': (cs) => ({ numerator: total(cs, 'targetsMet'), denominator: total(cs, 'targetsDue'), children: count(cs, 'targetsDue') }),
  neet: (cs) => ({
    numerator: only(cs, 'destination').filter((c) => c['neet'] === true).length,
    denominator: count(cs, 'destination'),
    children: count(cs, 'destination'),
  }),
};

export interface SyntheticOptions {
  readonly scale: 'wales' | 'small';
  /** Days after the first refresh: another day's cohort. */
  readonly day?: number;
  readonly measures?: readonly string[];
  /** Children per authority (by GSS code) instead of the scale's: synthetic history sized like today. */
  readonly sizes?: ReadonlyMap<string, number>;
}

export function syntheticCounts(seed: number, { scale, day = 0, measures, sizes }: SyntheticOptions): CountRow[] {
  const random = seededRandom(seed * 7919 + day * 104729 + 1);
  const rows: CountRow[] = [];
  const chosen = MEASURES.filter((m) => m.available && (!measures || measures.includes(m.id)));
  for (const authority of AUTHORITY_FACTS) {
    const given = sizes?.get(authority.code);
    const size =
      given !== undefined
        ? Math.max(0, Math.round(given * (0.9 + random() * 0.2)))
        : scale === 'wales'
          ? Math.round(authority.childrenLookedAfter2024 * (0.9 + random() * 0.2))
          : 3 + Math.floor(random() * 58);
    const children = Array.from({ length: size }, () => child(random));
    const young = Array.from({ length: Math.round(size * 0.2) }, () => child(random, true));
    for (const measure of chosen) {
      const counter = COUNTERS[measure.id];
      if (!counter) throw new Error(`no synthetic counter for ${measure.id}`);
      const population = measure.id === 'neet' ? young : children;
      for (const [dimension, categories] of Object.entries(dimensionsOf(measure))) {
        for (const category of categories) {
          const inCell = population.filter((c) => c.categories[dimension] === category);
          rows.push({ authorityCode: authority.code, measure: measure.id, dimension, category, ...counter(inCell) });
        }
      }
    }
  }
  return rows;
}
