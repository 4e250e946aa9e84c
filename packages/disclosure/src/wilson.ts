// Rates are published with a 95% Wilson interval (../shared/design/METRICS.md): unlike the normal
// approximation it stays inside 0..1 and behaves for the small numerators and proportions near 0 or 1 we
// publish.

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959964;

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The Wilson score interval for numerator / denominator, as proportions in 0..1. Throws a RangeError
 * unless 0 ≤ numerator ≤ denominator are whole numbers and denominator > 0: a rate over nobody has no
 * interval, and a table shows it as not applicable ([z]) instead.
 */
export function wilsonInterval(numerator: number, denominator: number, z: number = Z_95): Interval {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) throw new RangeError('counts must be whole numbers');
  if (denominator <= 0) throw new RangeError('a rate needs a denominator above zero');
  if (numerator < 0 || numerator > denominator) throw new RangeError('numerator must be between 0 and the denominator');
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError('z must be a positive number');
  const n = denominator;
  const p = numerator / n;
  const z2 = z * z;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / scale;
  // At 0/n and n/n the bound is exactly 0 or 1; say so rather than leave rounding dust.
  return {
    lower: numerator === 0 ? 0 : Math.max(0, centre - half),
    upper: numerator === denominator ? 1 : Math.min(1, centre + half),
  };
}
