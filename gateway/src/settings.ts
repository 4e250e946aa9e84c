// Gateway settings shared by the gateway's own process (config.ts) and `npm start` (packages/platform):
// request limits, the profile and the identity provider, read the same way in both.
import { ROLES } from '@wales-lac/caller';
import { ConfigurationError, integer, oneOf, optional, type Env } from '@wales-lac/settings';
import { resolve } from 'node:path';
import { readManifest, type TrustedDocuments } from '@wales-lac/trusted-documents';
import { DEFAULT_REQUEST_HEAP_SHARE, heapLimitBytes, inFlightOfHeap, responseBytesOfHeap, type GatewayLimits } from './limits.ts';
import { fanOutInFlightOfCores } from './fan-out-admission.ts';

export type Profile = 'development' | 'production';

export interface IdentityProviderSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

/**
 * One request's byte cap: LIMIT_RESPONSE_BYTES, or LIMIT_REQUEST_HEAP_SHARE (default 0.002) of the heap
 * limit; never both, so no one is unsure which holds (decision 0025).
 */
function responseBytesFromEnv(env: Env, heapBytes: number): number {
  const bytes = optional(env, 'LIMIT_RESPONSE_BYTES');
  const share = optional(env, 'LIMIT_REQUEST_HEAP_SHARE');
  if (bytes !== undefined && share !== undefined) throw new ConfigurationError('set LIMIT_RESPONSE_BYTES or LIMIT_REQUEST_HEAP_SHARE, not both');
  if (bytes !== undefined) return integer(env, 'LIMIT_RESPONSE_BYTES', 0, 10_000, 100_000_000);
  if (share === undefined) return responseBytesOfHeap(DEFAULT_REQUEST_HEAP_SHARE, heapBytes);
  const value = Number(share);
  if (!(value >= 0.0001 && value <= 0.05))
    throw new ConfigurationError(`LIMIT_REQUEST_HEAP_SHARE must be a fraction of the heap from 0.0001 to 0.05, got '${share}'`);
  return responseBytesOfHeap(value, heapBytes);
}

// The upper bounds keep every gateway limit inside what the subgraphs' own backstop admits (subgraph-edge).
// `heapBytes` is the heap the memory limits are shares of (tests give one; default: this process's).
export function requestLimitsFromEnv(env: Env, heapBytes = heapLimitBytes()): GatewayLimits {
  const maxResponseBytes = responseBytesFromEnv(env, heapBytes);
  const maxFanOutInFlight = integer(env, 'LIMIT_FAN_OUT_IN_FLIGHT', fanOutInFlightOfCores(), 1, 10_000);
  return {
    maxDepth: integer(env, 'LIMIT_DEPTH', 10, 2, 20),
    maxAliases: integer(env, 'LIMIT_ALIASES', 30, 0, 200),
    maxDirectives: integer(env, 'LIMIT_DIRECTIVES', 8, 0, 50),
    maxTokens: integer(env, 'LIMIT_TOKENS', 2_000, 100, 10_000),
    maxCost: integer(env, 'LIMIT_COST', 600_000, 1_000, 10_000_000),
    maxResponseBytes,
    timeBudgetMs: integer(env, 'REQUEST_TIME_BUDGET_MS', 20_000, 100, 300_000),
    maxInFlight: integer(env, 'LIMIT_IN_FLIGHT_REQUESTS', inFlightOfHeap(maxResponseBytes, heapBytes), 1, 10_000),
    maxFanOutInFlight,
    maxFanOutWaiting: integer(env, 'LIMIT_FAN_OUT_WAITING', 4 * maxFanOutInFlight, 0, 100_000),
  };
}

export function identityProviderFromEnv(env: Env): IdentityProviderSettings | null {
  const issuer = optional(env, 'AUTH_ISSUER');
  const audience = optional(env, 'AUTH_AUDIENCE');
  const jwksUrl = optional(env, 'AUTH_JWKS_URL');
  if (!issuer && !audience && !jwksUrl) return null;
  if (!issuer || !audience || !jwksUrl) throw new ConfigurationError('AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL go together: set all three or none');
  return { issuer, audience, jwksUrl };
}

/** PROFILE (or NODE_ENV=production); production refuses the development identity provider, which issues any token to whoever runs `npm run token`. */
export function profileFromEnv(env: Env, identity: IdentityProviderSettings | null): Profile {
  const fallback: Profile = env['NODE_ENV'] === 'production' ? 'production' : 'development';
  const chosen = oneOf<Profile>(env, 'PROFILE', ['development', 'production'], fallback);
  if (chosen === 'production' && !identity)
    throw new ConfigurationError(
      'PROFILE=production needs an identity provider: set AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL (the development one is refused)',
    );
  return chosen;
}

export function developerRoleFromEnv(env: Env): string | null {
  const raw = optional(env, 'DEVELOPER_ROLE');
  if (!raw) return null;
  if (!(ROLES as readonly string[]).includes(raw)) throw new ConfigurationError(`DEVELOPER_ROLE must be one of ${ROLES.join(', ')}, got '${raw}'`);
  return raw;
}

/** EXPLORER=on|off: the browser explorer at /explorer; on by default in development, off in production (decision 0016). */
export function explorerFromEnv(env: Env, profile: Profile): boolean {
  return oneOf<'on' | 'off'>(env, 'EXPLORER', ['on', 'off'], profile === 'production' ? 'off' : 'on') === 'on';
}

/**
 * TRUSTED_DOCUMENTS=<manifest path>: accept only the operations registered in that manifest (decision 0017;
 * the client's and teams' operations: packages/client/trusted-documents.json). Unset or `off`: open.
 */
export function trustedDocumentsFromEnv(env: Env): TrustedDocuments | null {
  const raw = optional(env, 'TRUSTED_DOCUMENTS');
  if (!raw || raw === 'off') return null;
  try {
    return readManifest(resolve(raw));
  } catch (error) {
    throw new ConfigurationError(`TRUSTED_DOCUMENTS: ${(error as Error).message}`);
  }
}

export function subgraphTimeoutFromEnv(env: Env): number {
  return integer(env, 'SUBGRAPH_TIMEOUT_MS', 5_000, 100, 120_000);
}
