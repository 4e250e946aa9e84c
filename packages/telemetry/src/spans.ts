// The spans the platform makes by hand at its own edges: a request arriving (continuing the caller's
// trace) and a call going out to another service (carrying the trace on in its headers).
import { context, SpanKind, SpanStatusCode, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { incomingContext, traceHeaders } from './tracing.ts';

/** Runs `handle` in a server span continuing the trace in the request's `traceparent`. */
export function inServerSpan<T>(tracer: Tracer, req: IncomingMessage, res: ServerResponse, path: string, handle: () => Promise<T>): Promise<T> {
  const attributes: Attributes = { 'http.request.method': req.method ?? 'GET', 'url.path': path };
  return tracer.startActiveSpan(`${req.method ?? 'GET'} ${path}`, { kind: SpanKind.SERVER, attributes }, incomingContext(req.headers), async (span) => {
    try {
      return await handle();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end();
    }
  });
}

export interface ClientSpan {
  /** The headers to send: the given ones and `traceparent`. */
  readonly headers: Record<string, string>;
  end(attributes: Attributes, failed: boolean): void;
}

/** A client span for one call to another service, child of the active span. */
export function startClientSpan(tracer: Tracer, name: string, attributes: Attributes, headers: Record<string, string>): ClientSpan {
  const span: Span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, context.active());
  return {
    headers: traceHeaders(span, headers),
    end(more, failed) {
      span.setAttributes(more);
      if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
