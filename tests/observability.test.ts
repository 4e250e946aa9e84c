// What an operator sees of one request (docs/operations.md, "Observability"): the gateway's and the
// authorities' /metrics after a cross-authority query, one trace across the gateway, the authorities'
// subgraphs and their SQL, and log lines that carry the trace id and never a child's identifying data.
import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelemetry, InMemorySpanExporter, type ReadableSpan, type Telemetry } from '@wales-lac/telemetry';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const ANGLESEY = 'W06000001';
const CASELOAD = 'query Caseload { learners(first: 5) { totalCount edges { node { id legalGivenName } } } }';
const CHILD = 'query Child($id: ID!) { learner(id: $id) { id legalGivenName legalFamilyName upn dateOfBirth } }';

const spans = new InMemorySpanExporter();
const lines: string[] = [];
let telemetry: Telemetry;
let platform: TestPlatform;
let vsh: string;

beforeAll(async () => {
  telemetry = createTelemetry({ traces: { exporter: spans }, logLevel: 'info', logDestination: { write: (line: string) => void lines.push(line) } });
  platform = await startTestPlatform({ telemetry });
  vsh = await platform.token({ sub: 'vsh-cardiff', role: 'virtual-school-head', authority: CARDIFF });
});
afterAll(async () => {
  await platform?.stop();
  await telemetry?.shutdown();
});

const service = (span: ReadableSpan) => String(span.resource.attributes['service.name']);
const isSql = (span: ReadableSpan) => span.attributes['db.system.name'] === 'postgresql';

