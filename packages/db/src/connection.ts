import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as authoritySchema from './schema/authority.ts';
import * as nationalSchema from './schema/national.ts';

export type AuthorityDatabase = PostgresJsDatabase<typeof authoritySchema>;
export type NationalDatabase = PostgresJsDatabase<typeof nationalSchema>;

export interface Connection<D> {
  readonly db: D;
  readonly sql: Sql;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Most connections this pool opens; each authority has its own pool. */
  readonly max?: number;
  /** Called with every statement sent (for measuring statements per request). */
  readonly onQuery?: (query: string) => void;
}

function openSql(url: string, options: PoolOptions): Sql {
  return postgres(url, {
    max: options.max ?? 5,
    onnotice: () => undefined,
    // A restarted server drops idle connections; recycle them rather than fail a request.
    idle_timeout: 30,
    connect_timeout: 10,
    ...(options.onQuery ? { debug: (_connection: number, query: string) => options.onQuery?.(query) } : {}),
  });
}

export function connectAuthorityDatabase(url: string, options: PoolOptions = {}): Connection<AuthorityDatabase> {
  const sql = openSql(url, options);
  return { db: drizzle(sql, { schema: authoritySchema }), sql, close: () => sql.end({ timeout: 5 }) };
}

export function connectNationalDatabase(url: string, options: PoolOptions = {}): Connection<NationalDatabase> {
  const sql = openSql(url, options);
  return { db: drizzle(sql, { schema: nationalSchema }), sql, close: () => sql.end({ timeout: 5 }) };
}
