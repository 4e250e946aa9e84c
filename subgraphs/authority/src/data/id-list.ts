import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any($1::text[])`: a batch of ids as one array parameter. drizzle's `inArray` makes one
 * parameter per id, each built and typed on its own, which was the authority's largest cost on a page
 * of 500 learners (docs/performance.md).
 */
export function anyId(column: AnyPgColumn, ids: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...ids])}::text[])`;
}
