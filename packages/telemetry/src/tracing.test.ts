// Who decides whether a request is traced: the gateway, never its caller; the services behind it follow.
import { describe, expect, it } from 'vitest';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { incomingContext } from './tracing.ts';
import { createTelemetry } from './telemetry.ts';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SAMPLED = { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` };

describe('sampling', () => {
  const spans = new InMemorySpanExporter();
  const telemetry = createTelemetry({ traces: { exporter: spans, sampleRatio: 0 } });

  it("continues a caller's trace id at the edge but decides itself whether to keep it", () => {
    const tracer = telemetry.service({ service: 'gateway' }, { edge: true }).tracer;
    const span = tracer?.startSpan('request', {}, incomingContext(SAMPLED));
    expect(span?.spanContext().traceId).toBe(TRACE);
    expect(span?.isRecording()).toBe(false);
  });

  it("follows the gateway's decision behind the edge", () => {
    const tracer = telemetry.service({ service: 'authority', authority: 'W06000015' }).tracer;
    const span = tracer?.startSpan('request', {}, incomingContext(SAMPLED));
    expect(span?.spanContext().traceId).toBe(TRACE);
    expect(span?.isRecording()).toBe(true);
  });

  it('is off without a destination: no tracer at all', () => {
    expect(createTelemetry().service({ service: 'gateway' }).tracer).toBeNull();
  });
});
