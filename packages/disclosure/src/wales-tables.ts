// Synthetic tables shaped like the national benchmarks, for tests and the benchmark script only (not
// part of the public API): 22 authorities in the 4 regions, each geography's total split one or more
// ways, every cell additive up the hierarchy.
import type { AdditiveRelation, PublishedCount } from './types.ts';

/** Authorities by region, as in packages/wales (copied so this package stays dependency-free). */
export const WALES_REGIONS: Readonly<Record<string, readonly string[]>> = {
  GWE: ['AGY', 'GWN', 'CWY', 'DEN', 'FLN', 'WRX'],
  ERW: ['POW', 'CGN', 'PEM', 'CMN', 'SWA', 'NTL'],
  CSC: ['BGE', 'VGL', 'CRF', 'RCT', 'MTY'],
  EAS: ['CAY', 'BGW', 'TOF', 'MON', 'NWP'],
};

export const WALES_AUTHORITIES: readonly string[] = Object.values(WALES_REGIONS).flat();

/** One authority's cells: for each split (age band, gender, ...) the counts in its parts. */
export type AuthoritySplits = Readonly<Record<string, readonly number[]>>;

export interface Table {
  readonly counts: PublishedCount[];
  readonly relations: AdditiveRelation[];
  readonly values: ReadonlyMap<string, number>;
}

export const cellId = (measure: string, geography: string, column: string): string => `${measure}/${geography}/${column}`;

/**
 * The full table for one measure: authority cells as given, regions and Wales summed from them, and
 * the relations a reader could use. Every split of one authority must add up to the same total.
 */
export function walesTable(measure: string, byAuthority: (authority: string) => AuthoritySplits): Table {
  const values = new Map<string, number>();
  const relations: AdditiveRelation[] = [];
  const columns = new Set<string>(['total']);

  const addGeography = (geography: string, splits: AuthoritySplits): void => {
    let total: number | undefined;
    for (const [split, parts] of Object.entries(splits)) {
      const sum = parts.reduce((a, b) => a + b, 0);
      if (total !== undefined && sum !== total) throw new Error(`${geography}: splits disagree on the total`);
      total = sum;
      const ids = parts.map((value, i) => {
        const column = `${split}:${i}`;
        columns.add(column);
        values.set(cellId(measure, geography, column), value);
        return cellId(measure, geography, column);
      });
      relations.push({ total: cellId(measure, geography, 'total'), parts: ids });
    }
    values.set(cellId(measure, geography, 'total'), total ?? 0);
  };

  const sumOf = (geographies: readonly string[], column: string): number => geographies.reduce((a, g) => a + (values.get(cellId(measure, g, column)) ?? 0), 0);
  const summedSplits = (geographies: readonly string[], template: AuthoritySplits): AuthoritySplits =>
    Object.fromEntries(Object.entries(template).map(([split, parts]) => [split, parts.map((_, i) => sumOf(geographies, `${split}:${i}`))]));

  let template: AuthoritySplits = {};
  for (const authority of WALES_AUTHORITIES) {
    template = byAuthority(authority);
    addGeography(authority, template);
  }
  for (const [region, authorities] of Object.entries(WALES_REGIONS)) addGeography(region, summedSplits(authorities, template));
  addGeography('WALES', summedSplits(Object.keys(WALES_REGIONS), template));

  for (const column of columns) {
    for (const [region, authorities] of Object.entries(WALES_REGIONS)) {
      relations.push({ total: cellId(measure, region, column), parts: authorities.map((a) => cellId(measure, a, column)) });
    }
    relations.push({ total: cellId(measure, 'WALES', column), parts: Object.keys(WALES_REGIONS).map((r) => cellId(measure, r, column)) });
  }
  return { counts: [...values].map(([id, value]) => ({ id, value })), relations, values };
}

/** A small seeded generator (mulberry32), so benchmark data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `total` spread at random over `parts` cells (each child lands in one part). */
export function spread(total: number, parts: number, random: () => number): number[] {
  const weights = Array.from({ length: parts }, () => random() + 0.05);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}

/** A small hand-worked table: rows A, B, C (authorities) × columns x, y, z (a split), with row totals and a region row R. */
export function twoWay(rows: readonly (readonly number[])[]): { relations: AdditiveRelation[]; values: Record<string, number> } {
  const names = ['A', 'B', 'C'];
  const columns = ['x', 'y', 'z'];
  const values: Record<string, number> = {};
  const relations: AdditiveRelation[] = [];
  rows.forEach((row, r) => {
    const name = names[r] ?? '?';
    row.forEach((value, c) => (values[`${name}.${columns[c]}`] = value));
    values[`${name}.total`] = row.reduce((a, b) => a + b, 0);
  });
  for (const column of [...columns, 'total']) {
    values[`R.${column}`] = names.reduce((a, n) => a + (values[`${n}.${column}`] ?? 0), 0);
    relations.push({ total: `R.${column}`, parts: names.map((n) => `${n}.${column}`) });
  }
  for (const name of [...names, 'R']) relations.push({ total: `${name}.total`, parts: columns.map((c) => `${name}.${c}`) });
  return { relations, values };
}

const TINY_REGIONS = { R1: ['A', 'B'], R2: ['C', 'D', 'E'] };
const TINY_AUTHORITIES = Object.values(TINY_REGIONS).flat();

/** A tiny hierarchy for exhaustive checks: Wales (W) = R1 + R2, R1 = A + B, R2 = C + D + E, one row of
 *  split counts per authority (columns s0, s1, ... and total). */
export function tinyTable(cells: readonly (readonly number[])[]): { values: Map<string, number>; relations: AdditiveRelation[] } {
  const parts = cells[0]?.length ?? 0;
  const columns = [...Array.from({ length: parts }, (_, i) => `s${i}`), 'total'];
  const values = new Map<string, number>();
  const relations: AdditiveRelation[] = [];
  TINY_AUTHORITIES.forEach((a, i) => {
    const row = cells[i] ?? [];
    row.forEach((v, j) => values.set(`${a}.s${j}`, v));
    values.set(
      `${a}.total`,
      row.reduce((x, y) => x + y, 0),
    );
  });
  for (const column of columns) {
    for (const [region, members] of Object.entries(TINY_REGIONS)) {
      values.set(
        `${region}.${column}`,
        members.reduce((x, a) => x + (values.get(`${a}.${column}`) ?? 0), 0),
      );
      relations.push({ total: `${region}.${column}`, parts: members.map((a) => `${a}.${column}`) });
    }
    values.set(`W.${column}`, (values.get(`R1.${column}`) ?? 0) + (values.get(`R2.${column}`) ?? 0));
    relations.push({ total: `W.${column}`, parts: ['R1', 'R2'].map((r) => `${r}.${column}`) });
  }
  for (const geography of [...TINY_AUTHORITIES, 'R1', 'R2', 'W']) {
    relations.push({ total: `${geography}.total`, parts: columns.slice(0, -1).map((c) => `${geography}.${c}`) });
  }
  return { values, relations };
}
