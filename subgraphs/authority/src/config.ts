// One authority service's settings (production runs 22 of these processes), read once at start.
import { ConfigurationError, required, subgraphServiceSettings, type Env, type SubgraphServiceSettings } from '@wales-lac/settings';
import { isAuthorityCode } from '@wales-lac/wales';

/** Its own database (its children's records), which it migrates: this service is its only user. */
export interface AuthorityServiceConfig extends SubgraphServiceSettings {
  readonly authorityCode: string;
}

export async function authorityConfigFromEnv(env: Env): Promise<AuthorityServiceConfig> {
  const authorityCode = required(env, 'AUTHORITY_CODE');
  if (!isAuthorityCode(authorityCode)) throw new ConfigurationError(`AUTHORITY_CODE must be a Welsh authority GSS code (W06…), got '${authorityCode}'`);
  return { authorityCode, ...(await subgraphServiceSettings(env, { poolSize: 5, migrate: true, port: 4001 })) };
}
