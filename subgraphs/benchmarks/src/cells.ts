// How a report's cells are named: a geography (authority, region or Wales), a split and its category,
// and which of a figure's counts (numerator, denominator, the children it rests on).

export interface GeographyCells {
  readonly code: string;
  readonly level: 'authority' | 'region' | 'wales';
  readonly members: readonly string[];
}

/** Numerator, denominator, and the children a figure rests on (linked: hidden together). */
export type Part = 'n' | 'd' | 'c';
export const cellId = (measure: string, geo: string, dimension: string, category: string, part: Part) => `${measure}|${geo}|${dimension}|${category}|${part}`;
/** Where a figure sits, whatever it shows: geography|dimension|category. */
export const placeId = (geo: string, dimension: string, category: string) => `${geo}|${dimension}|${category}`;

export type Categories = Readonly<Record<string, readonly string[]>>;
