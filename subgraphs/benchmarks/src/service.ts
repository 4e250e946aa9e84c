// Builds the national benchmarks service: it reads only the authorities' anonymised views (through the
// anonymised reader role), keeps dated snapshots, and serves figures under disclosure control.
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import type { CryptoKey } from 'jose';
import { createAssertionVerifier } from '@wales-lac/caller';
import type { Connection, NationalDatabase } from '@wales-lac/db';
import { authenticatedContext, createSubgraphServer, serveSubgraph, type SubgraphService } from '@wales-lac/subgraph-edge';
import { displayLanguageFrom } from '@wales-lac/wales';
import type { BenchmarksContext } from './context.ts';
import { latestSnapshots } from './data/snapshots.ts';
import { refreshBenchmarks, type RefreshOutcome } from './refresh.ts';
import { createReportStore } from './report-store.ts';
import { resolvers } from './resolvers.ts';

export const BENCHMARKS_SDL = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export interface BenchmarksSubgraphConfig {
  readonly database: Connection<NationalDatabase>;
  /** Per authority GSS code: its database URL logged in as the anonymised reader role. */
  readonly anonymisedReaders: ReadonlyMap<string, string>;
  readonly gatewayPublicKey: CryptoKey;
  /** Scheduled refresh interval; 0 turns the schedule off. */
  readonly refreshEveryMs?: number;
  readonly collectTimeoutMs?: number;
  readonly today?: () => string;
}

export interface BenchmarksSubgraph extends SubgraphService {
  refresh(requestedBy: string): Promise<RefreshOutcome>;
}

export async function createBenchmarksSubgraph(config: BenchmarksSubgraphConfig): Promise<BenchmarksSubgraph> {
  const db = config.database.db;
  const today = config.today ?? (() => new Date().toISOString().slice(0, 10));
  const report = createReportStore(db, today);
  const refresh = async (requestedBy: string) => {
    const outcome = await refreshBenchmarks(db, config.anonymisedReaders, requestedBy, config.collectTimeoutMs ?? 10_000);
    // Start building the new report now, so the next question does not wait for disclosure control.
    void report().catch(() => undefined);
    return outcome;
  };
  const schema = buildSubgraphSchema({ typeDefs: parse(BENCHMARKS_SDL), resolvers: resolvers as GraphQLResolverMap<unknown> });
  const apollo = await createSubgraphServer<BenchmarksContext>(schema, { service: 'benchmarks' });
  const context = authenticatedContext(createAssertionVerifier(config.gatewayPublicKey, 'benchmarks'), (caller, request): BenchmarksContext => {
    const header = request.headers['accept-language'];
    return { caller, language: displayLanguageFrom(Array.isArray(header) ? header[0] : header), report, refresh };
  });
  const service = serveSubgraph(apollo, context, () => config.database.sql`select 1`);
  if ((await latestSnapshots(db)).length === 0) await refresh('first start');
  else void report().catch(() => undefined);
  const timer = config.refreshEveryMs ? setInterval(() => void refresh('schedule').catch(() => undefined), config.refreshEveryMs) : null;
  timer?.unref();
  return {
    ...service,
    refresh,
    stop: async () => {
      if (timer) clearInterval(timer);
      // Ends a report build under way (terminating its worker thread) and refuses new ones.
      report.stop();
      await service.stop();
    },
  };
}
