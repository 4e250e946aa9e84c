// Runs one authority's service as its own process (how production runs each of the 22):
//   node dist/authority.mjs   (settings: config.ts, README "Environment")
import { connectAuthorityDatabase, migrateAuthorityDatabase } from '@wales-lac/db';
import { runService } from '@wales-lac/settings';
import { authorityConfigFromEnv } from './config.ts';
import { createAuthoritySubgraph } from './service.ts';

runService(
  'authority',
  () => authorityConfigFromEnv(process.env),
  async (config) => {
    const database = connectAuthorityDatabase(config.databaseUrl, { max: config.databasePoolSize });
    if (config.migrate) await migrateAuthorityDatabase(database.db);
    const subgraph = await createAuthoritySubgraph({ authorityCode: config.authorityCode, database, gatewayPublicKey: config.gatewayPublicKey });
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
