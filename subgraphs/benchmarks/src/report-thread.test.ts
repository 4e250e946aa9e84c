// The release built in a worker thread is the release built in process (Maps in, Dates out survive the
// thread boundary), a worker that throws or hangs rejects the build, and no worker is left running.
import { describe, expect, it } from 'vitest';
import { dimensionsOf, MEASURES } from './measures.ts';
import { buildReleaseInProcess, buildReleaseInWorker, runReportWorker } from './report-thread.ts';
import type { ReportInput } from './report.ts';

/** One authority's NEET rows: the totals, every split spread evenly over its categories. */
function neet(authorityCode: string, n: number, d: number): ReportInput['counts'] {
  const measure = MEASURES.find((m) => m.id === 'neet');
  if (!measure) throw new Error('no neet measure');
  const spread = (v: number, k: number, i: number) => (i === k - 1 ? v - Math.floor(v / k) * (k - 1) : Math.floor(v / k));
  return Object.entries(dimensionsOf(measure)).flatMap(([dimension, categories]) =>
    categories.map((category, i) => ({
      authorityCode,
      measure: 'neet',
      dimension,
      category,
      numerator: spread(n, categories.length, i),
      denominator: spread(d, categories.length, i),
      children: spread(d, categories.length, i),
    })),
  );
}

const input: ReportInput = {
  snapshots: new Map([
    ['A', { takenAt: new Date('2025-01-01T00:00:00Z'), stale: false }],
    ['B', { takenAt: new Date('2025-02-01T00:00:00Z'), stale: true }],
  ]),
  regionOf: new Map([
    ['A', 'R1'],
    ['B', 'R1'],
  ]),
  counts: [...neet('A', 200, 500), ...neet('B', 300, 400)],
};

const OPTIONS = { rounding: 'none' } as const;

const workerOf = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);

describe('building the report in a worker thread', () => {
  it('gives the same figures as building in process', { timeout: 60_000 }, async () => {
    const inWorker = await buildReleaseInWorker(input, OPTIONS, new AbortController().signal);
    const inProcess = await buildReleaseInProcess(input, OPTIONS, new AbortController().signal);
    expect(inWorker.figures).toEqual(inProcess.figures);
    expect(inWorker.audit).toEqual(inProcess.audit);
    expect(inWorker.figures.some((f) => f.snapshotTakenAt instanceof Date)).toBe(true);
  });

  it('rejects with the error thrown in the worker', async () => {
    await expect(runReportWorker(workerOf("throw new Error('disclosure control failed')"), input, new AbortController().signal)).rejects.toThrow(
      'disclosure control failed',
    );
  });

  it('rejects when the worker exits without a report', async () => {
    await expect(runReportWorker(workerOf('process.exit(3)'), input, new AbortController().signal)).rejects.toThrow('exit code 3');
  });

  it('terminates a build when stopped', async () => {
    const stopping = new AbortController();
    const build = runReportWorker(workerOf('for (;;) {}'), input, stopping.signal);
    setTimeout(() => stopping.abort(new Error('service stopped')), 50);
    await expect(build).rejects.toThrow('service stopped');
  });

  it('does not start when already stopped', async () => {
    await expect(buildReleaseInWorker(input, OPTIONS, AbortSignal.abort(new Error('service stopped')))).rejects.toThrow('service stopped');
  });
});
