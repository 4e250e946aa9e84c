// The numbers behind the published figures, as measures.ts declares them: which figures show the same number
// (protected as a table of its own, whose pattern binds every figure showing it), and which numbers count part of what another counts (their difference, which a
// reader gets by subtracting, is protected when it is 1 to 4). Decision 0010 says why this is enough.
import { DEFAULT_THRESHOLD } from '@wales-lac/disclosure';
import { NESTED_NUMBERS, type MeasureDefinition } from './measures.ts';
import type { Part } from './suppression.ts';

/** Which of a measure's counts disclosure control checks, hidden together. */
export function partsOf(measure: MeasureDefinition): Part[] {
  if (measure.kind !== 'count') return ['n', 'd', 'c'];
  return measure.countsEvents ? ['n', 'c'] : ['n'];
}

/** The declared name of the number a measure's count is. */
export function numberOf(measure: MeasureDefinition, part: Part): string {
  const name = part === 'n' ? measure.numbers.numerator : part === 'd' ? measure.numbers.denominator : measure.numbers.children;
  if (name === undefined) throw new Error(`measure ${measure.id} does not name its denominator`);
  return name;
}

/** The counts a figure publishes: its numerator, and the denominator of a rate or a per-100 figure (the
 *  children it rests on are checked, never published). */
export const publishedParts = (measure: MeasureDefinition): Part[] => (measure.kind === 'count' ? ['n'] : ['n', 'd']);

/** A figure's count that is a given number. */
export interface Showing {
  readonly measure: MeasureDefinition;
  readonly part: Part;
}

/**
 * Numbers protected as tables of their own: those more than one figure publishes, and those that are another
 * published number in some cells by definition (`equalIn`), with where each is published.
 */
export function protectedNumbers(measures: readonly MeasureDefinition[]): Map<string, Showing[]> {
  const shown = new Map<string, Showing[]>();
  for (const measure of measures) for (const part of publishedParts(measure)) shown.set(numberOf(measure, part), [...(shown.get(numberOf(measure, part)) ?? []), { measure, part }]);
  const equal = new Set(equalities().flatMap((e) => (shown.has(e.whole) && shown.has(e.part) ? [e.whole, e.part] : [])));
  return new Map([...shown].filter(([name, at]) => equal.has(name) || new Set(at.map((a) => a.measure.id)).size > 1));
}

/** Pairs of numbers that are one count in some categories, by definition. */
export function equalities(): { whole: string; part: string; equalIn: Readonly<Record<string, readonly string[]>> }[] {
  return NESTED_NUMBERS.flatMap((n) => (n.equalIn ? [{ whole: n.whole, part: n.part, equalIn: n.equalIn }] : []));
}

export interface Nesting {
  readonly whole: string;
  readonly part: string;
}

/** Every pair of numbers of which one counts part of what the other counts, through any chain of
 *  declared nestings whose differences count children or PEPs. */
export function nestings(): Nesting[] {
  const direct = NESTED_NUMBERS.filter((n) => n.difference !== undefined);
  const pairs = new Map<string, Nesting>();
  const walk = (whole: string, at: string) => {
    for (const n of direct.filter((d) => d.whole === at)) {
      const id = `${whole}>${n.part}`;
      if (pairs.has(id)) continue;
      pairs.set(id, { whole, part: n.part });
      walk(whole, n.part);
    }
  };
  for (const whole of new Set(direct.map((n) => n.whole))) walk(whole, whole);
  return [...pairs.values()];
}

/** Whether a difference a reader can work out gives someone away: 1 to 4 (0 only says two figures agree). */
export const isSmallDifference = (whole: number, part: number, threshold = DEFAULT_THRESHOLD) => whole - part > 0 && whole - part < threshold;
