import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilDiv, floorDiv, gcd } from './arithmetic.ts';

describe('integer helpers', () => {
  it('floorDiv and ceilDiv agree with exact BigInt division', () => {
    const big = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });
    const divisor = fc.integer({ min: -1000, max: 1000 }).filter((b) => b !== 0);
    fc.assert(
      fc.property(big, divisor, (a, b) => {
        const q = BigInt(a) / BigInt(b); // truncates toward zero
        const exact = BigInt(a) % BigInt(b) === 0n;
        const negative = a < 0 !== b < 0;
        expect(floorDiv(a, b)).toBe(Number(exact || !negative ? q : q - 1n));
        expect(ceilDiv(a, b)).toBe(Number(exact || negative ? q : q + 1n));
      }),
    );
  });
  it('gcd ignores signs', () => {
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(gcd(0n, -5n)).toBe(5n);
  });
});
