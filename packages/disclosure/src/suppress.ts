// Statistical disclosure control for the national benchmarks: hide small counts (primary suppression),
// then hide just enough other figures (secondary suppression) that no hidden count can be worked out
// from what is published. Safety comes from checking with the attacker after every step, not from
// rules of thumb about rows and columns.
import { recoverCells } from './attacker.ts';
import { linkedClasses } from './links.ts';
import type { AdditiveRelation, PublishedCount } from './types.ts';

/** A published count below this is suppressed, zero included (METRICS.md, "How figures are published"). */
export const DEFAULT_THRESHOLD = 5;

export interface SuppressionOptions {
  /** Counts below this are suppressed. Default 5. */
  readonly threshold?: number;
  /**
   * Groups hidden all-or-nothing: if any id in a group is suppressed, all are. Pass a rate's numerator
   * and denominator as a group, so a rate with either below the threshold is suppressed whole.
   */
  readonly links?: readonly (readonly string[])[];
  /** Counts already suppressed elsewhere (e.g. in a table published beside this one): kept hidden here. */
  readonly forced?: readonly string[];
}

export interface SuppressionResult {
  /** Counts below the threshold. */
  readonly primary: ReadonlySet<string>;
  /** Everything else hidden: cells that would give a hidden count away, and cells linked to hidden ones. */
  readonly secondary: ReadonlySet<string>;
  /** primary ∪ secondary. */
  readonly suppressed: ReadonlySet<string>;
  isSuppressed(id: string): boolean;
}

function checkedValues(counts: readonly PublishedCount[]): Map<string, number> {
  const values = new Map<string, number>();
  for (const { id, value } of counts) {
    if (values.has(id)) throw new Error(`count ${id} is given twice`);
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`count ${id} must be a non-negative whole number`);
    values.set(id, value);
  }
  return values;
}

function checkRelations(values: ReadonlyMap<string, number>, relations: readonly AdditiveRelation[]): void {
  for (const { total, parts } of relations) {
    let sum = 0;
    for (const id of [total, ...parts]) if (!values.has(id)) throw new Error(`relation for ${total} refers to unknown count ${id}`);
    for (const id of parts) sum += values.get(id) ?? 0;
    // The attacker models the table as exactly additive; a table that is not would make its verdict wrong.
    if (sum !== values.get(total)) throw new Error(`${total} is ${values.get(total)} but its parts add up to ${sum}`);
  }
}

/**
 * Which counts to suppress. Counts below the threshold go first (with anything linked to them); then,
 * while the attacker can work out any hidden count from what is left, one more published cell is
 * hidden for it: from a relation where it is the only hidden cell if there is one, preferring cells
 * that are not grand totals, then the smallest, then the first by id. The result is deterministic and
 * does not depend on the order of `counts` or `relations`. Throws when
 the counts do not satisfy the relations, when a relation or
 * link names a count that is not given, and when a count cannot be protected at all (the relations
 * alone, with nothing published, pin it down).
 */
