import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson.ts';

describe('wilsonInterval', () => {
  // Reference values: the Wilson score interval at z = 1.959964 (as in R's prop.test without continuity
  // correction, and Newcombe 1998).
  it.each([
    [5, 10, 0.2366, 0.7634],
    [1, 10, 0.0179, 0.4042],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [50, 100, 0.4038, 0.5962],
    [81, 263, 0.2553, 0.3662],
  ])('%d / %d → %f..%f', (numerator, denominator, lower, upper) => {
    const interval = wilsonInterval(numerator, denominator);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it('is exactly 0 below none and exactly 1 above all', () => {
    expect(wilsonInterval(0, 7).lower).toBe(0);
    expect(wilsonInterval(7, 7).upper).toBe(1);
  });

  it('narrows with a wider z only the other way round', () => {
    const at95 = wilsonInterval(5, 20);
    const at99 = wilsonInterval(5, 20, 2.575829);
    expect(at99.lower).toBeLessThan(at95.lower);
    expect(at99.upper).toBeGreaterThan(at95.upper);
  });

  it.each([
    ['a denominator of 0', 0, 0],
    ['a numerator above the denominator', 6, 5],
    ['a negative numerator', -1, 5],
    ['a fractional count', 1.5, 5],
  ])('refuses %s', (_, numerator, denominator) => {
    expect(() => wilsonInterval(numerator, denominator)).toThrow(RangeError);
  });
});
