// What every subgraph service (authority, reference, benchmarks) reads alike, and how each is run over
// its database: open the pool, migrate when told to, build the service, listen; stop in reverse order.
import type { CryptoKey } from 'jose';
import { boolean, integer, optional, port, postgresUrl, type Env } from './env.ts';
import { publicKeySetting } from './keys.ts';
import { runService } from './service-main.ts';
import { telemetrySettings, type TelemetrySettings } from './telemetry.ts';

export interface SubgraphServiceSettings {
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  /** Bring the database to the latest schema before serving. */
  readonly migrate: boolean;
  /** Verifies the gateway's per-request assertions. */
  readonly gatewayPublicKey: CryptoKey;
  readonly host: string;
  readonly port: number;
  /** Traces and logs (OTEL_*, LOG_LEVEL). */
  readonly telemetry: TelemetrySettings;
}

/** DATABASE_URL, DATABASE_POOL_SIZE, MIGRATE, GATEWAY_PUBLIC_KEY[_FILE], HOST, PORT, OTEL_*, LOG_LEVEL with this service's defaults. */
export async function subgraphServiceSettings(
  env: Env,
  defaults: { readonly poolSize: number; readonly migrate: boolean; readonly port: number },
): Promise<SubgraphServiceSettings> {
  return {
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', defaults.poolSize, 1, 100),
    migrate: boolean(env, 'MIGRATE', defaults.migrate),
    gatewayPublicKey: await publicKeySetting(env, 'GATEWAY_PUBLIC_KEY'),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port: port(env, 'PORT', defaults.port),
    telemetry: telemetrySettings(env),
  };
}

interface Closable {
  close(): Promise<void>;
}
interface Listening {
  listen(port: number, host?: string): Promise<{ url: string }>;
  stop(): Promise<void>;
}

/** Runs a subgraph service over its database as its own process (see runService). */
export function runSubgraphService<C extends SubgraphServiceSettings, D extends Closable>(
  name: string,
  readConfig: () => Promise<C>,
  database: { open(config: C): D; migrate(database: D): Promise<void> },
  create: (config: C, database: D) => Promise<Listening>,
): void {
  runService(name, readConfig, async (config) => {
    const db = database.open(config);
    if (config.migrate) await database.migrate(db);
    const service = await create(config, db);
    const { url } = await service.listen(config.port, config.host);
    return {
      url,
      stop: async () => {
        await service.stop();
        await db.close();
      },
    };
  });
}
