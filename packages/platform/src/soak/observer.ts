// What the soak watches while the traffic runs: every second a GET /health (its latency and status) and
// the gateway's own heap and RSS from its Prometheus /metrics (the platform's process, wherever it runs);
// every request's outcome, by kind. Gathered in report windows, of which only counts are kept.
import type { Outcome, SoakRequest } from './traffic.ts';

export interface Memory {
  readonly heapUsed: number;
  readonly rss: number;
}

export interface SoakWindow {
  /** Seconds since the traffic started, at the window's end. */
  readonly endSeconds: number;
  /** Requests by outcome (`ok`, a code, `error`) and how many were not what their kind expects. */
  readonly outcomes: ReadonlyMap<Outcome, number>;
  readonly unexpected: number;
  /** /health latencies (ms) of the probes answered 200, and how many were not. */
  readonly healthMs: readonly number[];
  readonly healthFailed: number;
  /** The lowest heap seen (the floor after collections) and the last heap and RSS. */
  readonly heapFloor: number | null;
  readonly memory: Memory | null;
}

function metric(text: string, name: string): number | null {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The heap used and RSS a Prometheus exposition (prom-client's default metrics) reports. */
export function memoryOf(exposition: string): Memory | null {
  const heapUsed = metric(exposition, 'nodejs_heap_size_used_bytes');
  const rss = metric(exposition, 'process_resident_memory_bytes');
  return heapUsed === null || rss === null ? null : { heapUsed, rss };
}

async function readMemory(metricsUrl: string): Promise<Memory | null> {
  try {
    const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(10_000) });
    return memoryOf(await response.text());
  } catch {
    return null;
  }
}

/** One GET /health: its latency when it answers 200, null when it does not. */
export async function probeHealth(healthUrl: string): Promise<number | null> {
  const started = performance.now();
  try {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
    return response.status === 200 ? performance.now() - started : null;
  } catch {
    return null;
  }
}

export class SoakObserver {
  private outcomes = new Map<Outcome, number>();
  private unexpected = 0;
  private healthMs: number[] = [];
  private healthFailed = 0;
  private heapFloor: number | null = null;
  private memory: Memory | null = null;
  /** Totals by kind, then outcome, for the summary. */
  readonly byKind = new Map<string, Map<Outcome, number>>();
  /** How long each request took, by kind (milliseconds): the summary's refusal times (issue 10: under 100 ms). */
  readonly msByKind = new Map<string, number[]>();
  /** The first few unexpected outcomes, to say what went wrong. */
  readonly surprises: string[] = [];
  requests = 0;
  unexpectedTotal = 0;

  constructor(
    private readonly healthUrl: string,
    private readonly metricsUrl: string,
  ) {}

  record(request: SoakRequest, outcome: Outcome, ms: number): void {
    this.requests += 1;
    const times = this.msByKind.get(request.kind) ?? [];
    times.push(ms);
    this.msByKind.set(request.kind, times);
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    const kind = this.byKind.get(request.kind) ?? new Map<Outcome, number>();
    kind.set(outcome, (kind.get(outcome) ?? 0) + 1);
    this.byKind.set(request.kind, kind);
    if (request.expected.includes(outcome)) return;
    this.unexpected += 1;
    this.unexpectedTotal += 1;
    if (this.surprises.length < 10) this.surprises.push(`${request.kind}: ${outcome} (expected ${request.expected.join(' or ')})`);
  }

  /** One second's probe of /health and of memory. */
  async sample(): Promise<void> {
    const [ms, memory] = await Promise.all([probeHealth(this.healthUrl), readMemory(this.metricsUrl)]);
    if (ms === null) this.healthFailed += 1;
    else this.healthMs.push(ms);
    if (memory) {
      this.memory = memory;
      this.heapFloor = Math.min(this.heapFloor ?? memory.heapUsed, memory.heapUsed);
    }
  }

  /** Whether the window still open has had a probe. */
  get probedThisWindow(): boolean {
    return this.healthMs.length + this.healthFailed > 0;
  }

  /** Closes the window ending now and starts the next. */
  endWindow(endSeconds: number): SoakWindow {
    const window: SoakWindow = {
      endSeconds,
      outcomes: this.outcomes,
      unexpected: this.unexpected,
      healthMs: this.healthMs,
      healthFailed: this.healthFailed,
      heapFloor: this.heapFloor,
      memory: this.memory,
    };
    this.outcomes = new Map();
    this.unexpected = 0;
    this.healthMs = [];
    this.healthFailed = 0;
    this.heapFloor = null;
    return window;
  }
}
