import { Placeholder, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AuthorityDatabase } from '@wales-lac/db';

/**
 * `column = any($1::text[])`: a batch of ids as one array parameter (or the `ids` placeholder of a
 * prepared query). drizzle's `inArray` makes one parameter per id, each built and typed on its own, which
 * was the authority's largest cost on a page of 500 learners (docs/performance.md).
 */
export function anyId(column: AnyPgColumn, ids: readonly string[] | Placeholder): SQL {
  return sql`${column} = any(${ids instanceof Placeholder ? ids : sql.param([...ids])}::text[])`;
}

interface Prepared<R> {
  execute(placeholders: { ids: string[] }): Promise<R[]>;
}
const preparedByDatabase = new WeakMap<object, Map<string, Prepared<unknown>>>();

/**
 * A DataLoader batch's select, built by drizzle once per database (`build`, with the ids as a placeholder)
 * and then run with each batch's ids: building a select's SQL was a tenth of an authority's CPU on one
 * child's record.
 */
export function byIds<R>(
  db: AuthorityDatabase,
  ids: readonly string[],
  name: string,
  build: (db: AuthorityDatabase, ids: Placeholder) => { prepare(name: string): Prepared<R> },
): Promise<R[]> {
  let queries = preparedByDatabase.get(db);
  if (!queries) preparedByDatabase.set(db, (queries = new Map()));
  let query = queries.get(name) as Prepared<R> | undefined;
  if (!query) {
    query = build(db, sql.placeholder('ids')).prepare(name);
    queries.set(name, query as Prepared<unknown>);
  }
  return query.execute({ ids: [...ids] });
}
