import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as authoritySchema from './schema/authority.ts';
import * as nationalSchema from './schema/national.ts';
import type { Tracer } from '@opentelemetry/api';
import { traceSql } from './traced-sql.ts';

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

/** The database a pool connects to (its name, for spans: no host or credentials). */
function databaseOf(sql: Sql): string {
  const name = (sql.options as { database?: unknown }).database;
  return typeof name === 'string' ? name : 'postgres';
}

/** The same pool with a span around each statement (tracing on); closing it closes the pool. */
export function tracedAuthorityConnection(connection: Connection<AuthorityDatabase>, tracer: Tracer): Connection<AuthorityDatabase> {
  const sql = traceSql(connection.sql, tracer, databaseOf(connection.sql));
  return { db: drizzle(sql, { schema: authoritySchema }), sql, close: connection.close };
}

export function tracedNationalConnection(connection: Connection<NationalDatabase>, tracer: Tracer): Connection<NationalDatabase> {
  const sql = traceSql(connection.sql, tracer, databaseOf(connection.sql));
  return { db: drizzle(sql, { schema: nationalSchema }), sql, close: connection.close };
}