/** The gateway's span of the request named `operation` (it ends just after the answer is written). */
async function gatewaySpan(operation: string, after: number): Promise<ReadableSpan> {
  for (let tries = 0; tries < 50; tries += 1) {
    const found = spans
      .getFinishedSpans()
      .slice(after)
      .find((s) => service(s) === 'gateway' && s.kind === SpanKind.SERVER && s.attributes['graphql.operation.name'] === operation);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no gateway span for ${operation}`);
}

/** The value of the one sample of `name` with all of these labels (null: none). */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.slice(0, l.lastIndexOf('}')).includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

const scrape = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};
const subgraphMetrics = (url: string | undefined) => scrape(new URL('/metrics', url).toString());

describe('a cross-authority query', () => {
  let before = 0;
  beforeAll(async () => {
    before = spans.getFinishedSpans().length;
    const { body } = await platform.graphql(vsh, CASELOAD);
    expect(body.errors).toBeUndefined();
  });

  it('is one trace: the gateway, two or more authorities, and their SQL, under one trace id', async () => {
    const root = await gatewaySpan('Caseload', before);
    const traceId = root.spanContext().traceId;
    expect(root.name).toBe('query Caseload');
    const inTrace = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const calls = inTrace.filter((s) => service(s) === 'gateway' && s.name.startsWith('POST authority:'));
    expect(calls.length).toBe(22);
    // Each authority's request span is the child of the gateway's call to it: the traceparent went out and was picked up.
    const served = inTrace.filter((s) => service(s).startsWith('authority-') && s.kind === SpanKind.SERVER);
    expect(new Set(served.map(service)).size).toBe(22);
    const callIds = new Set(calls.map((c) => c.spanContext().spanId));
    expect(served.every((s) => callIds.has(s.parentSpanContext?.spanId ?? ''))).toBe(true);
    const sql = inTrace.filter(isSql);
    expect(new Set(sql.map(service)).size).toBeGreaterThanOrEqual(2);
    expect(sql.find((s) => service(s) === `authority-${CARDIFF}`)?.attributes['db.query.text']).toMatch(/^select /i);
  });

  it("is counted and timed in the gateway's /metrics by operation and authority", async () => {
    expect(platform.metricsUrl).not.toBeNull();
    const text = await scrape(platform.metricsUrl ?? '');
    expect(sample(text, 'graphql_requests_total', { service: 'gateway', operation: 'Caseload', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'graphql_request_duration_seconds_count', { service: 'gateway', operation: 'Caseload', outcome: 'ok' })).toBe(1);
    for (const authority of [CARDIFF, ANGLESEY]) {
      const labels = { subgraph: 'authority', authority, operation: 'Caseload', outcome: 'answered' };
      expect(sample(text, 'gateway_subgraph_requests_total', labels)).toBe(1);
      expect(sample(text, 'gateway_subgraph_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(1);
    }
    expect(sample(text, 'nodejs_heap_size_used_bytes', { service: 'gateway' })).toBeGreaterThan(0);
  });

  it("is counted and timed in each authority's own /metrics, labelled with its code", async () => {
    const text = await subgraphMetrics(platform.authorityUrls.get(CARDIFF));
    const labels = { service: 'authority', authority: CARDIFF, operation: 'Caseload', outcome: 'ok' };
    expect(sample(text, 'graphql_requests_total', labels)).toBe(1);
    expect(sample(text, 'graphql_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(1);
    // Names were read: the read was audited in one batch.
    expect(sample(text, 'authority_audit_batches_total', { authority: CARDIFF })).toBe(1);
    expect(sample(text, 'authority_audit_batch_failures_total', { authority: CARDIFF })).toBe(0);
    expect(await subgraphMetrics(platform.authorityUrls.get(ANGLESEY))).not.toContain(`authority="${CARDIFF}"`);
  });

  it('is not reachable for metrics on the public port', async () => {
    expect((await fetch(new URL('/metrics', platform.url))).status).toBe(404);
  });
});

describe('the benchmarks service', () => {
  it('says how old the release it serves is', async () => {
    const text = await subgraphMetrics(platform.serviceUrls.get('benchmarks'));
    const age = sample(`${text}\n`, 'benchmarks_release_age_seconds', { service: 'benchmarks' });
    expect(age).not.toBeNull();
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(24 * 3600);
  });
});

describe("a child's record", () => {
  let child: { id: string; legal_given_name: string; legal_family_name: string; upn: string; date_of_birth: string };
  beforeAll(async () => {
    const rows = await authorityDb(platform, CARDIFF)<
      (typeof child)[]
    >`select id, legal_given_name, legal_family_name, upn, date_of_birth::text from learners order by id limit 1`;
    if (!rows[0]) throw new Error('Cardiff has no learners');
    child = rows[0];
  });

  const entries = (from: number) => lines.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>);
  const identifying = () => [child.id, child.id.split(':')[1] ?? child.id, child.legal_given_name, child.legal_family_name, child.upn, child.date_of_birth];

  it("is logged as one line carrying the request's trace id, and nothing that identifies the child", async () => {
    const from = lines.length;
    const before = spans.getFinishedSpans().length;
    const { body } = await platform.graphql(vsh, CHILD, { id: child.id });
    expect(body.data?.learner?.legalGivenName).toBe(child.legal_given_name);
    const traceId = (await gatewaySpan('Child', before)).spanContext().traceId;
    const line = entries(from).find((e) => e['service'] === 'gateway' && e['msg'] === 'graphql request' && e['operation'] === 'Child');
    expect(line).toMatchObject({ trace_id: traceId, outcome: 'ok', operation_type: 'query', level: 'info' });
    expect(line?.['duration_ms']).toBeGreaterThan(0);
    for (const value of identifying()) expect(lines.slice(from).join('\n')).not.toContain(value);
  });

  it('that cannot be audited is counted and logged with its trace id, without the audit rows (which name the child)', async () => {
    const sql = authorityDb(platform, CARDIFF);
    const from = lines.length;
    const before = spans.getFinishedSpans().length;
    await sql`alter table audit_log add constraint audit_log_test_refuses check (false) not valid`;
    try {
      const { body } = await platform.graphql(vsh, CHILD, { id: child.id });
      expect(body.errors?.some((e) => e.extensions?.code === 'AUDIT_UNAVAILABLE')).toBe(true);
    } finally {
      await sql`alter table audit_log drop constraint audit_log_test_refuses`;
    }
    const traceId = (await gatewaySpan('Child', before)).spanContext().traceId;
    const failure = entries(from).find((e) => e['msg'] === 'audit batch could not be written');
    expect(failure).toMatchObject({ service: 'authority', authority: CARDIFF, level: 'error', trace_id: traceId, error_code: '23514' });
    expect(String(failure?.['sql'])).toMatch(/^insert into "?audit_log"?/);
    for (const value of identifying()) expect(lines.slice(from).join('\n')).not.toContain(value);
    const text = await subgraphMetrics(platform.authorityUrls.get(CARDIFF));
    expect(sample(text, 'authority_audit_batch_failures_total', { authority: CARDIFF })).toBe(1);
    expect(sample(text, 'graphql_errors_total', { operation: 'Child', code: 'AUDIT_UNAVAILABLE' })).toBe(1);
  });
});

describe('an authority that does not answer', () => {
  it('is counted as AUTHORITY_UNAVAILABLE by authority at the gateway', async () => {
    await platform.stopAuthority(ANGLESEY);
    const { body } = await platform.graphql(vsh, CASELOAD);
    expect(body.errors?.map((e) => e.extensions?.authority)).toEqual([ANGLESEY]);
    const text = await scrape(platform.metricsUrl ?? '');
    expect(sample(text, 'gateway_authority_unavailable_total', { authority: ANGLESEY })).toBe(1);
    expect(sample(text, 'gateway_authority_unavailable_total', { authority: CARDIFF })).toBeNull();
    expect(sample(text, 'graphql_errors_total', { service: 'gateway', operation: 'Caseload', code: 'AUTHORITY_UNAVAILABLE' })).toBe(1);
    expect(sample(text, 'graphql_requests_total', { service: 'gateway', operation: 'Caseload', outcome: 'error' })).toBe(1);
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e['operation'] === 'Caseload' && e['outcome'] === 'error');
    expect(line).toMatchObject({ error_codes: ['AUTHORITY_UNAVAILABLE'], authorities_unavailable: [ANGLESEY] });
  });
});
