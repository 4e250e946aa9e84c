// The numbers behind the published figures, as measures.ts declares them: which count a measure's part
// is (figures showing the same number share one variable in the cell model), and which numbers count part
// of what another counts (their difference, which a reader gets by subtracting, is protected when 1-4).
import { NESTED_NUMBERS, type MeasureDefinition } from './measures.ts';
import type { Part } from './cells.ts';

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

/** The numbers a reader can set against these: nested in them or they in it, through any chain, and a rate's numerator and denominator. */
export function familyOf(numbers: readonly string[], measures: readonly MeasureDefinition[]): Set<string> {
  const links = [
    ...NESTED_NUMBERS.map((n) => [n.whole, n.part] as const),
    ...measures.filter((m) => m.kind === 'rate').map((m) => [numberOf(m, 'd'), numberOf(m, 'n')] as const),
  ];
  const family = new Set(numbers);
  for (let grew = true; grew;) {
    grew = false;
    for (const [a, b] of links) {
      if (family.has(a) !== family.has(b)) {
        family.add(a);
        family.add(b);
        grew = true;
      }
    }
  }
  return family;
}
