// Schools for every authority at full Welsh scale, whatever the scale of the children.
import { AUTHORITY_FACTS, type AuthorityFact } from '@wales-lac/wales';
import type { SCHOOL_PHASES, TEACHING_MEDIA } from '@wales-lac/db';
import { placesIn } from './places.ts';
import { authorityProfile } from './profiles.ts';
import { streamFor, type Random } from './random.ts';
import { SchoolNamer, type NameKind } from './school-names.ts';
import { shareOut, splitByShares } from './share.ts';
import type { SchoolRow } from './types.ts';

export type SchoolPhase = (typeof SCHOOL_PHASES)[number];
export type TeachingMedium = (typeof TEACHING_MEDIA)[number];

/** Maintained schools in Wales, roughly; secondaries include all-age ("middle") schools. */
export const WALES_SCHOOL_TOTALS = { primary: 1220, secondary: 180, special: 40, pru: 25 } as const;

/** Share of secondary places that are all-age schools. */
const ALL_AGE_SHARE = 0.14;

export interface SchoolCounts {
  readonly primary: number;
  readonly secondary: number;
  readonly special: number;
  readonly pru: number;
}

/** Every authority gets at least one of each, the rest in proportion to its school estate. */
export function schoolCounts(): ReadonlyMap<string, SchoolCounts> {
  const weights = AUTHORITY_FACTS.map((a) => authorityProfile(a.code).schoolWeight);
  const primary = shareOut(WALES_SCHOOL_TOTALS.primary, weights, 1);
  const secondary = shareOut(WALES_SCHOOL_TOTALS.secondary, weights, 1);
  const special = shareOut(WALES_SCHOOL_TOTALS.special, weights, 1);
  const pru = shareOut(WALES_SCHOOL_TOTALS.pru, weights, 1);
  return new Map(
    AUTHORITY_FACTS.map((a, i) => [a.code, { primary: primary[i] ?? 1, secondary: secondary[i] ?? 1, special: special[i] ?? 1, pru: pru[i] ?? 1 }]),
  );
}

export function generateSchools(seed: number): SchoolRow[] {
  const counts = schoolCounts();
  return AUTHORITY_FACTS.flatMap((authority) => {
    const count = counts.get(authority.code);
    return count ? authoritySchools(streamFor(seed, `schools:${authority.code}`), authority, count) : [];
  });
}

/** Establishment numbers by range: PRUs 1xxx, primaries 2xxx, secondaries 4xxx, special 7xxx. */
class EstablishmentNumbers {
  private readonly next = new Map<number, number>();
  constructor(private readonly rng: Random) {}

  take(base: number): string {
    const current = this.next.get(base) ?? base + this.rng.int(1, 20);
    const number = current;
    this.next.set(base, current + this.rng.int(1, 6));
    if (number >= base + 1000) throw new RangeError(`establishment range ${base} is full`);
    return String(number);
  }
}

function authoritySchools(rng: Random, authority: AuthorityFact, count: SchoolCounts): SchoolRow[] {
  const profile = authorityProfile(authority.code);
  const namer = new SchoolNamer(rng, placesIn(authority.code));
  const numbers = new EstablishmentNumbers(rng);
  const rows: SchoolRow[] = [];
  const add = (base: number, kind: NameKind, phase: SchoolPhase, medium: TeachingMedium, ages: readonly [number, number]) => {
    rows.push({
      id: authority.upnLaNumber + numbers.take(base),
      ...namer.name(kind),
      authorityCode: authority.code,
      phase,
      medium,
      lowestAge: ages[0],
      highestAge: ages[1],
    });
  };
  // Every authority has some Welsh-medium primary provision.
  const primaryMedia = rng.shuffled(
    splitByShares<TeachingMedium>(
      count.primary,
      [
        ['welsh', profile.primaryWelsh, 1],
        ['dual-stream', profile.primaryDualStream, 0],
      ],
      'english',
    ),
  );
  for (const medium of primaryMedia) {
    add(2000, medium === 'welsh' ? 'primary-welsh' : 'primary-english', 'primary', medium, [rng.chance(0.7) ? 3 : 4, 11]);
  }
  const secondaryMedia = rng.shuffled(
    splitByShares<TeachingMedium>(
      count.secondary,
      [
        ['welsh', profile.secondaryWelsh, 0],
        ['bilingual', profile.secondaryBilingual, 0],
        ['dual-stream', profile.secondaryDualStream, 0],
      ],
      'english',
    ),
  );
  secondaryMedia.forEach((medium, i) => {
    const welshName = medium === 'welsh' || medium === 'bilingual';
    // The first secondary always has a sixth form, so every authority can take post-16 pupils.
    if (i > 0 && rng.chance(ALL_AGE_SHARE)) {
      add(4000, welshName ? 'middle-welsh' : 'middle-english', 'middle', medium, [rng.chance(0.6) ? 3 : 4, rng.chance(0.5) ? 16 : 18]);
    } else {
      add(4000, welshName ? 'secondary-welsh' : 'secondary-english', 'secondary', medium, [11, i === 0 || rng.chance(0.65) ? 18 : 16]);
    }
  });
  const supportMedium: TeachingMedium = profile.primaryWelsh >= 0.5 ? 'bilingual' : 'english';
  for (let i = 0; i < count.special; i += 1) {
    // The first special school is all-age so any child can be placed in one nearby.
    const ages =
      i === 0
        ? ([3, 19] as const)
        : rng.pick([
            [3, 19],
            [11, 19],
            [3, 11],
          ] as const);
    add(7000, 'special', 'special', supportMedium, ages);
  }
  for (let i = 0; i < count.pru; i += 1) {
    add(1000, 'pru', 'pru', supportMedium, i === 0 || rng.chance(0.7) ? [11, 16] : [5, 11]);
  }
  return rows;
}
