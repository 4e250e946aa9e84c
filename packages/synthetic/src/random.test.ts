import { describe, expect, it } from 'vitest';
import { Random, streamFor } from './random.ts';
import { shareOut } from './share.ts';

const draw = (rng: Random) => Array.from({ length: 5 }, () => rng.int(0, 1_000_000));

describe('seeded randomness', () => {
  it('repeats for the same seed and label, and differs otherwise', () => {
    expect(draw(streamFor(1, 'a'))).toEqual(draw(streamFor(1, 'a')));
    expect(draw(streamFor(1, 'a'))).not.toEqual(draw(streamFor(2, 'a')));
    expect(draw(streamFor(1, 'a'))).not.toEqual(draw(streamFor(1, 'b')));
  });

  it('stays within bounds', () => {
    const rng = new Random(7);
    for (let i = 0; i < 1000; i += 1) {
      const n = rng.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
  });
});

describe('sharing out', () => {
  it('gives exact totals with minimums', () => {
    const shares = shareOut(25, [100, 1, 1, 50], 1);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(25);
    expect(Math.min(...shares)).toBe(1);
  });
});
