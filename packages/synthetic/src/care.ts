// Care episodes and placements: when the child came into care, on what order, and where they lived.
import type { AuthorityFact } from '@wales-lac/wales';
import { ageOn, type Day } from './days.ts';
import { destinationFor } from './destinations.ts';
import type { EpisodePlan, LegalStatus, PlacementPlan, PlacementType } from './plan.ts';
import { SECURE_HOME_AUTHORITY } from './profiles.ts';
import type { Random } from './random.ts';

/** Share of children who started to be looked after in the last year (about 2,000 of 7,200). */
const STARTED_THIS_YEAR = 0.28;
/** Share with an earlier, ended episode of care. */
const RETURNED_TO_CARE = 0.15;
/** Share with three or more placements in the last 12 months (9%), allowing for short episodes. */
const UNSTABLE = 0.095;

type Weights<T> = readonly (readonly [T, number])[];

// Current placement types by age, tuned so that Wales-wide about 67% are fostered (a third of
// them with family or friends), 15% with parents, 10% in children's homes and 3% placed for adoption.
const CURRENT_TYPES_UNDER_5: Weights<PlacementType> = [
  ['foster', 0.5],
  ['kinship-foster', 0.26],
  ['with-parents', 0.1],
  ['placed-for-adoption', 0.13],
  ['childrens-home', 0.005],
  ['other', 0.005],
];
const CURRENT_TYPES_5_TO_9: Weights<PlacementType> = [
  ['foster', 0.5],
  ['kinship-foster', 0.27],
  ['with-parents', 0.14],
  ['placed-for-adoption', 0.04],
  ['childrens-home', 0.04],
  ['residential-school', 0.005],
  ['other', 0.005],
];
const CURRENT_TYPES_10_TO_15: Weights<PlacementType> = [
  ['foster', 0.46],
  ['kinship-foster', 0.22],
  ['with-parents', 0.16],
  ['childrens-home', 0.12],
  ['secure', 0.01],
  ['residential-school', 0.015],
  ['other', 0.015],
];
const CURRENT_TYPES_16_17: Weights<PlacementType> = [
  ['foster', 0.38],
  ['kinship-foster', 0.19],
  ['with-parents', 0.18],
  ['childrens-home', 0.14],
  ['secure', 0.015],
  ['independent-living', 0.06],
  ['residential-school', 0.01],
  ['other', 0.025],
];
const EARLIER_TYPES: Weights<PlacementType> = [
  ['foster', 0.58],
  ['kinship-foster', 0.17],
  ['with-parents', 0.1],
  ['childrens-home', 0.12],
  ['other', 0.03],
];

/** Chance the current placement is outside the home authority, by type (about 34% overall). */
const OUT_OF_COUNTY: Readonly<Record<PlacementType, number>> = {
  foster: 0.34,
  'kinship-foster': 0.31,
  'with-parents': 0.2,
  'childrens-home': 0.62,
  secure: 1,
  'placed-for-adoption': 0.45,
  'independent-living': 0.25,
  'residential-school': 0.7,
  other: 0.4,
};
const EARLIER_OUT_OF_COUNTY = 0.25;

// About 80% of children are on care orders; a placement for adoption needs a placement order.
const LEGAL_STATUSES: Weights<LegalStatus> = [
  ['care-order', 0.825],
  ['interim-care-order', 0.07],
  ['voluntary-accommodation', 0.065],
  ['placement-order', 0.015],
  ['remand', 0.005],
  ['other', 0.02],
];
const EARLIER_LEGAL_STATUSES: Weights<LegalStatus> = [
  ['voluntary-accommodation', 0.45],
  ['interim-care-order', 0.25],
  ['care-order', 0.25],
  ['other', 0.05],
];

export interface CareHistory {
  readonly episodes: EpisodePlan[];
  readonly placements: PlacementPlan[];
}

