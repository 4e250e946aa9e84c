// Runs the national gateway as its own process:  node dist/gateway.mjs  (settings: config.ts). With
// GATEWAY_WORKERS above 1 this process is the primary of that many workers on the one port, and serves
// their metrics summed (decision 0024).
import { runServiceWorkers, type RunningService, type WorkerPool } from '@wales-lac/settings';
import { answerMetricsToPrimary, createLogger, createMetricsServer, telemetryFromSettings, workerPoolMetrics, workersRegistry } from '@wales-lac/telemetry';
import type { GatewayServiceConfig } from './config.ts';
import { gatewayConfigFromEnv } from './config.ts';
import { createGateway } from './service.ts';
import { loadSupergraph } from './supergraph.ts';

const LABELS = { service: 'gateway' };

/** The gateway itself: alone (`slot` null) it serves its own metrics; a worker leaves them to the primary. */
async function startGateway(config: GatewayServiceConfig, slot: number | null): Promise<RunningService> {
  const telemetry = telemetryFromSettings(config.telemetry);
  const service = telemetry.service(LABELS, { processMetrics: true, edge: true });
  const gateway = await createGateway({
    telemetry: service,
    supergraphSdl: loadSupergraph(),
    authorities: config.authorities,
    services: config.services,
    identity: config.identity,
    assertionPrivateKey: config.assertionPrivateKey,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    limits: config.limits,
    ...(config.profile === 'production' ? { production: { developerRole: config.developerRole } } : {}),
    ...(config.explorer ? { explorer: {} } : {}),
    ...(config.trustedDocuments ? { trustedDocuments: config.trustedDocuments } : {}),
  });
  if (slot !== null) {
    // Which worker took each request: shows the connections spread over the workers (summing hides it).
    const taken = service.metrics.counter('service_worker_http_requests_total', 'HTTP requests taken by each worker (1 to GATEWAY_WORKERS)', ['worker']);
    const mine = taken.labels({ worker: String(slot) });
    // At 0 from the start, so a new worker shows before its first request.
    mine.inc(0);
    gateway.http.httpServer.on('request', () => mine.inc());
    answerMetricsToPrimary(service.metrics.registry);
  }
  const { url } = await gateway.listen(config.port, config.host);
  if (config.metrics && slot === null) service.log.info({ url: (await gateway.listenMetrics(config.metrics.port, config.metrics.host)).url }, 'metrics served');
  return {
    url,
    stop: async () => {
      await gateway.stop();
      await telemetry.shutdown();
    },
  };
}

/** The primary's GET /metrics: every worker's registry summed, with the workers' own counts. */
async function serveWorkersMetrics(config: GatewayServiceConfig, pool: WorkerPool): Promise<{ stop(): Promise<void> } | null> {
  if (!config.metrics) return null;
  const own = workerPoolMetrics(LABELS, pool);
  const server = createMetricsServer(() => workersRegistry(own));
  const { url } = await server.listen(config.metrics.port, config.metrics.host);
  createLogger(config.telemetry.logLevel, LABELS).info({ url, workers: config.workers }, 'metrics served (summed over the workers)');
  return { stop: () => server.close() };
}

runServiceWorkers('gateway', () => gatewayConfigFromEnv(process.env), {
  count: (config) => config.workers,
  start: startGateway,
  primary: serveWorkersMetrics,
});
