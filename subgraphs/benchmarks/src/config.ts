// The benchmarks service's settings, read once at start.
import {
  checkedPostgresUrl,
  integer,
  oneOf,
  perAuthority,
  required,
  subgraphServiceSettings,
  type Env,
  type SubgraphServiceSettings,
} from '@wales-lac/settings';
import type { Rounding } from './data/releases.ts';

/** The national database (snapshots and releases); not migrated by default, since the reference service owns its schema and two migrators could race. */
export interface BenchmarksServiceConfig extends SubgraphServiceSettings {
  /** Per authority GSS code: its database as the anonymised reader role (it can read only the anonymised views). */
  readonly anonymisedReaders: ReadonlyMap<string, string>;
  readonly refreshEveryMs: number;
  readonly rounding: Rounding;
  /** How long the LP audit of each release may work. */
  readonly auditBudgetMs: number;
  /** Academic years of synthetic history built when missing, so pooled trends exist (0: none). */
  readonly historyYears: number;
  /** How many batches secondary suppression solves. */
  readonly protectionBatches: number;
}

export const ANONYMISED_READER_PREFIX = 'ANONYMISED_READER_URL_';

export async function benchmarksConfigFromEnv(env: Env): Promise<BenchmarksServiceConfig> {
  return {
    ...(await subgraphServiceSettings(env, { poolSize: 4, migrate: false, port: 4003 })),
    anonymisedReaders: perAuthority(env, ANONYMISED_READER_PREFIX, (e, name) => checkedPostgresUrl(name, required(e, name))),
    refreshEveryMs: integer(env, 'BENCHMARK_REFRESH_MINUTES', 60, 0, 7 * 24 * 60) * 60_000,
    rounding: oneOf<Rounding>(env, 'BENCHMARK_ROUNDING', ['none', 'nearest-5'], 'none'),
    auditBudgetMs: integer(env, 'BENCHMARK_AUDIT_SECONDS', 20, 1, 3_600) * 1000,
    historyYears: integer(env, 'BENCHMARK_HISTORY_YEARS', 4, 0, 10),
    protectionBatches: integer(env, 'BENCHMARK_PROTECTION_BATCHES', 8, 1, 64),
  };
}
