// Runs the reference service as its own process:  node dist/reference.mjs  (settings: config.ts)
import { connectNationalDatabase, migrateNationalDatabase } from '@wales-lac/db';
import { runService } from '@wales-lac/settings';
import { referenceConfigFromEnv } from './config.ts';
import { createReferenceSubgraph } from './service.ts';

runService(
  'reference',
  () => referenceConfigFromEnv(process.env),
  async (config) => {
    const database = connectNationalDatabase(config.databaseUrl, { max: config.databasePoolSize });
    if (config.migrate) await migrateNationalDatabase(database.db);
    const subgraph = await createReferenceSubgraph({ database, gatewayPublicKey: config.gatewayPublicKey });
    const { url } = await subgraph.listen(config.port, config.host);
    return {
      url,
      stop: async () => {
        await subgraph.stop();
        await database.close();
      },
    };
  },
);
