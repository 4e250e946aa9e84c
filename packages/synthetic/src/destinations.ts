// Where a child placed out of county goes: usually next door, sometimes across Wales.
import { AUTHORITY_FACTS, type AuthorityFact } from '@wales-lac/wales';
import { neighboursOf } from './profiles.ts';
import type { Random } from './random.ts';

const regionOf = new Map(AUTHORITY_FACTS.map((a) => [a.code, a.regionCode]));

/** Another Welsh authority: a neighbour (60%), elsewhere in the region (25%) or anywhere (15%). */
export function destinationFor(rng: Random, home: AuthorityFact): string {
  const neighbours = neighboursOf(home.code);
  const region = AUTHORITY_FACTS.filter((a) => a.code !== home.code && a.regionCode === regionOf.get(home.code) && !neighbours.includes(a.code)).map(
    (a) => a.code,
  );
  const anywhere = AUTHORITY_FACTS.filter((a) => a.code !== home.code).map((a) => a.code);
  const pool = rng.weighted<readonly string[]>([
    [neighbours, neighbours.length > 0 ? 0.6 : 0],
    [region, region.length > 0 ? 0.25 : 0],
    [anywhere, 0.15],
  ]);
  return rng.pick(pool);
}
