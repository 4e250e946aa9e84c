// The attacker: a reader holding every published figure and the table's additive structure, trying to
// work out hidden counts by adding and subtracting, and by knowing that counts are never negative.
// Suppression is only as safe as this is thorough, so it is exact and runs to a fixed point: per
// connected part of the table, exact elimination (sums and differences), bound propagation (cheap
// zeros and ranges), then linear programmes for zeros only the whole part reveals; every value found
// becomes one more known figure and the attack starts again.
import { determinedByBounds } from './bounds.ts';
import { determinedByEquations, InconsistentFiguresError, type Equation } from './elimination.ts';
import { forcedZeros, forcedZerosGiven } from './zeros.ts';
import type { AdditiveRelation } from './types.ts';

/** Union-find over unknowns, so each connected part of the table is solved on its own (much smaller). */
function components(count: number, equations: readonly Equation[]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[i] !== root) [i, parent[i]] = [parent[i] ?? root, root];
    return root;
  };
  for (const { coefficients } of equations) {
    const [first, ...rest] = coefficients.keys();
    if (first === undefined) continue;
    for (const v of rest) parent[find(v)] = find(first);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}

/** The relations as equations in the cells still hidden, with published values moved to the right. */
function equationsIn(relations: readonly AdditiveRelation[], known: ReadonlyMap<string, bigint>, unknownIndex: (id: string) => number): Equation[] {
  const equations: Equation[] = [];
  for (const { total, parts } of relations) {
    const coefficients = new Map<number, bigint>();
    let rhs = 0n;
    const add = (id: string, sign: bigint): void => {
      const value = known.get(id);
      if (value !== undefined) rhs -= sign * value;
      else {
        const v = unknownIndex(id);
        const next = (coefficients.get(v) ?? 0n) + sign;
        if (next === 0n) coefficients.delete(v);
        else coefficients.set(v, next);
      }
    };
    add(total, 1n);
    for (const part of parts) add(part, -1n);
    if (coefficients.size > 0) equations.push({ coefficients, rhs });
    else if (rhs !== 0n) throw new InconsistentFiguresError(`the published figures for ${total} do not add up`);
  }
  return equations;
}

/** What the attack finds in one connected part of the table (its unknowns numbered 0..n−1). */
function attackPart(names: readonly string[], equations: readonly Equation[], { truth, zeroSearch = true }: AttackHints): Map<string, bigint> {
  const found = new Map<string, bigint>();
  const linear = determinedByEquations(equations);
  for (const [v, value] of linear.values) found.set(names[v] ?? '', value);
  // The reduced rows are sums and differences a reader could form; bounding them too finds zeros
  // that only show once two relations are combined.
  const bounded = determinedByBounds(names.length, [...equations, ...linear.reduced.values()]);
  for (const [v, value] of bounded.fixed) found.set(names[v] ?? '', BigInt(value));
  if (found.size > 0 || !zeroSearch) return found; // simpler facts first: with these known, the next pass may need no programme
  // Zeros that no single chain of bounds reveals (the whole table can be needed to show them).
  const point = truth && names.map((id) => truth.get(id));
  const zeros =
    point?.every((value) => value !== undefined) === true
      ? forcedZerosGiven(
          names.length,
          equations,
          point.map((value) => BigInt(value ?? 0)),
        )
      : forcedZeros(names.length, linear.reduced, new Set(bounded.lower.flatMap((least, v) => (least > 0 ? [v] : []))));
  for (const v of zeros) found.set(names[v] ?? '', 0n);
  return found;
}

/** Speed-ups that suppression, which calls the attack round after round, can offer. */
export interface AttackHints {
  /** The true counts: one solution to start the search for forced zeros from, which makes it small. */
  readonly truth?: ReadonlyMap<string, number>;
  /** Answers for parts of the table already attacked, reused while they are unchanged. */
  readonly memo?: Map<string, Map<string, bigint>>;
  /** False skips the (costliest) search for forced zeros: a quick first pass, not a verdict. */
  readonly zeroSearch?: boolean;
}

/**
 * Every hidden cell whose value the published figures fix, with that value. A cell is hidden when it
 * is in `suppressedIds` or appears in a relation without a published value. Hints only save work;
 * they never change the answer.
 */
export function recoverCells(
  published: ReadonlyMap<string, number>,
  suppressedIds: readonly string[],
  relations: readonly AdditiveRelation[],
  hints: AttackHints = {},
): Map<string, number> {
  const { memo, zeroSearch = true } = hints;
  const hidden = new Set(suppressedIds);
  const known = new Map<string, bigint>();
  for (const [id, value] of published) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${id}: a published count must be a whole number`);
    if (!hidden.has(id)) known.set(id, BigInt(value));
  }
  const recovered = new Map<string, number>();

  // Each value worked out becomes one more figure the reader knows, which may give away another.
  for (;;) {
    const names: string[] = [];
    const indexOf = new Map<string, number>();
    const unknownIndex = (id: string): number => {
      let v = indexOf.get(id);
      if (v === undefined) {
        v = names.push(id) - 1;
        indexOf.set(id, v);
      }
      return v;
    };
    const equations = equationsIn(relations, known, unknownIndex);

    const found = new Map<string, bigint>();
    const byUnknown = new Map<number, Equation[]>();
    for (const equation of equations) {
      const [first] = equation.coefficients.keys();
      if (first === undefined) continue;
      const list = byUnknown.get(first);
      if (list) list.push(equation);
      else byUnknown.set(first, [equation]);
    }
    for (const members of components(names.length, equations)) {
      // Renumber 0..n−1 within the part so bound propagation can use arrays.
      const local = new Map(members.map((v, i) => [v, i]));
      const partEquations: Equation[] = [];
      for (const v of members) {
        for (const equation of byUnknown.get(v) ?? []) {
          const coefficients = new Map<number, bigint>();
          for (const [u, c] of equation.coefficients) coefficients.set(local.get(u) ?? -1, c);
          partEquations.push({ coefficients, rhs: equation.rhs });
        }
      }
      if (partEquations.length === 0) continue;
      const partNames = members.map((v) => names[v] ?? '');
      // A part untouched since an earlier attack (same hidden cells, same published sums) gives the same answer.
      const key = memo && `${zeroSearch}\n${partNames.join('\n')}\n${partEquations.map((e) => `${[...e.coefficients].join(';')}=${e.rhs}`).join('\n')}`;
      let result = key === undefined ? undefined : memo?.get(key);
      if (result === undefined) {
        result = attackPart(partNames, partEquations, hints);
        if (key !== undefined) memo?.set(key, result);
      }
      for (const [id, value] of result) found.set(id, value);
    }
    if (found.size === 0) break;
    for (const [id, value] of found) {
      known.set(id, value);
      recovered.set(id, Number(value));
    }
  }
  return recovered;
}

/**
 * The attacker's verdict: which hidden cells are exactly determined by the published figures through
 * the additive relations (any combination of adding and subtracting, plus counts never being negative).
 * Sorted by id. A cell in a relation but absent from `published` counts as hidden too.
 */
export function recoverableCells(published: ReadonlyMap<string, number>, suppressedIds: readonly string[], relations: readonly AdditiveRelation[]): string[] {
  return [...recoverCells(published, suppressedIds, relations).keys()].sort();
}
