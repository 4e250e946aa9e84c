// The benchmarks service's settings, read once at start.
import type { CryptoKey } from 'jose';
import { boolean, checkedPostgresUrl, integer, oneOf, optional, perAuthority, port, postgresUrl, publicKeySetting, required, type Env } from '@wales-lac/settings';
import type { Rounding } from './data/releases.ts';

export interface BenchmarksServiceConfig {
  /** The national database (snapshots and releases). */
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  /** Off by default: the reference service owns the national schema; two migrators at once could race. */
  readonly migrate: boolean;
  /** Per authority GSS code: its database as the anonymised reader role (it can read only the anonymised views). */
  readonly anonymisedReaders: ReadonlyMap<string, string>;
  readonly gatewayPublicKey: CryptoKey;
  readonly refreshEveryMs: number;
  readonly rounding: Rounding;
  /** How long the LP audit of each release may work. */
  readonly auditBudgetMs: number;
  readonly host: string;
  readonly port: number;
}

export const ANONYMISED_READER_PREFIX = 'ANONYMISED_READER_URL_';

export async function benchmarksConfigFromEnv(env: Env): Promise<BenchmarksServiceConfig> {
  return {
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 4, 1, 100),
    migrate: boolean(env, 'MIGRATE', false),
    anonymisedReaders: perAuthority(env, ANONYMISED_READER_PREFIX, (e, name) => checkedPostgresUrl(name, required(e, name))),
    gatewayPublicKey: await publicKeySetting(env, 'GATEWAY_PUBLIC_KEY'),
    refreshEveryMs: integer(env, 'BENCHMARK_REFRESH_MINUTES', 60, 0, 7 * 24 * 60) * 60_000,
    rounding: oneOf<Rounding>(env, 'BENCHMARK_ROUNDING', ['none', 'nearest-5'], 'none'),
    auditBudgetMs: integer(env, 'BENCHMARK_AUDIT_SECONDS', 20, 1, 3_600) * 1000,
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port: port(env, 'PORT', 4003),
  };
}
