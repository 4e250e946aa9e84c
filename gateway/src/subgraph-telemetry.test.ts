// A call to a subgraph carries the request's trace on, and is counted by authority, as an operator sees
// it on /metrics; one the authority does not answer counts as AUTHORITY_UNAVAILABLE for that authority.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFromClaims } from '@wales-lac/caller';
import { createTelemetry, InMemorySpanExporter } from '@wales-lac/telemetry';
import { createSubgraphClient } from './subgraph-client.ts';
import { observedSubgraphClient, subgraphMetrics } from './subgraph-telemetry.ts';

const seen: IncomingHttpHeaders[] = [];
const subgraph = createServer((req, res) => {
  seen.push(req.headers);
  req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"learners":null}}'));
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
});
afterAll(() => void subgraph.close());

const spans = new InMemorySpanExporter();
const telemetry = createTelemetry({ traces: { exporter: spans } }).service({ service: 'gateway' }, { edge: true });
const metrics = subgraphMetrics(telemetry);
const caller = callerFromClaims({ sub: 'vsh', role: 'virtual-school-head', authority: 'W06000015' });
const client = (target: string, code: string) =>
  observedSubgraphClient(
    createSubgraphClient({ audience: `authority:${code}`, url: target, sign: async () => 'assertion', timeoutMs: 2_000, maxResponseBytes: 1_000_000 }),
    { subgraph: 'authority', authority: code },
    telemetry,
    metrics,
  );

describe('an observed subgraph call', () => {
  it("sends the trace on in traceparent, from the call's own span", async () => {
    await telemetry.tracer?.startActiveSpan('query Caseload', async (request) => {
      await client(url, 'W06000015').send({ query: '{ learners { totalCount } }', operationName: 'Caseload__authority__0' }, caller, {
        'accept-language': 'cy',
      });
      request.end();
    });
    const call = spans.getFinishedSpans().find((s) => s.name === 'POST authority:W06000015');
    expect(seen.at(-1)?.['traceparent']).toBe(`00-${call?.spanContext().traceId}-${call?.spanContext().spanId}-01`);
    expect(seen.at(-1)?.['accept-language']).toBe('cy');
    const text = await telemetry.metrics.registry.metrics();
    expect(text).toContain(
      'gateway_subgraph_requests_total{subgraph="authority",authority="W06000015",operation="Caseload",outcome="answered",service="gateway"} 1',
    );
  });

  it('that finds nobody is counted as its authority being unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await client(gone, 'W06000001').send({ query: '{ learners { totalCount } }' }, caller);
    expect(outcome.kind).toBe('unavailable');
    const text = await telemetry.metrics.registry.metrics();
    expect(text).toContain('gateway_authority_unavailable_total{authority="W06000001",service="gateway"} 1');
    expect(text).not.toContain('gateway_authority_unavailable_total{authority="W06000015"');
  });
});
