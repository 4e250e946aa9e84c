import { describe, expect, it } from 'vitest';
import { recoverCells, recoverableCells } from './attacker.ts';
import { InconsistentFiguresError } from './elimination.ts';
import type { AdditiveRelation } from './types.ts';
import { tinyTable, twoWay } from './wales-tables.ts';

const publish = (values: Record<string, number>, hidden: readonly string[]): Map<string, number> =>
  new Map(Object.entries(values).filter(([id]) => !hidden.includes(id)));

describe('the attacker works out what subtraction gives away', () => {
  const region: AdditiveRelation[] = [{ total: 'R', parts: ['A', 'B', 'C'] }];
  const values = { R: 25, A: 3, B: 10, C: 12 };

  it('one hidden part among published parts and total', () => {
    expect(recoverCells(publish(values, ['A']), ['A'], region)).toEqual(new Map([['A', 3]]));
  });
  it('a hidden total whose parts are all published', () => {
    expect(recoverCells(publish(values, ['R']), ['R'], region)).toEqual(new Map([['R', 25]]));
  });
  it('not two hidden parts of one published total (when neither could be zero-forced)', () => {
    expect(recoverableCells(publish(values, ['A', 'B']), ['A', 'B'], region)).toEqual([]);
  });
  it('a cell absent from the published figures counts as hidden', () => {
    expect(recoverableCells(publish(values, ['A']), [], region)).toEqual(['A']);
  });

  it('chains: a region worked out from Wales gives away an authority', () => {
    const relations: AdditiveRelation[] = [
      { total: 'W', parts: ['R1', 'R2'] },
      { total: 'R1', parts: ['A', 'B'] },
      { total: 'R2', parts: ['C', 'D'] },
    ];
    const all = { W: 60, R1: 27, R2: 33, A: 7, B: 20, C: 13, D: 20 };
    const hidden = ['R1', 'R2', 'A'];
    expect(recoverCells(publish(all, hidden), hidden, relations)).toEqual(
      new Map([
        ['R2', 33],
        ['R1', 27],
        ['A', 7],
      ]),
    );
  });

  it('solves simultaneous equations that no single relation isolates', () => {
    // x + y = T and x − y = z: neither relation has one unknown, but adding them gives 2x = T + z.
    const relations: AdditiveRelation[] = [
      { total: 'T', parts: ['x', 'y'] },
      { total: 'x', parts: ['y', 'z'] },
    ];
    const hidden = ['x', 'y'];
    expect(recoverCells(publish({ T: 10, x: 6, y: 4, z: 2 }, hidden), hidden, relations)).toEqual(
      new Map([
        ['x', 6],
        ['y', 4],
      ]),
    );
  });

  it('finds nothing in the 4-cell rectangle of a two-way table', () => {
    const { relations, values: table } = twoWay([
      [2, 8, 10],
      [6, 9, 11],
      [7, 12, 15],
    ]);
    const hidden = ['A.x', 'B.x', 'A.y', 'B.y'];
    expect(recoverableCells(publish(table, hidden), hidden, relations)).toEqual([]);
  });
});

describe('the attacker knows counts are never negative', () => {
  it('two hidden zeros that use up nothing of a published total are both zero', () => {
    const relations: AdditiveRelation[] = [{ total: 'R', parts: ['A', 'B', 'C', 'D'] }];
    const hidden = ['A', 'B'];
    expect(recoverCells(publish({ R: 30, A: 0, B: 0, C: 12, D: 18 }, hidden), hidden, relations)).toEqual(
      new Map([
        ['A', 0],
        ['B', 0],
      ]),
    );
  });
  it('but not when the hidden parts leave something over', () => {
    const relations: AdditiveRelation[] = [{ total: 'R', parts: ['A', 'B', 'C', 'D'] }];
    const hidden = ['A', 'B'];
    expect(recoverableCells(publish({ R: 31, A: 0, B: 1, C: 12, D: 18 }, hidden), hidden, relations)).toEqual([]);
  });
  it('zeros that only show once two relations are combined', () => {
    // R1 + R2 = 30 (W − R3); R1 ≥ 10 and R2 ≥ 20 from their published parts, so R1 = 10, R2 = 20 and
    // the hidden parts a, b, d, e are all zero, though each relation alone has two or more unknowns.
    const relations: AdditiveRelation[] = [
      { total: 'W', parts: ['R1', 'R2', 'R3'] },
      { total: 'R1', parts: ['a', 'b', 'c'] },
      { total: 'R2', parts: ['d', 'e', 'f'] },
    ];
    const values = { W: 70, R1: 10, R2: 20, R3: 40, a: 0, b: 0, c: 10, d: 0, e: 0, f: 20 };
    const hidden = ['R1', 'R2', 'a', 'b', 'd', 'e'];
    expect(recoverCells(publish(values, hidden), hidden, relations)).toEqual(
      new Map([
        ['R1', 10],
        ['R2', 20],
        ['a', 0],
        ['b', 0],
        ['d', 0],
        ['e', 0],
      ]),
    );
  });
  it('zeros that only the whole table shows (found by linear programming, not by bounds)', () => {
    //        s0   s1   s2 | total      published: C.s2, C.total, W.s2, W.total
    //   A     0    0    0 |   0
    //   B     0    0    0 |   0        W.s0 + W.s1 = 7 − 6 = 1 and C.s0 + C.s1 = 6 − 5 = 1, so every
    //   C     0    1    5 |   6        other authority's s0 and s1 is 0 — though no chain of bounds
    //   D     0    0    1 |   1        through single relations shows it.
    //   E     0    0    0 |   0
    const { values, relations } = tinyTable([
      [0, 0, 0],
      [0, 0, 0],
      [0, 1, 5],
      [0, 0, 1],
      [0, 0, 0],
    ]);
    const shown = new Set(['C.s2', 'C.total', 'W.s2', 'W.total']);
    const hidden = [...values.keys()].filter((id) => !shown.has(id));
    const published = new Map([...values].filter(([id]) => shown.has(id)));
    const zeros = ['A.s0', 'A.s1', 'B.s0', 'B.s1', 'D.s0', 'D.s1', 'E.s0', 'E.s1', 'R1.s0', 'R1.s1'];
    expect(recoverCells(published, hidden, relations, { zeroSearch: false }).size).toBe(0);
    const recovered = recoverCells(published, hidden, relations);
    for (const id of zeros) expect(recovered.get(id), id).toBe(0);
    // Given one solution (the truth), the faster search finds the same.
    expect(recoverCells(published, hidden, relations, { truth: values })).toEqual(recovered);
  });
});

describe('the attacker refuses figures that do not add up', () => {
  it('throws', () => {
    const relations: AdditiveRelation[] = [{ total: 'R', parts: ['A', 'B'] }];
    expect(() =>
      recoverableCells(
        new Map([
          ['R', 10],
          ['A', 3],
          ['B', 4],
        ]),
        [],
        relations,
      ),
    ).toThrow(InconsistentFiguresError);
  });
});
