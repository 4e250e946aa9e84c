// A service run as several workers (node:cluster, decision 0024) is scraped once, at the primary: it asks
// every worker for its registry over the cluster's IPC channel and sums them (prom-client's
// AggregatorRegistry.aggregate: counters and histograms add up, the event-loop figures average), with
// its own registry's worker counts beside them. A worker that does not answer in time is left out of
// that scrape rather than failing it (one that is dying or still starting).
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, Counter, Gauge, Registry } from 'prom-client';

/** One registry's metrics as getMetricsAsJSON gives them (what crosses the IPC channel). */
type MetricJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

const ASK = 'wales-lac:metrics?';
const ANSWER = 'wales-lac:metrics';
const ANSWER_WITHIN_MS = 2_000;

interface Ask {
  readonly type: typeof ASK;
  readonly id: number;
}

interface Answer {
  readonly type: typeof ANSWER;
  readonly id: number;
  readonly metrics: MetricJson;
}

const isAsk = (message: unknown): message is Ask => typeof message === 'object' && message !== null && (message as { type?: unknown }).type === ASK;
const isAnswer = (message: unknown): message is Answer => typeof message === 'object' && message !== null && (message as { type?: unknown }).type === ANSWER;

/** In a worker: answers the primary's scrapes with this registry. */
export function answerMetricsToPrimary(registry: Registry): void {
  process.on('message', (message: unknown) => {
    if (!isAsk(message)) return;
    const reply = (metrics: MetricJson) => process.send?.({ type: ANSWER, id: message.id, metrics } satisfies Answer);
    registry.getMetricsAsJSON().then(reply, () => reply([]));
  });
}

let asked = 0;

function metricsOf(worker: Worker): Promise<MetricJson | null> {
  const id = (asked += 1);
  return new Promise((resolve) => {
    const done = (metrics: MetricJson | null) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      resolve(metrics);
    };
    const onMessage = (message: unknown) => {
      if (isAnswer(message) && message.id === id) done(message.metrics);
    };
    const timer = setTimeout(() => done(null), ANSWER_WITHIN_MS);
    worker.on('message', onMessage);
    try {
      worker.send({ type: ASK, id } satisfies Ask);
    } catch {
      done(null);
    }
  });
}

/** In the primary: every connected worker's metrics summed, with `own` (the primary's registry) added. */
export async function workersRegistry(own: Registry): Promise<Registry> {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.isConnected());
  const answers = await Promise.all(workers.map(metricsOf));
  const ownMetrics = await own.getMetricsAsJSON();
  return AggregatorRegistry.aggregate([...answers.filter((a): a is MetricJson => a !== null), ownMetrics]);
}

/** The primary's own instruments: how many workers listen and how many were started again. */
export function workerPoolMetrics(labels: Readonly<Record<string, string>>, pool: { readonly listening: number; readonly restarts: number }): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ ...labels });
  new Gauge({
    name: 'service_workers_listening',
    help: 'Workers of this service listening now (GATEWAY_WORKERS asks for how many)',
    registers: [registry],
    collect() {
      this.set(pool.listening);
    },
  });
  new Counter({
    name: 'service_worker_restarts_total',
    help: 'Workers started again after one died',
    registers: [registry],
    collect() {
      this.reset();
      if (pool.restarts > 0) this.inc(pool.restarts);
    },
  });
  return registry;
}
