// Runs the national benchmarks service as its own process:  node dist/benchmarks.mjs  (settings: config.ts)
import { connectNationalDatabase, migrateNationalDatabase } from '@wales-lac/db';
import { runService } from '@wales-lac/settings';
import { benchmarksConfigFromEnv } from './config.ts';
import { createBenchmarksSubgraph } from './service.ts';

runService(
  'benchmarks',
  () => benchmarksConfigFromEnv(process.env),
  async (config) => {
    const database = connectNationalDatabase(config.databaseUrl, { max: config.databasePoolSize });
    if (config.migrate) await migrateNationalDatabase(database.db);
    const subgraph = await createBenchmarksSubgraph({
      database,
      anonymisedReaders: config.anonymisedReaders,
      gatewayPublicKey: config.gatewayPublicKey,
      refreshEveryMs: config.refreshEveryMs,
      rounding: config.rounding,
      auditBudgetMs: config.auditBudgetMs,
      log: (line) => console.log(`[benchmarks] ${line}`),
    });
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
