// The reference service's settings, read once at start.
import { subgraphServiceSettings, type Env, type SubgraphServiceSettings } from '@wales-lac/settings';

/** The national database (authorities, regions, schools); the reference service owns its schema, so it migrates it (benchmarks does not). */
export type ReferenceServiceConfig = SubgraphServiceSettings;

export function referenceConfigFromEnv(env: Env): Promise<ReferenceServiceConfig> {
  return subgraphServiceSettings(env, { poolSize: 5, migrate: true, port: 4002 });
}
