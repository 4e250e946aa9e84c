// A process's telemetry (where traces go, how much is logged, one log stream) and, from it, each
// service's own: a tracer named for the service (or none when tracing is off), a metrics registry and a logger.
import type { Tracer } from '@opentelemetry/api';
import type { DestinationStream } from 'pino';
import type { TelemetrySettings } from '@wales-lac/settings';
import { createLogger, type Logger } from './logging.ts';
import { createServiceMetrics, type ServiceMetrics } from './metrics.ts';
import { createTracerSource, type TraceDestination, type TracerSource } from './tracing.ts';
import pino from 'pino';

export interface ServiceIdentity {
  /** gateway, authority, reference or benchmarks. */
  readonly service: string;
  /** An authority service's GSS code. */
  readonly authority?: string;
}

export interface ServiceTelemetry {
  readonly service: string;
  readonly authority: string | null;
  /** null when tracing is off: nothing on the request path starts a span. */
  readonly tracer: Tracer | null;
  readonly metrics: ServiceMetrics;
  readonly log: Logger;
}

export interface TelemetryOptions {
  /** Where spans go; absent or null: tracing off. */
  readonly traces?: TraceDestination | null;
  readonly logLevel?: string;
  /** Where log lines go (default: standard output); tests collect them. */
  readonly logDestination?: DestinationStream;
}

export interface Telemetry {
  /**
   * One service's telemetry. `processMetrics` adds Node's process metrics to its registry (once per process);
   * `edge` (the gateway) decides sampling itself rather than take a caller's `traceparent` decision.
   */
  service(identity: ServiceIdentity, options?: { readonly processMetrics?: boolean; readonly edge?: boolean }): ServiceTelemetry;
  /** Sends the spans still buffered. */
  shutdown(): Promise<void>;
}

export function createTelemetry(options: TelemetryOptions = {}): Telemetry {
  const tracers: TracerSource | null = options.traces ? createTracerSource(options.traces) : null;
  const stdout = options.logDestination ? null : pino.destination({ dest: 1, sync: false });
  const destination = options.logDestination ?? stdout ?? pino.destination(1);
  const level = options.logLevel ?? 'info';
  return {
    service(identity, serviceOptions = {}) {
      const labels: Record<string, string> = { service: identity.service, ...(identity.authority ? { authority: identity.authority } : {}) };
      const serviceName = identity.authority ? `${identity.service}-${identity.authority}` : identity.service;
      return {
        service: identity.service,
        authority: identity.authority ?? null,
        tracer:
          tracers?.tracerFor(
            { 'service.name': serviceName, 'service.namespace': 'wales-lac', ...(identity.authority ? { 'wales.authority.code': identity.authority } : {}) },
            serviceOptions.edge,
          ) ?? null,
        metrics: createServiceMetrics(labels, serviceOptions.processMetrics ?? false),
        log: createLogger(level, labels, destination),
      };
    },
    shutdown: async () => {
      await tracers?.shutdown();
      // Lines still buffered are written before a stopping process exits.
      stdout?.flushSync();
    },
  };
}

/** Telemetry from a service's settings (OTEL_*, LOG_LEVEL), for its `main`. */
export function telemetryFromSettings(settings: TelemetrySettings): Telemetry {
  return createTelemetry({ traces: settings.traces, logLevel: settings.logLevel });
}

let quiet: Telemetry | null = null;

/** For a service built without telemetry (unit tests, scripts): metrics kept, tracing off, warnings and errors logged. */
export function defaultTelemetry(identity: ServiceIdentity): ServiceTelemetry {
  quiet ??= createTelemetry({ logLevel: 'warn' });
  return quiet.service(identity);
}

/** A service whose stop also sends the spans its process still holds (a `main`'s own telemetry). */
export async function flushedOnStop<S extends { stop(): Promise<void> }>(service: Promise<S>, telemetry: Telemetry): Promise<S> {
  const started = await service;
  return Object.assign(Object.create(null) as object, started, {
    stop: async () => {
      await started.stop();
      await telemetry.shutdown();
    },
  }) as S;
}
