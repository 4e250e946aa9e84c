// One authority service's settings (production runs 22 of these processes), read once at start.
import type { CryptoKey } from 'jose';
import { boolean, ConfigurationError, integer, port, postgresUrl, publicKeySetting, required, optional, type Env } from '@wales-lac/settings';
import { isAuthorityCode } from '@wales-lac/wales';

export interface AuthorityServiceConfig {
  readonly authorityCode: string;
  /** This authority's own database (its children's records). */
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  /** Bring the database to the latest schema before serving (this service is its only user). */
  readonly migrate: boolean;
  /** Verifies the gateway's per-request assertions. */
  readonly gatewayPublicKey: CryptoKey;
  readonly host: string;
  readonly port: number;
}

export async function authorityConfigFromEnv(env: Env): Promise<AuthorityServiceConfig> {
  const authorityCode = required(env, 'AUTHORITY_CODE');
  if (!isAuthorityCode(authorityCode)) throw new ConfigurationError(`AUTHORITY_CODE must be a Welsh authority GSS code (W06…), got '${authorityCode}'`);
  return {
    authorityCode,
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 5, 1, 100),
    migrate: boolean(env, 'MIGRATE', true),
    gatewayPublicKey: await publicKeySetting(env, 'GATEWAY_PUBLIC_KEY'),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port: port(env, 'PORT', 4001),
  };
}