export function suppress(
  counts: readonly PublishedCount[],
  relations: readonly AdditiveRelation[],
  options: SuppressionOptions = {},
): SuppressionResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isSafeInteger(threshold) || threshold < 0) throw new RangeError('threshold must be a non-negative whole number');
  const values = checkedValues(counts);
  checkRelations(values, relations);
  const linked = linkedClasses(options.links ?? []);
  for (const id of linked.keys()) if (!values.has(id)) throw new Error(`link refers to unknown count ${id}`);

  const relationsOf = new Map<string, number[]>();
  relations.forEach(({ total, parts }, index) => {
    for (const id of new Set([total, ...parts])) {
      const list = relationsOf.get(id);
      if (list) list.push(index);
      else relationsOf.set(id, [index]);
    }
  });
  const isPart = new Set(relations.flatMap((r) => r.parts));
  // Hiding a grand total (Wales, all children) costs the reader most, so it is the last resort.
  const isGrandTotal = (id: string): boolean => !isPart.has(id) && relationsOf.has(id);

  const hidden = new Set<string>();
  const hide = (id: string): string[] => {
    const added: string[] = [];
    for (const each of linked.get(id) ?? [id]) {
      if (!hidden.has(each)) {
        hidden.add(each);
        added.push(each);
      }
    }
    return added;
  };

  const primary = new Set<string>();
  for (const [id, value] of values) {
    if (value < threshold) {
      primary.add(id);
      hide(id);
    }
  }

  for (const id of options.forced ?? []) {
    if (!values.has(id)) throw new Error(`forced suppression refers to unknown count ${id}`);
    hide(id);
  }

  const better = (a: string, b: string): boolean => {
    const rank = (id: string): [number, number] => [isGrandTotal(id) ? 1 : 0, values.get(id) ?? 0];
    const [ga, va] = rank(a);
    const [gb, vb] = rank(b);
    return ga !== gb ? ga < gb : va !== vb ? va < vb : a < b;
  };

  /** A published cell in a relation where `id` is the only hidden one: there subtraction gives `id`
   *  straight away, and hiding that cell is the direct fix. */
  const directComplementFor = (id: string): string | undefined => {
    let best: string | undefined;
    for (const r of relationsOf.get(id) ?? []) {
      const relation = relations[r];
      if (relation === undefined) continue;
      const members = [relation.total, ...relation.parts].filter((other) => other !== id);
      if (members.some((other) => hidden.has(other))) continue;
      for (const other of members) if (best === undefined || better(other, best)) best = other;
    }
    return best;
  };

  /** For a cell worked out only by combining relations (or from zeros): the best published cell sharing
   *  a relation with it, else the nearest reached through relations of other hidden cells. */
  const complementFor = (id: string): string | undefined => {
    const seenRelations = new Set<number>();
    const seenCells = new Set([id]);
    let frontier = [id];
    while (frontier.length > 0) {
      let best: string | undefined;
      const next: string[] = [];
      for (const cell of frontier) {
        for (const r of relationsOf.get(cell) ?? []) {
          if (seenRelations.has(r)) continue;
          seenRelations.add(r);
          const relation = relations[r];
          if (relation === undefined) continue;
          for (const other of [relation.total, ...relation.parts]) {
            if (seenCells.has(other)) continue;
            seenCells.add(other);
            if (hidden.has(other)) next.push(other);
            else if (best === undefined || better(other, best)) best = other;
          }
        }
      }
      if (best !== undefined) return best;
      frontier = next;
    }
    return undefined;
  };

  const memo = new Map<string, Map<string, bigint>>();
  for (;;) {
    const published = new Map<string, number>();
    for (const [id, value] of values) if (!hidden.has(id)) published.set(id, value);
    // The quick attack first; the full one (with its search for forced zeros) once that finds nothing.
    let recoverable = [...recoverCells(published, [...hidden], relations, { truth: values, memo, zeroSearch: false }).keys()];
    if (recoverable.length === 0) recoverable = [...recoverCells(published, [...hidden], relations, { truth: values, memo }).keys()];
    if (recoverable.length === 0) break;
    recoverable.sort();

    // Direct exposures first, several per round but only ones far apart (a cell hidden for one may
    // already protect its neighbour; the next attack will say). Cells worked out only by combining
    // relations are often knock-on effects of those, so they wait until none is left.
    const touched = new Set<number>();
    let fixed = false;
    for (const id of recoverable) {
      if ((relationsOf.get(id) ?? []).some((r) => touched.has(r))) continue;
      const complement = directComplementFor(id);
      if (complement === undefined) continue;
      for (const added of hide(complement)) for (const r of relationsOf.get(added) ?? []) touched.add(r);
      fixed = true;
    }
    if (fixed) continue;
    const [first = ''] = recoverable;
    const complement = complementFor(first);
    if (complement === undefined) throw new Error(`${first} cannot be protected: the relations alone determine it`);
    hide(complement);
  }

  const secondary = new Set([...hidden].filter((id) => !primary.has(id)));
  return { primary, secondary, suppressed: hidden, isSuppressed: (id) => hidden.has(id) };
}
