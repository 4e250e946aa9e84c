// Builds the national benchmarks service: it reads only the authorities' anonymised views (through the
// anonymised reader role), keeps dated snapshots, builds one protected and audited release per refresh,
// and answers from the latest published release.
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@wales-lac/subgraph-edge';
import { parse } from 'graphql';
import type { CryptoKey } from 'jose';
import { createAssertionVerifier } from '@wales-lac/caller';
import type { Connection, NationalDatabase } from '@wales-lac/db';
import { defaultTelemetry, type ServiceTelemetry } from '@wales-lac/telemetry';
import { authenticatedContext, createSubgraphServer, serveSubgraph, type SubgraphService } from '@wales-lac/subgraph-edge';
import { displayLanguageFrom } from '@wales-lac/wales';
import type { BenchmarksContext } from './context.ts';
import type { Rounding } from './data/releases.ts';
import { latestSnapshots } from './data/snapshots.ts';
import { refreshBenchmarks, type RefreshOutcome } from './refresh.ts';
import { createReleaseStore, type ReleaseStore } from './release-store.ts';
import type { ReleaseBuilder } from './report-thread.ts';
import { resolvers } from './resolvers.ts';

/** The LP audit's time per release: its unsettled cells are reported (decision 0012). */
const DEFAULT_AUDIT_BUDGET_MS = 20_000;

export const BENCHMARKS_SDL = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export interface BenchmarksSubgraphConfig {
  readonly database: Connection<NationalDatabase>;
  /** Per authority GSS code: its database URL logged in as the anonymised reader role. */
  readonly anonymisedReaders: ReadonlyMap<string, string>;
  readonly gatewayPublicKey: CryptoKey;
  /** Scheduled refresh interval; 0 turns the schedule off. */
  readonly refreshEveryMs?: number;
  readonly collectTimeoutMs?: number;
  /** How releases publish counts (default: exact counts, see docs/decisions/0012). */
  readonly rounding?: Rounding;
  /** How long the LP audit of each release may work (default 20 s). */
  readonly auditBudgetMs?: number;
  /** Academic years of synthetic history to build, after the first release, where none is published (default 0). */
  readonly historyYears?: number;
  /** How many batches secondary suppression solves (default 8, decision 0015). */
  readonly protectionBatches?: number;
  readonly today?: () => string;
  readonly now?: () => Date;
  /** How a release is built and audited (default: in a worker thread); tests inject a failing one. */
  readonly releaseBuilder?: ReleaseBuilder;
  readonly log?: (line: string) => void;
  /** Metrics (benchmarks_release_age_seconds among them), logs and traces; default: metrics and warnings only. */
  readonly telemetry?: ServiceTelemetry;
}

export interface BenchmarksSubgraph extends SubgraphService {
  refresh(requestedBy: string): Promise<RefreshOutcome>;
  readonly releases: ReleaseStore;
}

export async function createBenchmarksSubgraph(config: BenchmarksSubgraphConfig): Promise<BenchmarksSubgraph> {
  const db = config.database.db;
  const today = config.today ?? (() => new Date().toISOString().slice(0, 10));
  const now = config.now ?? (() => new Date());
  const releases = createReleaseStore(db, {
    rounding: config.rounding ?? 'none',
    auditBudgetMs: config.auditBudgetMs ?? DEFAULT_AUDIT_BUDGET_MS,
    ...(config.protectionBatches === undefined ? {} : { protectionBatches: config.protectionBatches }),
    today,
    ...(config.releaseBuilder ? { builder: config.releaseBuilder } : {}),
    ...(config.log ? { log: config.log } : {}),
  });
  // A refresh answers once its release is recorded as building; the build goes on off the request path.
  const refresh = async (requestedBy: string): Promise<RefreshOutcome & { finished: Promise<unknown> }> => {
    const collected = await refreshBenchmarks(db, config.anonymisedReaders, requestedBy, config.collectTimeoutMs ?? 10_000);
    const started = await releases.build();
    return { ...collected, release: started.release, finished: started.finished };
  };
  const schema = buildSubgraphSchema({ typeDefs: parse(BENCHMARKS_SDL), resolvers: resolvers as GraphQLResolverMap<unknown> });
  const telemetry = config.telemetry ?? defaultTelemetry({ service: 'benchmarks' });
  const apollo = await createSubgraphServer<BenchmarksContext>(schema, { service: 'benchmarks' }, [], undefined, telemetry);
  telemetry.metrics.gauge('benchmarks_release_age_seconds', 'Seconds since the release now served was published (NaN before the first)', async () => {
    const published = (await releases.current())?.summary.finishedAt;
    return published ? (now().getTime() - published.getTime()) / 1000 : Number.NaN;
  });
  const context = authenticatedContext(createAssertionVerifier(config.gatewayPublicKey, 'benchmarks'), (caller, request): BenchmarksContext => {
    const header = request.headers['accept-language'];
    return { caller, language: displayLanguageFrom(Array.isArray(header) ? header[0] : header), releases, refresh, now };
  });
  const service = serveSubgraph(apollo, context, () => config.database.sql`select 1`, telemetry);
  // A fresh install collects and builds its first release before the service says it is up, so the first
  // question is answered from it; later starts answer from the stored release at once.
  if ((await latestSnapshots(db)).length === 0) await (await refresh('first start')).finished;
  else if (!(await releases.current())) await (await releases.build()).finished;
  // History is built after the service is up, one release at a time, never delaying an answer.
  if (config.historyYears)
    void releases
      .buildHistory(config.historyYears)
      .catch((error: unknown) => config.log?.(`synthetic history not built: ${error instanceof Error ? error.message : String(error)}`));
  const timer = config.refreshEveryMs ? setInterval(() => void refresh('schedule').catch(() => undefined), config.refreshEveryMs) : null;
  timer?.unref();
  return {
    ...service,
    refresh,
    releases,
    stop: async () => {
      if (timer) clearInterval(timer);
      // Ends a build under way (terminating its worker thread; it is recorded as failed) and refuses new ones.
      releases.stop();
      await service.stop();
    },
  };
}
