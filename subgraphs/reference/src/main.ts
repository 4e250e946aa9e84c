// Runs the reference service as its own process:  node dist/reference.mjs  (settings: config.ts)
import { connectNationalDatabase, migrateNationalDatabase } from '@wales-lac/db';
import { runSubgraphService } from '@wales-lac/settings';
import { flushedOnStop, telemetryFromSettings } from '@wales-lac/telemetry';
import { referenceConfigFromEnv } from './config.ts';
import { createReferenceSubgraph } from './service.ts';

runSubgraphService(
  'reference',
  () => referenceConfigFromEnv(process.env),
  {
    open: (config) => connectNationalDatabase(config.databaseUrl, { max: config.databasePoolSize }),
    migrate: (database) => migrateNationalDatabase(database.db),
  },
  (config, database) => {
    const telemetry = telemetryFromSettings(config.telemetry);
    const service = telemetry.service({ service: 'reference' }, { processMetrics: true });
    return flushedOnStop(createReferenceSubgraph({ database, gatewayPublicKey: config.gatewayPublicKey, telemetry: service }), telemetry);
  },
);
