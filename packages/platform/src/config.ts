// The platform's configuration, read from the environment once and checked before anything starts.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { AUTHORITY_FACTS, isAuthorityCode } from '@wales-lac/wales';
import {
  developerRoleFromEnv,
  explorerFromEnv,
  identityProviderFromEnv,
  profileFromEnv,
  requestLimitsFromEnv,
  subgraphTimeoutFromEnv,
  trustedDocumentsFromEnv,
} from '@wales-lac/gateway';
import type { TrustedDocuments } from '@wales-lac/trusted-documents';
import { ConfigurationError, metricsListenSettings, telemetrySettings, type MetricsListenSettings, type TelemetrySettings } from '@wales-lac/settings';

export type DatabaseSource =
  { readonly kind: 'embedded'; readonly dataDir: string; readonly port: number } | { readonly kind: 'server'; readonly url: string; readonly prefix: string };

export interface IdentityProviderConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

export interface PlatformConfig {
  readonly host: string;
  readonly port: number;
  /** Where keys (and the embedded database) live. */
  readonly dataDir: string;
  readonly databases: DatabaseSource;
  /** Database URL overrides: per authority GSS code, or 'national'. */
  readonly databaseOverrides: ReadonlyMap<string, string>;
  readonly seed: { readonly seed: number; readonly scale: number };
  /** Production identity provider; absent means the local development one. */
  readonly identityProvider: IdentityProviderConfig | null;
  readonly subgraphTimeoutMs: number;
  /** How often the benchmarks collect the authorities' anonymised aggregates (0: only on demand). */
  readonly benchmarkRefreshMinutes: number;
  /** PROFILE (or NODE_ENV=production): production closes introspection, suggestions and APQ (decision 0013). */
  readonly profile: 'development' | 'production';
  /** In production, the one role that may still introspect and see field suggestions (DEVELOPER_ROLE). */
  readonly developerRole: string | null;
  /** EXPLORER: serve the browser explorer at /explorer (default: on in development, off in production). */
  readonly explorer: boolean;
  /** TRUSTED_DOCUMENTS: the gateway runs only these registered operations (null: open; decision 0017). */
  readonly trustedDocuments: TrustedDocuments | null;
  /** The manifest's path as given, passed on to the gateway process in process mode. */
  readonly trustedDocumentsPath: string | null;
  /** Limits on one gateway request (docs/api.md, "Limits"). */
  readonly limits: RequestLimits;
  /** How benchmark releases publish counts: exactly (default) or rounded to the nearest 5. */
  readonly benchmarkRounding: 'none' | 'nearest-5';
  /** How long the LP audit of each benchmark release may work, in seconds. */
  readonly benchmarkAuditSeconds: number;
  /** Academic years of synthetic benchmark history built on a fresh install, so pooled trends exist (0: none). */
  readonly benchmarkHistoryYears: number;
  /** Batches secondary suppression solves (decision 0015): more hide less and take longer. */
  readonly benchmarkProtectionBatches: number;
  /** Traces (off unless OTEL_EXPORTER_OTLP_ENDPOINT) and LOG_LEVEL, for every service (docs/operations.md). */
  readonly telemetry: TelemetrySettings;
  /** The gateway's /metrics listener (METRICS_PORT, default 9464; off: none). */
  readonly metrics: MetricsListenSettings | null;
  /** Alerts and their email (decision 0029). */
  readonly alerts: AlertSettings;
}

export interface AlertSettings {
  /** ALERTS_EVERY_MINUTES: how often every authority computes the day's alerts (default 1440, daily; 0: only `npm run alerts:run`). */
  readonly everyMinutes: number;
  /** OUTBOX_DISPATCH_SECONDS: how often pending emails are sent (default 30; 0: never by itself). */
  readonly dispatchSeconds: number;
  /** SMTP_URL (smtp:// or smtps://); null: in development the local capture server, in production no email. */
  readonly smtpUrl: string | null;
  /** MAIL_FROM: the sender of alert emails. */
  readonly mailFrom: string;
  /** MAIL_CAPTURE_PORT: the development capture server's port on 127.0.0.1 (default 0: any free one). */
  readonly capturePort: number;
  /** PLATFORM_URL: the address the emails link to (default: the gateway's own URL). */
  readonly platformUrl: string | null;
}

export interface RequestLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  readonly maxResponseBytes: number;
  readonly timeBudgetMs: number;
  readonly maxInFlight: number;
  /** Requests asking every authority at once (LIMIT_FAN_OUT_IN_FLIGHT), and how many more may wait (LIMIT_FAN_OUT_WAITING). */
  readonly maxFanOutInFlight: number;
  readonly maxFanOutWaiting: number;
}

// One error class for every service's settings, so `instanceof` holds whichever module threw it.
export { ConfigurationError };

type Env = Record<string, string | undefined>;

