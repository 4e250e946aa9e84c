// `npm run soak`'s settings (SOAK_*), read once: how long, how many requests, how many clients, and which
// platform: one it starts itself, or one already running on this machine (SOAK_URL, loopback only, so the
// hostile half of the traffic is never aimed at anyone else's service).
import { ConfigurationError, integer, optional, type Env } from '@wales-lac/settings';

export type SoakTarget = { readonly kind: 'start'; readonly scale: number } | { readonly kind: 'attach'; readonly url: string; readonly metricsUrl: string };

export interface SoakSettings {
  readonly target: SoakTarget;
  /** How long the traffic runs (SOAK_SECONDS, default 600, at most an hour). */
  readonly seconds: number;
  /** It stops sooner after this many requests (SOAK_MAX_REQUESTS). */
  readonly maxRequests: number;
  /** One report line this often (SOAK_REPORT_SECONDS, default 30). */
  readonly reportSeconds: number;
  /** Concurrent clients sending normal traffic (SOAK_CLIENTS) and hostile traffic (SOAK_HOSTILE_CLIENTS). */
  readonly clients: number;
  readonly hostileClients: number;
  /** Memory is flat when its slope over the second half stays under these (MiB a minute). */
  readonly maxHeapSlope: number;
  readonly maxRssSlope: number;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost)$/;

/** A URL on this machine, or a ConfigurationError naming the setting. */
export function loopbackUrl(env: Env, name: string, fallback?: string): string {
  const raw = optional(env, name) ?? fallback;
  if (raw === undefined) throw new ConfigurationError(`${name} is required`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`${name} must be an http:// URL, got '${raw}'`);
  }
  if (url.protocol !== 'http:') throw new ConfigurationError(`${name} must be an http:// URL, got '${raw}'`);
  if (!LOOPBACK.test(url.hostname))
    throw new ConfigurationError(`${name} must be a loopback address (127.0.0.1, [::1] or localhost): the soak sends hostile traffic, got '${url.hostname}'`);
  return url.toString();
}

function scale(env: Env): number {
  const raw = optional(env, 'SOAK_SCALE') ?? '1';
  const value = Number(raw);
  if (!(value > 0 && value <= 1)) throw new ConfigurationError(`SOAK_SCALE must be above 0 and at most 1, got '${raw}'`);
  return value;
}

function target(env: Env): SoakTarget {
  if (optional(env, 'SOAK_URL') === undefined) return { kind: 'start', scale: scale(env) };
  return { kind: 'attach', url: loopbackUrl(env, 'SOAK_URL'), metricsUrl: loopbackUrl(env, 'SOAK_METRICS_URL', 'http://127.0.0.1:9464/metrics') };
}

export function soakSettingsFromEnv(env: Env): SoakSettings {
  return {
    target: target(env),
    seconds: integer(env, 'SOAK_SECONDS', 600, 1, 3_600),
    maxRequests: integer(env, 'SOAK_MAX_REQUESTS', 1_000_000, 1, 10_000_000),
    reportSeconds: integer(env, 'SOAK_REPORT_SECONDS', 30, 1, 600),
    clients: integer(env, 'SOAK_CLIENTS', 6, 1, 50),
    hostileClients: integer(env, 'SOAK_HOSTILE_CLIENTS', 2, 0, 50),
    maxHeapSlope: integer(env, 'SOAK_MAX_HEAP_SLOPE_MIB_PER_MIN', 2, 0, 1_000_000),
    maxRssSlope: integer(env, 'SOAK_MAX_RSS_SLOPE_MIB_PER_MIN', 4, 0, 1_000_000),
  };
}
