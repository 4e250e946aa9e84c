// Each service's own Prometheus registry (never prom-client's global one: in `npm start` all 24 services
// share a process) with the instruments every service has. Labels are bounded: operation names come from
// clients, so a name is kept only while fewer than MAX_OPERATIONS distinct ones have been seen.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: a cached answer to a long report (p95 of the full benchmarks report is about 4 s). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
export const MAX_OPERATIONS = 200;

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
// The query planner names a subgraph's part of an operation `<operation>__<subgraph>__<n>`.
const PLANNED = /__[A-Za-z0-9_]+__\d+$/;

/** Maps operation names to label values: the client's name, `(anonymous)`, `(invalid)` or, past the cap, `(other)`. */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_OPERATIONS) {}

  of(operationName: string | null | undefined): string {
    if (!operationName) return '(anonymous)';
    const name = operationName.replace(PLANNED, '');
    if (!NAME.test(name)) return '(invalid)';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return '(other)';
    this.seen.add(name);
    return name;
  }
}

export interface RequestMetrics {
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly duration: Histogram<'operation' | 'outcome'>;
  readonly errors: Counter<'operation' | 'code'>;
  readonly operations: OperationLabels;
}

export interface ServiceMetrics extends RequestMetrics {
  readonly registry: Registry;
  /** A service's own counter in its registry. */
  counter<L extends string = never>(name: string, help: string, labelNames?: readonly L[]): Counter<L>;
  /** A service's own latency histogram (seconds, LATENCY_BUCKETS) in its registry. */
  histogram<L extends string = never>(name: string, help: string, labelNames?: readonly L[]): Histogram<L>;
  /** A gauge read when scraped: `read` gives its value (NaN: none yet). */
  gauge(name: string, help: string, read: () => number | Promise<number>): Gauge;
}

/**
 * A registry labelled with the service (and an authority service's GSS code), holding the GraphQL request
 * instruments; `processMetrics` adds Node's own (heap, event loop, GC), once per process.
 */
export function createServiceMetrics(labels: Readonly<Record<string, string>>, processMetrics: boolean): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ ...labels });
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    counter: (name, help, labelNames = []) => new Counter({ name, help, labelNames: [...labelNames], registers }),
    histogram: (name, help, labelNames = []) => new Histogram({ name, help, labelNames: [...labelNames], buckets: LATENCY_BUCKETS, registers }),
    gauge: (name, help, read) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          this.set(await read());
        },
      }),
    operations: new OperationLabels(),
    requests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests answered, by operation and outcome (ok, or error when the answer has any error)',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from Apollo Server taking a GraphQL request (body read, caller authenticated) to its answer being ready',
      labelNames: ['operation', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers, by operation and error code (docs/errors.md)',
      labelNames: ['operation', 'code'],
      registers: [registry],
    }),
  };
}
