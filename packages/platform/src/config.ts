// The platform's configuration, read from the environment once and checked before anything starts.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { AUTHORITY_FACTS, isAuthorityCode } from '@wales-lac/wales';
import { ROLES } from '@wales-lac/caller';

export type DatabaseSource =
  | { readonly kind: 'embedded'; readonly dataDir: string; readonly port: number }
  | { readonly kind: 'server'; readonly url: string; readonly prefix: string };

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
  /** Limits on one gateway request (docs/api.md, "Limits"). */
  readonly limits: RequestLimits;
  /** How benchmark releases publish counts: exactly (default) or rounded to the nearest 5. */
  readonly benchmarkRounding: 'none' | 'nearest-5';
}

export interface RequestLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  readonly maxResponseBytes: number;
  readonly timeBudgetMs: number;
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

type Env = Record<string, string | undefined>;

export const REPOSITORY_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
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

function identityProvider(env: Env): IdentityProviderConfig | null {
  const issuer = env['AUTH_ISSUER'];
  const audience = env['AUTH_AUDIENCE'];
  const jwksUrl = env['AUTH_JWKS_URL'];
  if (!issuer && !audience && !jwksUrl) return null;
  if (!issuer || !audience || !jwksUrl) throw new ConfigurationError('AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL go together: set all three or none');
  return { issuer, audience, jwksUrl };
}

function profile(env: Env): PlatformConfig['profile'] {
  const raw = env['PROFILE'] || (env['NODE_ENV'] === 'production' ? 'production' : 'development');
  if (raw !== 'development' && raw !== 'production') throw new ConfigurationError(`PROFILE must be development or production, got '${raw}'`);
  return raw;
}

function developerRole(env: Env): string | null {
  const raw = env['DEVELOPER_ROLE'];
  if (!raw) return null;
  if (!(ROLES as readonly string[]).includes(raw)) throw new ConfigurationError(`DEVELOPER_ROLE must be one of ${ROLES.join(', ')}, got '${raw}'`);
  return raw;
}

// The upper bounds keep every gateway limit inside what the subgraphs' own backstop admits (subgraph-edge).
function requestLimits(env: Env): RequestLimits {
  return {
    maxDepth: integer(env, 'LIMIT_DEPTH', 10, 2, 20),
    maxAliases: integer(env, 'LIMIT_ALIASES', 30, 0, 200),
    maxDirectives: integer(env, 'LIMIT_DIRECTIVES', 8, 0, 50),
    maxTokens: integer(env, 'LIMIT_TOKENS', 2_000, 100, 10_000),
    maxCost: integer(env, 'LIMIT_COST', 600_000, 1_000, 10_000_000),
    maxResponseBytes: integer(env, 'LIMIT_RESPONSE_BYTES', 8_000_000, 10_000, 100_000_000),
    timeBudgetMs: integer(env, 'REQUEST_TIME_BUDGET_MS', 20_000, 100, 300_000),
  };
}

/** The production profile refuses the development identity provider, which issues any token to whoever runs `npm run token`. */
function checkedProfile(env: Env, identity: IdentityProviderConfig | null): PlatformConfig['profile'] {
  const chosen = profile(env);
  if (chosen === 'production' && !identity) throw new ConfigurationError('PROFILE=production needs an identity provider: set AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL (the development one is refused)');
  return chosen;
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
    identityProvider: identityProvider(env),
    profile: checkedProfile(env, identityProvider(env)),
    developerRole: developerRole(env),
    limits: requestLimits(env),
    subgraphTimeoutMs: integer(env, 'SUBGRAPH_TIMEOUT_MS', 5_000, 100, 120_000),
    benchmarkRefreshMinutes: integer(env, 'BENCHMARK_REFRESH_MINUTES', 60, 0, 7 * 24 * 60),
    benchmarkRounding: benchmarkRounding(env['BENCHMARK_ROUNDING']),
  };
}

function benchmarkRounding(value: string | undefined): 'none' | 'nearest-5' {
  if (!value || value === 'none') return 'none';
  if (value === 'nearest-5') return value;
  throw new ConfigurationError(`BENCHMARK_ROUNDING must be none or nearest-5, got '${value}'`);
}

export const AUTHORITY_CODES: readonly string[] = AUTHORITY_FACTS.map((a) => a.code);