export function makeCareHistory(rng: Random, home: AuthorityFact, dateOfBirth: Day, asOf: Day): CareHistory {
  const ageDays = asOf - dateOfBirth;
  const inCare = ageDays < 365 || rng.chance(STARTED_THIS_YEAR) ? rng.int(0, Math.min(364, ageDays)) : 365 + Math.floor((ageDays - 365) * rng.next() ** 1.4);
  const start = asOf - inCare;
  const episodes: EpisodePlan[] = [];
  const placements: PlacementPlan[] = [];

  const room = start - dateOfBirth;
  if (room > 400 && rng.chance(RETURNED_TO_CARE)) {
    const end = start - rng.int(30, Math.min(700, room - 200));
    const earlierStart = Math.max(dateOfBirth, end - rng.int(30, 600));
    episodes.push({ legalStatus: rng.weighted(EARLIER_LEGAL_STATUSES), start: earlierStart, end });
    const changes = rng.chance(0.3) ? distinctDays(rng, earlierStart + 1, end - 1, 1) : [];
    addPlacements(rng, placements, home, dateOfBirth, 0, [earlierStart, ...changes], end, null);
  }

  const age = ageOn(dateOfBirth, asOf);
  const type = currentType(rng, age);
  const legalStatus: LegalStatus = type === 'placed-for-adoption' ? 'placement-order' : legalStatusFor(rng, age);
  episodes.push({ legalStatus, start, end: null });
  addPlacements(rng, placements, home, dateOfBirth, episodes.length - 1, [start, ...placementChanges(rng, start, asOf)], null, type);
  return { episodes, placements };
}

function legalStatusFor(rng: Random, age: number): LegalStatus {
  const status = rng.weighted(LEGAL_STATUSES);
  return status === 'remand' && age < 10 ? 'care-order' : status;
}

function currentType(rng: Random, age: number): PlacementType {
  if (age < 5) return rng.weighted(CURRENT_TYPES_UNDER_5);
  if (age < 10) return rng.weighted(CURRENT_TYPES_5_TO_9);
  if (age < 16) return rng.weighted(CURRENT_TYPES_10_TO_15);
  return rng.weighted(CURRENT_TYPES_16_17);
}

/** Consecutive placements starting on the given days; the last ends with the episode. */
function addPlacements(
  rng: Random,
  into: PlacementPlan[],
  home: AuthorityFact,
  dateOfBirth: Day,
  episode: number,
  starts: readonly Day[],
  episodeEnd: Day | null,
  currentType: PlacementType | null,
): void {
  starts.forEach((start, i) => {
    const next = starts[i + 1];
    const last = next === undefined;
    // A move ends one placement and starts the next on the same day.
    const end = last ? episodeEnd : next;
    const type = last && currentType ? currentType : earlierType(rng, ageOn(dateOfBirth, start));
    into.push({ episode, type, authorityCode: authorityFor(rng, home, type, last && currentType !== null), start, end });
  });
}

function earlierType(rng: Random, age: number): PlacementType {
  const type = rng.weighted(EARLIER_TYPES);
  return type === 'childrens-home' && age < 5 ? 'foster' : type;
}

function authorityFor(rng: Random, home: AuthorityFact, type: PlacementType, current: boolean): string {
  if (type === 'secure') return SECURE_HOME_AUTHORITY;
  const outChance = current ? OUT_OF_COUNTY[type] : EARLIER_OUT_OF_COUNTY;
  return rng.chance(outChance) ? destinationFor(rng, home) : home.code;
}

/**
 * Days on which the child moved placement during the current episode. Most children move at most
 * once in the last year; the unstable few move at least twice in it.
 */
function placementChanges(rng: Random, start: Day, asOf: Day): Day[] {
  const episodeDays = asOf - start;
  const yearAgo = asOf - 365;
  if (episodeDays >= 60 && rng.chance(UNSTABLE)) {
    const recent = distinctDays(rng, Math.max(start + 1, yearAgo), asOf, 2);
    const first = recent[0];
    if (first !== undefined && rng.chance(0.3) && first - 1 >= start + 1) {
      return [...distinctDays(rng, start + 1, first - 1, 1), ...recent];
    }
    return recent;
  }
  let count = rng.weighted([
    [1, 0.55],
    [2, 0.28],
    [3, 0.12],
    [4, 0.05],
  ]);
  count = Math.min(count, 1 + Math.floor(episodeDays / 45));
  // Earlier moves fall before the last 12 months, so at most two placements touch that year.
  if (count >= 3 && yearAgo - 1 - (start + 1) < (count - 2) * 30) count = 2;
  const early = count >= 3 ? distinctDays(rng, start + 1, yearAgo - 1, count - 2) : [];
  if (count < 2) return early;
  const after = (early[early.length - 1] ?? start) + 1;
  return after <= asOf ? [...early, ...distinctDays(rng, after, asOf, 1)] : early;
}

/** Up to `count` distinct days in [from, to], ascending. */
function distinctDays(rng: Random, from: Day, to: Day, count: number): Day[] {
  if (to < from) return [];
  const wanted = Math.min(count, to - from + 1);
  const days = new Set<Day>();
  while (days.size < wanted) days.add(rng.int(from, to));
  return [...days].sort((a, b) => a - b);
}
