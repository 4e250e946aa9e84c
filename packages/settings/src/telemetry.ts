// What every service reads about its own observability (docs/operations.md, "Observability"): where
// traces go (off unless an OTLP endpoint is given), how much it logs, and (the gateway) where /metrics is.
import { ConfigurationError, integer, oneOf, optional, type Env } from './env.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface TraceExportSettings {
  /** The OTLP/HTTP traces URL (…/v1/traces). */
  readonly url: string;
  /** Share of new traces kept (a subgraph follows the gateway's decision). */
  readonly sampleRatio: number;
}

export interface TelemetrySettings {
  /** null: tracing off (the default, so tests and `npm start` need no collector). */
  readonly traces: TraceExportSettings | null;
  readonly logLevel: LogLevel;
}

function otlpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`${name} must be an http(s) URL, got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigurationError(`${name} must be an http(s) URL, got '${raw}'`);
  return url.toString();
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

function sampleRatio(env: Env): number {
  const raw = optional(env, 'OTEL_TRACES_SAMPLER_ARG');
  if (raw === undefined) return 1;
  const value = Number(raw);
  if (!(value >= 0 && value <= 1)) throw new ConfigurationError(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got '${raw}'`);
  return value;
}

/**
 * OTEL_TRACES (otlp | off; default otlp when an endpoint is set), OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the
 * whole URL) or OTEL_EXPORTER_OTLP_ENDPOINT (…/v1/traces is added), OTEL_TRACES_SAMPLER_ARG, LOG_LEVEL.
 */
export function telemetrySettings(env: Env): TelemetrySettings {
  const tracesUrl = optional(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const base = optional(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const endpoint = tracesUrl
    ? otlpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', tracesUrl)
    : base
      ? new URL('v1/traces', withSlash(otlpUrl('OTEL_EXPORTER_OTLP_ENDPOINT', base))).toString()
      : null;
  const mode = oneOf(env, 'OTEL_TRACES', ['otlp', 'off'], endpoint ? 'otlp' : 'off');
  if (mode === 'otlp' && !endpoint) throw new ConfigurationError('OTEL_TRACES=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  return {
    traces: mode === 'otlp' && endpoint ? { url: endpoint, sampleRatio: sampleRatio(env) } : null,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
  };
}

/** Where a service serves /metrics apart from its public port: METRICS_PORT (off: nowhere), METRICS_HOST. */
export interface MetricsListenSettings {
  readonly port: number;
  readonly host: string;
}

export function metricsListenSettings(env: Env, defaultPort: number): MetricsListenSettings | null {
  if (optional(env, 'METRICS_PORT') === 'off') return null;
  return { port: integer(env, 'METRICS_PORT', defaultPort, 0, 65_535), host: optional(env, 'METRICS_HOST') ?? '127.0.0.1' };
}
