import { describe, expect, it } from 'vitest';
import { recoverableCells } from './attacker.ts';
import { suppress } from './suppress.ts';

describe('forced suppression', () => {
  it('keeps a count hidden elsewhere hidden here, and protects it', () => {
    // Total 30 = 10 + 20: nothing is small, but the total was hidden in a table published beside this one.
    const counts = [
      { id: 'T', value: 30 },
      { id: 'A', value: 10 },
      { id: 'B', value: 20 },
    ];
    const relations = [{ total: 'T', parts: ['A', 'B'] }];
    const result = suppress(counts, relations, { forced: ['T'] });
    expect(result.isSuppressed('T')).toBe(true);
    const published = new Map(counts.filter((c) => !result.isSuppressed(c.id)).map((c) => [c.id, c.value]));
    expect(recoverableCells(published, [...result.suppressed], relations)).toEqual([]);
    expect(() => suppress(counts, relations, { forced: ['nope'] })).toThrow(/unknown count nope/);
  });
});
