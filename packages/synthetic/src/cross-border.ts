// Makes sure every authority both places a school-age child in another authority and hosts one
// from elsewhere, so cross-border cases exist everywhere even at the smallest scale.
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { schoolYearAgeOn, type Day } from './days.ts';
import { currentPlacement, type ChildPlan } from './plan.ts';
import { neighboursOf } from './profiles.ts';
import type { Random } from './random.ts';
import { FIRST_COMPULSORY_SCHOOL_YEAR_AGE, LAST_COMPULSORY_SCHOOL_YEAR_AGE } from './school-age.ts';

export function ensureCrossBorderEverywhere(rng: Random, children: ReadonlyMap<string, readonly ChildPlan[]>, asOf: Day): void {
  const schoolAge = (child: ChildPlan) => {
    const age = schoolYearAgeOn(child.dateOfBirth, asOf);
    return age >= FIRST_COMPULSORY_SCHOOL_YEAR_AGE && age <= LAST_COMPULSORY_SCHOOL_YEAR_AGE;
  };
  const livesAt = (child: ChildPlan) => currentPlacement(child).authorityCode;
  const placedOut = (child: ChildPlan) => livesAt(child) !== child.home.code;
  // Secure placements stay at the one secure home.
  const movableAtHome = (child: ChildPlan) => schoolAge(child) && !placedOut(child) && currentPlacement(child).type !== 'secure';
  const hosted = (code: string) => {
    let count = 0;
    for (const list of children.values()) {
      for (const child of list) if (schoolAge(child) && placedOut(child) && livesAt(child) === code) count += 1;
    }
    return count;
  };
  const move = (child: ChildPlan, to: string) => {
    currentPlacement(child).authorityCode = to;
  };

  for (const authority of AUTHORITY_FACTS) {
    const own = children.get(authority.code) ?? [];
    if (own.some((c) => schoolAge(c) && placedOut(c))) continue;
    const movable = own.filter(movableAtHome);
    // As a last resort even a secure placement moves: cross-border cases matter more here.
    const candidates = movable.length > 0 ? movable : own.filter((c) => schoolAge(c) && !placedOut(c));
    if (candidates.length === 0) throw new Error(`${authority.code} has no school-age child to place out of county`);
    const neighbours = [...neighboursOf(authority.code)].sort((a, b) => hosted(a) - hosted(b) || a.localeCompare(b));
    const to = neighbours[0];
    if (!to) throw new Error(`${authority.code} has no neighbour`);
    move(rng.pick(candidates), to);
  }

  for (const authority of AUTHORITY_FACTS) {
    if (hosted(authority.code) > 0) continue;
    const neighbours = neighboursOf(authority.code);
    const others = AUTHORITY_FACTS.map((a) => a.code).filter((c) => c !== authority.code && !neighbours.includes(c));
    const child = firstCandidate(rng, [...neighbours, ...others], children, movableAtHome);
    if (!child) throw new Error(`no school-age child can be placed in ${authority.code}`);
    move(child, authority.code);
  }
}

function firstCandidate(
  rng: Random,
  from: readonly string[],
  children: ReadonlyMap<string, readonly ChildPlan[]>,
  eligible: (child: ChildPlan) => boolean,
): ChildPlan | undefined {
  for (const code of from) {
    const candidates = (children.get(code) ?? []).filter(eligible);
    if (candidates.length > 0) return rng.pick(candidates);
  }
  return undefined;
}
