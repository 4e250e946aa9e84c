// What an operator's dashboards rely on: every service its own registry, labels that stay bounded
// whatever names clients send, and an exposition that only GET /metrics answers.
import { afterAll, describe, expect, it } from 'vitest';
import { register } from 'prom-client';
import { createMetricsServer } from './metrics-server.ts';
import { createServiceMetrics, OperationLabels } from './metrics.ts';

describe('operation labels', () => {
  it("are the client's operation name, also for the query planner's part of it in a subgraph", () => {
    const labels = new OperationLabels();
    expect(labels.of('Caseload')).toBe('Caseload');
    expect(labels.of('Caseload__authority__0')).toBe('Caseload');
    expect(labels.of(null)).toBe('(anonymous)');
    expect(labels.of('')).toBe('(anonymous)');
    expect(labels.of('drop table; --')).toBe('(invalid)');
  });

  it('stop growing at the cap: later new names are (other), names already seen keep theirs', () => {
    const labels = new OperationLabels(3);
    for (const name of ['A', 'B', 'C']) expect(labels.of(name)).toBe(name);
    expect(labels.of('D')).toBe('(other)');
    expect(labels.of('B')).toBe('B');
  });
});

describe('service registries', () => {
  it('let 24 services in one process each have the same metrics, labelled with who they are, outside the global registry', async () => {
    const services = Array.from({ length: 24 }, (_, i) =>
      createServiceMetrics({ service: 'authority', authority: `W060000${String(i + 1).padStart(2, '0')}` }, false),
    );
    services[14]?.requests.inc({ operation: 'Caseload', outcome: 'ok' });
    const text = await services[14]?.registry.metrics();
    expect(text).toContain('graphql_requests_total{operation="Caseload",outcome="ok",service="authority",authority="W06000015"} 1');
    expect(await services[0]?.registry.metrics()).not.toContain('operation="Caseload"');
    expect(await register.metrics()).not.toContain('graphql_requests_total');
  });

  it('read a gauge when scraped', async () => {
    let age = Number.NaN;
    const metrics = createServiceMetrics({ service: 'benchmarks' }, false);
    metrics.gauge('benchmarks_release_age_seconds', 'age', () => age);
    expect(await metrics.registry.metrics()).toContain('benchmarks_release_age_seconds{service="benchmarks"} Nan');
    age = 42;
    expect(await metrics.registry.metrics()).toContain('benchmarks_release_age_seconds{service="benchmarks"} 42');
  });
});

describe('the metrics listener', () => {
  const metrics = createServiceMetrics({ service: 'gateway' }, false);
  const server = createMetricsServer(metrics.registry);
  afterAll(() => server.close());

  it('answers GET /metrics in the Prometheus text format, and nothing else', async () => {
    const { url } = await server.listen(0);
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await answer.text()).toContain('# TYPE graphql_requests_total counter');
    expect((await fetch(new URL('/graphql', url))).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(404);
  });
});
