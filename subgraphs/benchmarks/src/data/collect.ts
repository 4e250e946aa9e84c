// Reads one authority's anonymised aggregates, as the anonymised reader role (it can read nothing else).
import postgres from 'postgres';

export interface AggregateRow {
  readonly measure: string;
  readonly dimension: string;
  readonly category: string;
  readonly numerator: number;
  readonly denominator: number | null;
  readonly children: number;
}

export async function collectAggregates(readerUrl: string, timeoutMs: number): Promise<AggregateRow[]> {
  const sql = postgres(readerUrl, { max: 1, connect_timeout: Math.ceil(timeoutMs / 1000), idle_timeout: 1, onnotice: () => undefined });
  try {
    const query = sql<{ measure: string; dimension: string; category: string; numerator: string; denominator: string | null; children: string }[]>`
      select measure, dimension, category, numerator, denominator, children from anonymised.measure_counts`;
    const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref());
    const rows = await Promise.race([query, timer]);
    return rows.map((r) => ({
      ...r,
      numerator: Number(r.numerator),
      denominator: r.denominator === null ? null : Number(r.denominator),
      children: Number(r.children),
    }));
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}
