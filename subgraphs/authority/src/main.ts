// Runs one authority's service as its own process (how production runs each of the 22):
//   node dist/authority.mjs   (settings: config.ts, README "Environment")
import { connectAuthorityDatabase, migrateAuthorityDatabase } from '@wales-lac/db';
import { runSubgraphService } from '@wales-lac/settings';
import { flushedOnStop, telemetryFromSettings } from '@wales-lac/telemetry';
import { authorityConfigFromEnv } from './config.ts';
import { createAuthoritySubgraph } from './service.ts';

runSubgraphService(
  'authority',
  () => authorityConfigFromEnv(process.env),
  {
    open: (config) => connectAuthorityDatabase(config.databaseUrl, { max: config.databasePoolSize }),
    migrate: (database) => migrateAuthorityDatabase(database.db),
  },
  (config, database) => {
    const telemetry = telemetryFromSettings(config.telemetry);
    const service = telemetry.service({ service: 'authority', authority: config.authorityCode }, { processMetrics: true });
    return flushedOnStop(
      createAuthoritySubgraph({ authorityCode: config.authorityCode, database, gatewayPublicKey: config.gatewayPublicKey, telemetry: service }),
      telemetry,
    );
  },
);