export const REPOSITORY_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
  return value;
}

function databaseUrl(name: string, raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error();
    return raw;
  } catch {
    throw new ConfigurationError(`${name} must be a postgres:// URL`);
  }
}

function overrides(env: Env): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (name === 'NATIONAL_DATABASE_URL') found.set('national', databaseUrl(name, value));
    const match = /^AUTHORITY_DATABASE_URL_(\w+)$/.exec(name);
    if (match?.[1]) {
      if (!isAuthorityCode(match[1])) throw new ConfigurationError(`${name}: ${match[1]} is not a Welsh authority GSS code`);
      found.set(match[1], databaseUrl(name, value));
    }
  }
  return found;
}

export function platformConfigFromEnv(env: Env): PlatformConfig {
  const dataDir = resolve(env['DATA_DIR'] || resolve(REPOSITORY_ROOT, '.data'));
  const scale = env['SEED_SCALE'] ? Number(env['SEED_SCALE']) : 1;
  if (!(scale > 0 && scale <= 1)) throw new ConfigurationError(`SEED_SCALE must be above 0 and at most 1, got '${env['SEED_SCALE']}'`);
  const prefix = env['DATABASE_PREFIX'] || 'wales_lac';
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix)) throw new ConfigurationError('DATABASE_PREFIX must be lower-case letters, digits and _');
  const databases: DatabaseSource = env['DATABASE_URL']
    ? { kind: 'server', url: databaseUrl('DATABASE_URL', env['DATABASE_URL']), prefix }
    : { kind: 'embedded', dataDir: resolve(dataDir, 'postgres'), port: integer(env, 'EMBEDDED_POSTGRES_PORT', 54329, 1024, 65535) };
  return {
    host: env['HOST'] || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    dataDir,
    databases,
    databaseOverrides: overrides(env),
    seed: { seed: integer(env, 'SEED', 2024, 0, 2 ** 31 - 1), scale },
    identityProvider: identityProviderFromEnv(env),
    profile: profileFromEnv(env, identityProviderFromEnv(env)),
    developerRole: developerRoleFromEnv(env),
    explorer: explorerFromEnv(env, profileFromEnv(env, identityProviderFromEnv(env))),
    trustedDocuments: trustedDocumentsFromEnv(env),
    trustedDocumentsPath: env['TRUSTED_DOCUMENTS'] && env['TRUSTED_DOCUMENTS'] !== 'off' ? resolve(env['TRUSTED_DOCUMENTS']) : null,
    limits: requestLimitsFromEnv(env),
    subgraphTimeoutMs: subgraphTimeoutFromEnv(env),
    benchmarkRefreshMinutes: integer(env, 'BENCHMARK_REFRESH_MINUTES', 60, 0, 7 * 24 * 60),
    benchmarkRounding: benchmarkRounding(env['BENCHMARK_ROUNDING']),
    benchmarkAuditSeconds: integer(env, 'BENCHMARK_AUDIT_SECONDS', 20, 1, 3_600),
    benchmarkHistoryYears: integer(env, 'BENCHMARK_HISTORY_YEARS', 4, 0, 10),
    benchmarkProtectionBatches: integer(env, 'BENCHMARK_PROTECTION_BATCHES', 8, 1, 64),
    telemetry: telemetrySettings(env),
    metrics: metricsListenSettings(env, 9464),
    alerts: alertSettings(env),
  };
}

function alertSettings(env: Env): AlertSettings {
  const smtpUrl = env['SMTP_URL'] || null;
  if (smtpUrl !== null) {
    let protocol = '';
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      protocol = '';
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new ConfigurationError('SMTP_URL must be an smtp:// or smtps:// URL');
  }
  const platformUrl = env['PLATFORM_URL'] || null;
  if (platformUrl !== null && !/^https?:\/\//.test(platformUrl)) throw new ConfigurationError('PLATFORM_URL must be an http:// or https:// URL');
  return {
    everyMinutes: integer(env, 'ALERTS_EVERY_MINUTES', 24 * 60, 0, 7 * 24 * 60),
    dispatchSeconds: integer(env, 'OUTBOX_DISPATCH_SECONDS', 30, 0, 24 * 3600),
    smtpUrl,
    mailFrom: env['MAIL_FROM'] || 'Wales LAC education platform <no-reply@localhost>',
    capturePort: integer(env, 'MAIL_CAPTURE_PORT', 0, 0, 65535),
    platformUrl,
  };
}

function benchmarkRounding(value: string | undefined): 'none' | 'nearest-5' {
  if (!value || value === 'none') return 'none';
  if (value === 'nearest-5') return value;
  throw new ConfigurationError(`BENCHMARK_ROUNDING must be none or nearest-5, got '${value}'`);
}

export const AUTHORITY_CODES: readonly string[] = AUTHORITY_FACTS.map((a) => a.code);
