// Statistical neighbours: for each authority, the four whose looked-after populations are most alike, so
// the National Delivery Group compares an authority with authorities like it and not only with Wales.
//
// A stand-in for the official method (which weighs child population, deprivation (WIMD) and rurality,
// none of which are in the reference facts): two facts every authority publishes, standardised across
// the 22 and equally weighted, nearest by Euclidean distance (docs/decisions/0014):
//  - the size of its looked-after population (log of children looked after at 31 March 2024), since
//    services for 120 children and for 1,040 differ in kind;
//  - the share of those children fostered inside the authority, a measure of placement sufficiency
//    that drives school moves and time out of school.
import { AUTHORITY_FACTS } from './authorities.ts';
import type { AuthorityFact } from './types.ts';

export const NEIGHBOURS_PER_AUTHORITY = 4;

export const NEIGHBOUR_METHOD =
  'nearest 4 by standardised log(children looked after) and share fostered inside the authority (31 March 2024); a stand-in for the official method';

type Features = readonly number[];

function features(a: AuthorityFact): Features {
  return [Math.log(a.childrenLookedAfter2024), a.fosterInsideAuthority2024 / a.childrenLookedAfter2024];
}

function standardised(rows: readonly Features[]): Features[] {
  const width = rows[0]?.length ?? 0;
  const columns = Array.from({ length: width }, (_, j) => rows.map((r) => r[j] ?? 0));
  const means = columns.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
  const sds = columns.map((c, j) => Math.sqrt(c.reduce((s, v) => s + (v - (means[j] ?? 0)) ** 2, 0) / c.length) || 1);
  return rows.map((r) => r.map((v, j) => (v - (means[j] ?? 0)) / (sds[j] ?? 1)));
}

/** Each authority's neighbours, nearest first (ties broken by GSS code), from the given facts. */
export function neighboursOf(facts: readonly AuthorityFact[]): ReadonlyMap<string, readonly string[]> {
  const z = standardised(facts.map(features));
  const distance = (i: number, j: number) => Math.hypot(...(z[i] ?? []).map((v, k) => v - (z[j]?.[k] ?? 0)));
  return new Map(
    facts.map((a, i) => [
      a.code,
      facts
        .map((b, j) => ({ code: b.code, d: distance(i, j) }))
        .filter((b) => b.code !== a.code)
        .sort((x, y) => x.d - y.d || x.code.localeCompare(y.code))
        .slice(0, NEIGHBOURS_PER_AUTHORITY)
        .map((b) => b.code),
    ]),
  );
}

const WALES_NEIGHBOURS = neighboursOf(AUTHORITY_FACTS);

/** The statistical neighbours of a Welsh authority (empty for an unknown code). */
export function statisticalNeighbours(code: string): readonly string[] {
  return WALES_NEIGHBOURS.get(code) ?? [];
}
