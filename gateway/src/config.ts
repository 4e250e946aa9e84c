// The national gateway's settings when it runs as its own process (main.ts), read once at start.
import type { CryptoKey } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, jwksKey, type IdentityTokenConfig } from '@wales-lac/caller';
import {
  ConfigurationError,
  httpUrl,
  metricsListenSettings,
  optional,
  perAuthority,
  port,
  privateKeySetting,
  publicKeySetting,
  telemetrySettings,
  workerCount,
  type Env,
  type MetricsListenSettings,
  type TelemetrySettings,
} from '@wales-lac/settings';
import type { GatewayLimits } from './limits.ts';
import type { TrustedDocuments } from '@wales-lac/trusted-documents';
import {
  developerRoleFromEnv,
  explorerFromEnv,
  identityProviderFromEnv,
  profileFromEnv,
  requestLimitsFromEnv,
  subgraphTimeoutFromEnv,
  trustedDocumentsFromEnv,
  type Profile,
} from './settings.ts';

export interface GatewayServiceConfig {
  readonly authorities: ReadonlyMap<string, string>;
  readonly services: ReadonlyMap<string, string>;
  readonly identity: IdentityTokenConfig;
  readonly assertionPrivateKey: CryptoKey;
  readonly subgraphTimeoutMs: number;
  readonly limits: GatewayLimits;
  readonly profile: Profile;
  readonly developerRole: string | null;
  /** EXPLORER: serve /explorer (without a role picker here: this process holds no development signing key). */
  readonly explorer: boolean;
  /** TRUSTED_DOCUMENTS: only these registered operations run (null: open). */
  readonly trustedDocuments: TrustedDocuments | null;
  readonly host: string;
  readonly port: number;
  /** OTEL_* and LOG_LEVEL (docs/operations.md, "Observability"). */
  readonly telemetry: TelemetrySettings;
  /** METRICS_PORT (default 9464, off: none) and METRICS_HOST: GET /metrics, apart from the public port. */
  readonly metrics: MetricsListenSettings | null;
  /** GATEWAY_WORKERS (default 1; `auto`: one per core): copies of the gateway on the one port (decision 0024). */
  readonly workers: number;
}

/** The gateway's metrics port when METRICS_PORT is not set (the port OpenTelemetry's Prometheus exporter uses). */
export const DEFAULT_METRICS_PORT = 9464;

export const AUTHORITY_URL_PREFIX = 'AUTHORITY_URL_';

/**
 * The production identity provider (AUTH_*), or in the development profile the local one's public key
 * (DEV_IDENTITY_PUBLIC_KEY[_FILE], process mode on one machine), never both.
 */
async function identity(env: Env, profile: Profile): Promise<IdentityTokenConfig> {
  const provider = identityProviderFromEnv(env);
  const devKeyGiven = optional(env, 'DEV_IDENTITY_PUBLIC_KEY') !== undefined || optional(env, 'DEV_IDENTITY_PUBLIC_KEY_FILE') !== undefined;
  if (provider && devKeyGiven) throw new ConfigurationError('set AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL or DEV_IDENTITY_PUBLIC_KEY[_FILE], not both');
  if (provider) return { issuer: provider.issuer, audience: provider.audience, key: jwksKey(provider.jwksUrl) };
  if (profile === 'production') throw new ConfigurationError('PROFILE=production needs AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL');
  if (!devKeyGiven)
    throw new ConfigurationError(
      'an identity provider is required: AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL, or (development) DEV_IDENTITY_PUBLIC_KEY_FILE',
    );
  return { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, key: await publicKeySetting(env, 'DEV_IDENTITY_PUBLIC_KEY') };
}

export async function gatewayConfigFromEnv(env: Env): Promise<GatewayServiceConfig> {
  const profile = profileFromEnv(env, identityProviderFromEnv(env));
  return {
    authorities: perAuthority(env, AUTHORITY_URL_PREFIX, httpUrl),
    services: new Map([
      ['reference', httpUrl(env, 'REFERENCE_URL')],
      ['benchmarks', httpUrl(env, 'BENCHMARKS_URL')],
    ]),
    identity: await identity(env, profile),
    assertionPrivateKey: await privateKeySetting(env, 'GATEWAY_ASSERTION_PRIVATE_KEY'),
    subgraphTimeoutMs: subgraphTimeoutFromEnv(env),
    limits: requestLimitsFromEnv(env),
    profile,
    developerRole: developerRoleFromEnv(env),
    explorer: explorerFromEnv(env, profile),
    trustedDocuments: trustedDocumentsFromEnv(env),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port: port(env, 'PORT', 4000),
    telemetry: telemetrySettings(env),
    metrics: metricsListenSettings(env, DEFAULT_METRICS_PORT),
    workers: workerCount(env, 'GATEWAY_WORKERS', 1),
  };
}
