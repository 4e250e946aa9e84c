// The soak's report: one line a window, then the summary and the verdict. Healthy means /health answers
// 200 at the end, memory is flat after warm-up (the slope over the second half under the limits) and
// every request got what its kind expects: normal traffic answered, hostile traffic refused with its code.
import type { Outcome } from './traffic.ts';
import type { SoakWindow } from './observer.ts';

const MIB = 2 ** 20;
const mib = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / MIB).toFixed(1)} MiB`);
const count = (n: number) => n.toLocaleString('en-GB');

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? null;
}

/** `ok 1,000, refused TOO_MANY_ALIASES 80 · QUERY_TOO_DEEP 40, errors 0`. */
export function outcomesText(outcomes: ReadonlyMap<Outcome, number>): string {
  const refused = [...outcomes].filter(([o]) => o !== 'ok' && o !== 'error').sort(([a], [b]) => a.localeCompare(b));
  const refusedText = refused.length ? refused.map(([code, n]) => `${code} ${count(n)}`).join(' · ') : 'none';
  return `ok ${count(outcomes.get('ok') ?? 0)}, refused ${refusedText}, errors ${count(outcomes.get('error') ?? 0)}`;
}

export function windowLine(w: SoakWindow): string {
  const total = [...w.outcomes.values()].reduce((a, b) => a + b, 0);
  const sorted = [...w.healthMs].sort((a, b) => a - b);
  const p50 = percentile(sorted, 0.5);
  const max = sorted.at(-1);
  const health = p50 === null ? 'no answer' : `p50 ${p50.toFixed(0)} ms, max ${(max ?? 0).toFixed(0)} ms`;
  return (
    `[soak] ${String(w.endSeconds).padStart(4)} s | ${count(total)} requests: ${outcomesText(w.outcomes)}; unexpected ${w.unexpected}` +
    ` | heap ${mib(w.memory?.heapUsed)} (floor ${mib(w.heapFloor)}) | RSS ${mib(w.memory?.rss)}` +
    ` | /health ${health} (${w.healthMs.length + w.healthFailed} probes, ${w.healthFailed} failed)`
  );
}

/** Least-squares slope of y over x. */
export function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
}

export interface MemoryTrend {
  /** MiB a minute over the second half's windows; null when there are too few to judge (fewer than 3). */
  readonly heapSlope: number | null;
  readonly rssSlope: number | null;
  readonly windows: number;
}

/** Memory after warm-up: the slope of each window's heap floor and RSS over the second half of the run. */
export function memoryTrend(windows: readonly SoakWindow[]): MemoryTrend {
  const end = windows.at(-1)?.endSeconds ?? 0;
  const late = windows.filter((w) => w.endSeconds > end / 2 && w.memory && w.heapFloor !== null);
  if (late.length < 3) return { heapSlope: null, rssSlope: null, windows: late.length };
  const heap = late.map((w) => [w.endSeconds / 60, (w.heapFloor ?? 0) / MIB] as const);
  const rss = late.map((w) => [w.endSeconds / 60, (w.memory?.rss ?? 0) / MIB] as const);
  return { heapSlope: slope(heap), rssSlope: slope(rss), windows: late.length };
}

export interface VerdictInput {
  readonly windows: readonly SoakWindow[];
  readonly finalHealthStatus: number | null;
  readonly unexpected: number;
  readonly normalOk: number;
  readonly limits: { readonly maxHeapSlope: number; readonly maxRssSlope: number };
}

export interface Verdict {
  readonly healthy: boolean;
  readonly lines: readonly string[];
}

export function verdict(input: VerdictInput): Verdict {
  const trend = memoryTrend(input.windows);
  const problems: string[] = [];
  if (input.finalHealthStatus !== 200) problems.push(`/health answered ${input.finalHealthStatus ?? 'nothing'} at the end`);
  if (input.unexpected > 0) problems.push(`${input.unexpected} requests did not get what their kind expects`);
  if (input.normalOk === 0) problems.push('no normal request was answered');
  const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)} MiB/min`;
  let memoryLine = `[soak] memory after warm-up: not judged, ${trend.windows} windows in the second half (3 needed)`;
  if (trend.heapSlope !== null && trend.rssSlope !== null) {
    memoryLine = `[soak] memory after warm-up (${trend.windows} windows of the second half): heap floor ${signed(trend.heapSlope)} (limit ${input.limits.maxHeapSlope}), RSS ${signed(trend.rssSlope)} (limit ${input.limits.maxRssSlope})`;
    if (trend.heapSlope > input.limits.maxHeapSlope) problems.push(`the heap grew ${signed(trend.heapSlope)} after warm-up`);
    if (trend.rssSlope > input.limits.maxRssSlope) problems.push(`RSS grew ${signed(trend.rssSlope)} after warm-up`);
  }
  const healthy = problems.length === 0;
  const memory = trend.heapSlope === null ? 'memory not judged: too short' : 'memory flat after warm-up';
  return {
    healthy,
    lines: [
      memoryLine,
      healthy ? `[soak] verdict: healthy (health 200 at the end; ${memory}; no unexpected answers)` : `[soak] verdict: UNHEALTHY: ${problems.join('; ')}`,
    ],
  };
}
