// Integer helpers for exact elimination: rows are kept as integer multiples (no fractions), divided
// through by their gcd so that coefficients stay small on tables like ours.

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** ⌊a / b⌋ for integers held in numbers (b ≠ 0), without trusting floating-point rounding. */
export function floorDiv(a: number, b: number): number {
  if (b < 0) return floorDiv(-a, -b);
  let q = Math.trunc(a / b);
  while (q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  return q + 0; // never −0
}

/** ⌈a / b⌉ for integers held in numbers (b ≠ 0). */
export function ceilDiv(a: number, b: number): number {
  return -floorDiv(-a, b) + 0;
}
