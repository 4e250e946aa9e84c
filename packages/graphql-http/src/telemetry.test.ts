// The HTTP layer's part in observability: GET /metrics only where a service serves it, and each GraphQL
// request in a server span that continues the caller's trace.
import { ApolloServer } from '@apollo/server';
import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelemetry, InMemorySpanExporter } from '@wales-lac/telemetry';
import { createGraphQLHttpServer, type GraphQLHttpServer } from './server.ts';

const spans = new InMemorySpanExporter();
const telemetry = createTelemetry({ traces: { exporter: spans } });
const servers: GraphQLHttpServer[] = [];
let withMetrics: string;
let without: string;

async function start(options: { metrics?: boolean }): Promise<string> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hello' } } });
  await apollo.start();
  const service = telemetry.service({ service: 'reference' });
  const server = createGraphQLHttpServer({
    apollo,
    context: async () => ({}),
    tracer: service.tracer,
    ...(options.metrics ? { metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'up 1\n' }) } : {}),
  });
  servers.push(server);
  return (await server.listen(0)).url;
}

beforeAll(async () => {
  withMetrics = await start({ metrics: true });
  without = await start({});
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await telemetry.shutdown();
});

describe('GET /metrics', () => {
  it("answers the service's exposition where it is served, and is a 404 elsewhere", async () => {
    const answer = await fetch(new URL('/metrics', withMetrics));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('up 1\n');
    expect((await fetch(new URL('/metrics', without))).status).toBe(404);
  });
});

describe('a GraphQL request', () => {
  it("is a server span in the caller's trace, the child of the caller's span", async () => {
    spans.reset();
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await fetch(withMetrics, { method: 'POST', headers: { 'content-type': 'application/json', traceparent }, body: '{"query":"{ hello }"}' });
    const [span] = spans.getFinishedSpans();
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(span?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(span?.attributes).toMatchObject({ 'http.request.method': 'POST', 'url.path': '/graphql', 'http.response.status_code': 200 });
  });
});
