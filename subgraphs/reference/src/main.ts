// Runs the reference service as its own process:  node dist/reference.mjs  (settings: config.ts)
import { connectNationalDatabase, migrateNationalDatabase } from '@wales-lac/db';
import { runSubgraphService } from '@wales-lac/settings';
import { referenceConfigFromEnv } from './config.ts';
import { createReferenceSubgraph } from './service.ts';

runSubgraphService(
  'reference',
  () => referenceConfigFromEnv(process.env),
  { open: (config) => connectNationalDatabase(config.databaseUrl, { max: config.databasePoolSize }), migrate: (database) => migrateNationalDatabase(database.db) },
  (config, database) => createReferenceSubgraph({ database, gatewayPublicKey: config.gatewayPublicKey }),
);
