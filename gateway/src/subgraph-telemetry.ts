// Each call the gateway makes to a subgraph, observed: a client span whose `traceparent` goes out with
// the call (so the subgraph's spans join the request's trace), its count and latency by subgraph,
// authority and operation, and each authority that could not answer (AUTHORITY_UNAVAILABLE).
import { startClientSpan, type ServiceTelemetry } from '@wales-lac/telemetry';
import type { SubgraphClient } from './subgraph-client.ts';

export interface SubgraphTarget {
  /** authority, reference or benchmarks. */
  readonly subgraph: string;
  /** An authority instance's GSS code ('' for a national service). */
  readonly authority: string;
}

type Metrics = ReturnType<typeof subgraphMetrics>;

/** The gateway's instruments for its calls to subgraphs, in its registry. */
export function subgraphMetrics(telemetry: ServiceTelemetry) {
  const { metrics } = telemetry;
  const labels = ['subgraph', 'authority', 'operation', 'outcome'] as const;
  return {
    calls: metrics.counter(
      'gateway_subgraph_requests_total',
      'Calls from the gateway to a subgraph instance, by subgraph, authority, operation and outcome (answered or unavailable)',
      labels,
    ),
    duration: metrics.histogram(
      'gateway_subgraph_request_duration_seconds',
      'Time from sending a call to a subgraph instance to having its whole answer',
      labels,
    ),
    unavailable: metrics.counter(
      'gateway_authority_unavailable_total',
      'Calls an authority did not answer (timed out, unreachable, answered no GraphQL): each is an AUTHORITY_UNAVAILABLE error in an answer',
      ['authority'],
    ),
  };
}

export function observedSubgraphClient(client: SubgraphClient, target: SubgraphTarget, telemetry: ServiceTelemetry, metrics: Metrics): SubgraphClient {
  const { tracer } = telemetry;
  const spanAttributes = {
    'rpc.system': 'graphql',
    'server.address': client.audience,
    ...(target.authority ? { 'wales.authority.code': target.authority } : {}),
  };
  return {
    audience: client.audience,
    url: client.url,
    healthy: () => client.healthy(),
    async send(request, caller, headers = {}, budget) {
      const started = performance.now();
      const span = tracer ? startClientSpan(tracer, `POST ${client.audience}`, spanAttributes, headers) : null;
      const outcome = await client.send(request, caller, span ? span.headers : headers, budget);
      const operation = telemetry.metrics.operations.of(request.operationName);
      const labels = { subgraph: target.subgraph, authority: target.authority, operation, outcome: outcome.kind };
      metrics.calls.inc(labels);
      metrics.duration.observe(labels, (performance.now() - started) / 1000);
      if (outcome.kind === 'unavailable' && target.subgraph === 'authority') metrics.unavailable.inc({ authority: target.authority });
      span?.end({ 'graphql.operation.name': operation, 'wales.outcome': outcome.kind }, outcome.kind === 'unavailable');
      return outcome;
    },
  };
}
