// Who decides whether a request is traced: the gateway, never its caller; the services behind it follow.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

describe('an OTLP collector', () => {
  it('receives the spans over HTTP when the service stops', async () => {
    const received: { path: string; body: string }[] = [];
    const collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const telemetry = createTelemetry({ traces: { url: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces` } });
      telemetry.service({ service: 'authority', authority: 'W06000015' }).tracer?.startSpan('query Caseload').end();
      await telemetry.shutdown();
      expect(received.map((r) => r.path)).toEqual(['/v1/traces']);
      expect(received[0]?.body).toContain('query Caseload');
      expect(received[0]?.body).toContain('authority-W06000015');
    } finally {
      collector.close();
    }
  });
});
