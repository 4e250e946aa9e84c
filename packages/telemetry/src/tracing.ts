// Traces: one tracer provider per service (its own service.name), all of a process's providers feeding one
// span processor. The context manager and the W3C propagator are the only process-wide parts; nothing is
// registered as OpenTelemetry's global provider, so 24 services in one process each keep their own name.
import { context, ROOT_CONTEXT, trace, type Context, type Span, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';

/** Where spans go: an OTLP/HTTP collector, or (tests) an exporter given in code, such as InMemorySpanExporter. */
export type TraceDestination = ({ readonly url: string } | { readonly exporter: SpanExporter }) & { readonly sampleRatio?: number };

export interface TracerSource {
  /**
   * A tracer for one service. At the public edge (`edge`) a caller's `traceparent` gives the trace id but not
   * the sampling decision, so no client can make every request traced; behind it, services follow the gateway's.
   */
  tracerFor(attributes: Readonly<Record<string, string>>, edge?: boolean): Tracer;
  shutdown(): Promise<void>;
}

let contextManagerSet = false;

/** Async context for active spans; set once per process, and only when some service traces. */
function ensureContextManager(): void {
  if (contextManagerSet) return;
  contextManagerSet = context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

export function createTracerSource(destination: TraceDestination): TracerSource {
  ensureContextManager();
  const processor: SpanProcessor =
    'exporter' in destination ? new SimpleSpanProcessor(destination.exporter) : new BatchSpanProcessor(new OTLPTraceExporter({ url: destination.url }));
  const ratio = destination.sampleRatio ?? 1;
  const root = new TraceIdRatioBasedSampler(ratio);
  const inner = new ParentBasedSampler({ root });
  const edgeSampler = new ParentBasedSampler({ root, remoteParentSampled: root, remoteParentNotSampled: root });
  const providers: NodeTracerProvider[] = [];
  return {
    tracerFor(attributes, edge = false) {
      const provider = new NodeTracerProvider({
        resource: resourceFromAttributes(attributes),
        sampler: edge ? edgeSampler : inner,
        spanProcessors: [processor],
      });
      providers.push(provider);
      return provider.getTracer('@wales-lac/telemetry');
    },
    // The processor is shared: flushing it once sends every provider's spans.
    shutdown: () => processor.shutdown(),
  };
}

const W3C = new W3CTraceContextPropagator();
const HEADERS: TextMapGetter<Readonly<Record<string, string | string[] | undefined>>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/** The trace a request belongs to, from its `traceparent` header (none: a new trace starts). */
export function incomingContext(headers: Readonly<Record<string, string | string[] | undefined>>): Context {
  return W3C.extract(ROOT_CONTEXT, headers, HEADERS);
}

/** Headers carrying `span`'s trace on to the next service. */
export function traceHeaders(span: Span, headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  W3C.inject(trace.setSpan(context.active(), span), out, { set: (carrier, key, value) => void (carrier[key] = value) });
  return out;
}

/** The active span's trace and span ids, for a log line (none outside a traced request). */
export function activeTraceIds(): { trace_id: string; span_id: string } | null {
  const span = trace.getSpanContext(context.active());
  return span && trace.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : null;
}
