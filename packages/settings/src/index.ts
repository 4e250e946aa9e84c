export {
  ConfigurationError,
  optional,
  required,
  integer,
  workerCount,
  MAX_WORKERS,
  port,
  oneOf,
  boolean,
  postgresUrl,
  checkedPostgresUrl,
  httpUrl,
  perAuthority,
} from './env.ts';
export type { Env } from './env.ts';
export { publicKeySetting, privateKeySetting } from './keys.ts';
export { runService, settingsOrExit, stopOnSignals, exitOnStartFailure, EXIT_CONFIGURATION } from './service-main.ts';
export type { RunningService } from './service-main.ts';
export { runServiceWorkers, WORKER_SLOT } from './service-workers.ts';
export type { ServiceWorkersOptions, WorkerPool } from './service-workers.ts';
export { runSubgraphService, subgraphServiceSettings } from './subgraph-service.ts';
export type { SubgraphServiceSettings } from './subgraph-service.ts';
export { telemetrySettings, metricsListenSettings, LOG_LEVELS } from './telemetry.ts';
export type { TelemetrySettings, TraceExportSettings, MetricsListenSettings, LogLevel } from './telemetry.ts';
