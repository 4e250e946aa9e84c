// Sharing a whole number out in proportion to weights (largest remainder), for stable counts.

export function shareOut(total: number, weights: readonly number[], minimum = 0): number[] {
  const base = minimum * weights.length;
  if (base > total) throw new RangeError(`cannot give ${weights.length} shares at least ${minimum} of ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = total - base;
  const exact = weights.map((w) => (sum > 0 ? (rest * w) / sum : 0));
  const counts = exact.map((x) => Math.floor(x));
  let left = rest - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, remainder: x - Math.floor(x) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  return counts.map((c) => c + minimum);
}

/** Counts for each category from its share of n; the rest go to the fallback, listed last. */
export function splitByShares<T>(n: number, shares: readonly (readonly [T, number, number])[], fallback: T): T[] {
  const out: T[] = [];
  // Each entry is [value, share, minimum].
  for (const [value, share, minimum] of shares) {
    const count = Math.min(n - out.length, Math.max(minimum, Math.round(share * n)));
    for (let i = 0; i < count; i += 1) out.push(value);
  }
  while (out.length < n) out.push(fallback);
  return out;
}
