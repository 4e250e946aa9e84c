/** One figure that could appear in a published table: a count of children (a non-negative integer). */
export interface PublishedCount {
  readonly id: string;
  readonly value: number;
}

/**
 * value(total) = Σ value(parts). Tables are additive in every direction (Wales = Σ regions, region = Σ
 * authorities, a geography's total = Σ its splits), and each relation is a way a reader could subtract
 * published figures to work out a hidden one.
 */
export interface AdditiveRelation {
  readonly total: string;
  readonly parts: readonly string[];
}
