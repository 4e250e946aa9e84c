// Runs the national benchmarks service as its own process:  node dist/benchmarks.mjs  (settings: config.ts)
import { connectNationalDatabase, migrateNationalDatabase } from '@wales-lac/db';
import { runSubgraphService } from '@wales-lac/settings';
import { flushedOnStop, telemetryFromSettings } from '@wales-lac/telemetry';
import { benchmarksConfigFromEnv } from './config.ts';
import { createBenchmarksSubgraph } from './service.ts';

runSubgraphService(
  'benchmarks',
  () => benchmarksConfigFromEnv(process.env),
  {
    open: (config) => connectNationalDatabase(config.databaseUrl, { max: config.databasePoolSize }),
    migrate: (database) => migrateNationalDatabase(database.db),
  },
  (config, database) => {
    const telemetry = telemetryFromSettings(config.telemetry);
    const service = telemetry.service({ service: 'benchmarks' }, { processMetrics: true });
    return flushedOnStop(
      createBenchmarksSubgraph({
        database,
        anonymisedReaders: config.anonymisedReaders,
        gatewayPublicKey: config.gatewayPublicKey,
        refreshEveryMs: config.refreshEveryMs,
        rounding: config.rounding,
        auditBudgetMs: config.auditBudgetMs,
        historyYears: config.historyYears,
        protectionBatches: config.protectionBatches,
        log: (line) => service.log.info(line),
        telemetry: service,
      }),
      telemetry,
    );
  },
);
