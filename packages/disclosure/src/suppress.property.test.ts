// The attacker test: on many random Welsh tables, publish what `suppress` allows and let the attacker
// try every sum and difference (and non-negativity) on it. It must never recover a hidden count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverCells, recoverableCells } from './attacker.ts';
import { suppress, type SuppressionResult } from './suppress.ts';
import type { AdditiveRelation, PublishedCount } from './types.ts';
import { walesTable, WALES_AUTHORITIES, type AuthoritySplits } from './wales-tables.ts';

const THRESHOLD = 5;

/** Mostly small counts, so small cells (and zeros) are common, with some large ones. */
const count = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.integer({ min: 11, max: 300 }) });

/** Per authority a cross-table (e.g. age band × gender); published as one or both of its margins. */
const authorityCells = fc
  .record({ rows: fc.integer({ min: 3, max: 5 }), columns: fc.integer({ min: 1, max: 2 }) })
  .chain(({ rows, columns }) =>
    fc.array(fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }), {
      minLength: WALES_AUTHORITIES.length,
      maxLength: WALES_AUTHORITIES.length,
    }),
  );

function splitsOf(cross: readonly (readonly number[])[]): AuthoritySplits {
  const age = cross.map((row) => row.reduce((a, b) => a + b, 0));
  const width = cross[0]?.length ?? 0;
  if (width < 2) return { age };
  const gender = Array.from({ length: width }, (_, j) => cross.reduce((a, row) => a + (row[j] ?? 0), 0));
  return { age, gender };
}

function tableFrom(measure: string, data: readonly (readonly (readonly number[])[])[]) {
  const byAuthority = new Map(WALES_AUTHORITIES.map((a, i) => [a, splitsOf(data[i] ?? [])]));
  return walesTable(measure, (a) => byAuthority.get(a) ?? {});
}

function expectProtected(counts: readonly PublishedCount[], relations: readonly AdditiveRelation[], result: SuppressionResult): void {
  const published = new Map(counts.filter((c) => !result.isSuppressed(c.id)).map((c) => [c.id, c.value]));
  // No published count is small, and every small count is primary.
  for (const value of published.values()) expect(value).toBeGreaterThanOrEqual(THRESHOLD);
  expect([...result.primary].sort()).toEqual(counts.filter((c) => c.value < THRESHOLD).map((c) => c.id).sort());
  // The attack on everything published recovers nothing.
  expect(recoverableCells(published, [...result.suppressed], relations)).toEqual([]);
}

describe('no hidden count can be worked out from a suppressed Welsh table', () => {
  const oneMeasure = fc.property(authorityCells, (data) => {
    const { counts, relations } = tableFrom('m', data);
    expectProtected(counts, relations, suppress(counts, relations));
  });

  it('on random tables', { timeout: 60_000 }, () => {
    fc.assert(oneMeasure, { numRuns: 200 });
  });
  it.each([1, 42, 2024])('on the tables of seed %d', { timeout: 60_000 }, (seed) => {
    fc.assert(oneMeasure, { seed, numRuns: 25 });
  });

  it('on random rates, numerator and denominator suppressed together', { timeout: 60_000 }, () => {
    const rate = authorityCells.chain((denominators) =>
      fc
        .tuple(...denominators.map((rows) => fc.tuple(...rows.map((row) => fc.tuple(...row.map((d) => fc.integer({ min: 0, max: d })))))))
        .map((numerators) => ({ denominators, numerators })),
    );
    fc.assert(
      fc.property(rate, ({ denominators, numerators }) => {
        const den = tableFrom('den', denominators);
        const num = tableFrom('num', numerators);
        const counts = [...den.counts, ...num.counts];
        const relations = [...den.relations, ...num.relations];
        const links = den.counts.map((c) => [c.id, c.id.replace(/^den\//, 'num/')]);
        const result = suppress(counts, relations, { links });
        expectProtected(counts, relations, result);
        for (const group of links) {
          expect(new Set(group.map((id) => result.isSuppressed(id))).size).toBe(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('suppression is deterministic', () => {
  it('whatever order the counts and relations come in', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(authorityCells, (data) => {
        const { counts, relations } = tableFrom('m', data);
        const forwards = suppress(counts, relations);
        const backwards = suppress([...counts].reverse(), [...relations].reverse());
        expect([...backwards.suppressed].sort()).toEqual([...forwards.suppressed].sort());
      }),
      { numRuns: 50 },
    );
  });
});

describe('the attacker is not a no-op on these tables', () => {
  it('with only the small counts hidden, it recovers hidden counts, each with its true value', () => {
    let recoveredAny = false;
    fc.assert(
      fc.property(authorityCells, (data) => {
        const { counts, relations, values } = tableFrom('m', data);
        const small = counts.filter((c) => c.value < THRESHOLD).map((c) => c.id);
        const published = new Map(counts.filter((c) => c.value >= THRESHOLD).map((c) => [c.id, c.value]));
        for (const [id, value] of recoverCells(published, small, relations)) {
          expect(value).toBe(values.get(id));
          recoveredAny = true;
        }
      }),
      { numRuns: 100 },
    );
    expect(recoveredAny).toBe(true);
  });
});
