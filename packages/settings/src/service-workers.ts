// Running a service as N workers on one port (node:cluster, decision 0024): the primary reads the settings
// (a bad one stops it with 78 before any worker starts), forks the workers, which each read the same
// environment and run the ordinary service on the shared port, and prints the listening line once all
// of them listen. A worker that dies is started again after a back-off that doubles while it keeps
// dying. SIGTERM on the primary: each worker gets SIGTERM and does its own orderly stop; then exit 0.
// With one worker nothing is forked: the service runs in this process exactly as runService runs it.
import cluster, { type Worker } from 'node:cluster';
import { exitOnStartFailure, runService, settingsOrExit, stopOnSignals, type RunningService } from './service-main.ts';

/** Tells a worker which of the N it is (1…N); the same slot is given to the worker that replaces it. */
export const WORKER_SLOT = 'SERVICE_WORKER_SLOT';

/** What the primary knows of its workers, for its own metrics. */
export interface WorkerPool {
  /** Workers listening now. */
  readonly listening: number;
  /** Workers started again after one died. */
  readonly restarts: number;
}

export interface ServiceWorkersOptions<C> {
  /** How many workers the settings ask for. */
  count(config: C): number;
  /** One copy of the service: `slot` is 1…N in a worker, null when it runs alone. */
  start(config: C, slot: number | null): Promise<RunningService>;
  /** What the primary serves beside its workers (the gateway: their metrics summed); stopped first. */
  primary?(config: C, pool: WorkerPool): Promise<{ stop(): Promise<void> } | null>;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
}

const LISTENING_MESSAGE = 'service-worker:listening';
/** Up this long and a worker's next death starts the back-off afresh. */
const STABLE_MS = 10_000;
/** Longer than a worker's own drain (graphql-http's stop: 10 s), then it is killed. */
const STOP_GRACE_MS = 15_000;
const DEFAULT_BACKOFF = { initialMs: 250, maxMs: 10_000 };

class WorkerStartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function isListening(message: unknown): message is { type: string; url: string } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === LISTENING_MESSAGE;
}

const exitOf = (code: number | null, signal: string | null) => signal ?? `code ${code}`;

/** Forks `count` workers and keeps them running; resolves once every one listens. */
function startWorkers(service: string, count: number, backoff: { initialMs: number; maxMs: number }): Promise<RunningService & WorkerPool> {
  const workers = new Map<number, Worker>();
  const listening = new Set<number>();
  const timers = new Set<NodeJS.Timeout>();
  const delays = new Map<number, number>();
  let restarts = 0;
  let stopping = false;
  let started = false;
  let url = '';

  const stop = async () => {
    stopping = true;
    for (const timer of timers) clearTimeout(timer);
    const exits = [...workers.values()].map(
      (worker) =>
        new Promise<string>((done) => {
          const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
          worker.once('exit', (code, signal) => {
            clearTimeout(kill);
            done(exitOf(code, signal));
          });
          worker.process.kill('SIGTERM');
        }),
    );
    const ends = await Promise.all(exits);
    if (ends.some((end) => end !== 'code 0')) throw new Error(`workers ended ${ends.join(', ')}`);
  };

  return new Promise((resolve, reject) => {
    const fork = (slot: number) => {
      const startedAt = Date.now();
      const worker = cluster.fork({ [WORKER_SLOT]: String(slot) });
      workers.set(slot, worker);
      worker.on('message', (message: unknown) => {
        if (!isListening(message) || workers.get(slot) !== worker) return;
        url = message.url;
        listening.add(slot);
        if (!started && listening.size === count) {
          started = true;
          resolve(pool);
        }
      });
      worker.once('exit', (code, signal) => {
        if (workers.get(slot) !== worker) return;
        workers.delete(slot);
        listening.delete(slot);
        if (stopping) return;
        const end = exitOf(code, signal);
        if (!started) {
          // A worker that cannot start says why on the shared output; the primary fails the same way.
          void stop().catch(() => undefined);
          reject(new WorkerStartError(`worker ${slot} exited (${end}) before it listened`, code ?? 1));
          return;
        }
        const delay = Date.now() - startedAt > STABLE_MS ? backoff.initialMs : (delays.get(slot) ?? backoff.initialMs);
        delays.set(slot, Math.min(delay * 2, backoff.maxMs));
        restarts += 1;
        console.error(`${service}: worker ${slot} (pid ${worker.process.pid}) exited (${end}); starting it again in ${delay} ms`);
        const timer = setTimeout(() => {
          timers.delete(timer);
          fork(slot);
        }, delay);
        timers.add(timer);
      });
    };
    const pool: RunningService & WorkerPool = {
      get url() {
        return url;
      },
      get listening() {
        return listening.size;
      },
      get restarts() {
        return restarts;
      },
      stop,
    };
    for (let slot = 1; slot <= count; slot += 1) fork(slot);
  });
}

function runPrimary<C>(service: string, readConfig: () => Promise<C> | C, options: ServiceWorkersOptions<C>): void {
  const run = async () => {
    const config = await settingsOrExit(service, readConfig);
    const count = options.count(config);
    if (count === 1)
      return runService(
        service,
        () => config,
        (c) => options.start(c, null),
      );
    const workers = await startWorkers(service, count, options.backoff ?? DEFAULT_BACKOFF);
    const beside = await options.primary?.(config, workers);
    console.log(`${service} listening at ${workers.url} (${count} workers)`);
    stopOnSignals(service, async () => {
      await beside?.stop();
      await workers.stop();
    });
  };
  run().catch((error: unknown) => {
    if (error instanceof WorkerStartError) {
      console.error(`${service}: ${error.message}`);
      process.exit(error.exitCode);
    }
    exitOnStartFailure(service)(error);
  });
}

/** A worker: the ordinary service, reporting to the primary instead of printing the listening line. */
function runWorker<C>(service: string, readConfig: () => Promise<C> | C, options: ServiceWorkersOptions<C>): void {
  // The slot is what the primary told this worker when it forked it, not a setting an operator gives.
  // eslint-disable-next-line no-restricted-properties
  const slot = Number(process.env[WORKER_SLOT]);
  const run = async () => {
    const running = await options.start(await settingsOrExit(service, readConfig), slot);
    stopOnSignals(service, () => running.stop());
    process.send?.({ type: LISTENING_MESSAGE, url: running.url });
  };
  run().catch(exitOnStartFailure(`${service} worker ${slot}`));
}

/** runService for a service that may run as several workers (`options.count`) on one port. */
export function runServiceWorkers<C>(service: string, readConfig: () => Promise<C> | C, options: ServiceWorkersOptions<C>): void {
  if (cluster.isPrimary) runPrimary(service, readConfig, options);
  else runWorker(service, readConfig, options);
}
