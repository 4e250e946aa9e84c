// The reference service's settings, read once at start.
import type { CryptoKey } from 'jose';
import { boolean, integer, optional, port, postgresUrl, publicKeySetting, type Env } from '@wales-lac/settings';

export interface ReferenceServiceConfig {
  /** The national database (authorities, regions, schools). */
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  /** The reference service owns the national database's schema: it migrates it (benchmarks does not). */
  readonly migrate: boolean;
  readonly gatewayPublicKey: CryptoKey;
  readonly host: string;
  readonly port: number;
}

export async function referenceConfigFromEnv(env: Env): Promise<ReferenceServiceConfig> {
  return {
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 5, 1, 100),
    migrate: boolean(env, 'MIGRATE', true),
    gatewayPublicKey: await publicKeySetting(env, 'GATEWAY_PUBLIC_KEY'),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port: port(env, 'PORT', 4002),
  };
}
