// Runs a release build (buildReport, then the independent audit) in a worker thread, one per build
// (builds happen once per refresh), so disclosure control does not block the event loop the whole
// platform shares; see report-worker.ts.
import { Worker } from 'node:worker_threads';
import type { ReleaseAudit, Rounding } from './data/releases.ts';
import { auditRelease } from './release-audit.ts';
import { buildReport, type Figure, type ReportInput } from './report.ts';

export interface ReleaseBuildOptions {
  readonly rounding: Rounding;
  /** How long the LP audit may work (default AUDIT_BUDGET_MS); what it has not settled is reported as unproven. */
  readonly auditBudgetMs?: number;
}

/** What a build hands back: the protected figures and what the audit found in them. */
export interface BuiltRelease {
  readonly figures: readonly Figure[];
  readonly audit: ReleaseAudit;
  readonly buildSeconds: number;
  readonly auditSeconds: number;
}

/** Builds and audits a release; aborting the signal stops the build and rejects. */
export type ReleaseBuilder = (input: ReportInput, options: ReleaseBuildOptions, signal: AbortSignal) => Promise<BuiltRelease>;

const WORKER_ENTRY = new URL('./report-worker.mjs', import.meta.url);

/** The work itself, on whichever thread calls it. */
export function buildAndAudit(input: ReportInput, options: ReleaseBuildOptions): BuiltRelease {
  const started = performance.now();
  const figures = buildReport(input, options);
  const built = performance.now();
  const { details: _details, ...audit } = auditRelease(figures, input, options.auditBudgetMs === undefined ? {} : { budgetMs: options.auditBudgetMs });
  return { figures, audit, buildSeconds: (built - started) / 1000, auditSeconds: (performance.now() - built) / 1000 };
}

/** Builds in a worker thread: the service's builder. */
export const buildReleaseInWorker: ReleaseBuilder = (input, options, signal) => runReportWorker(WORKER_ENTRY, { input, options }, signal);

/**
 * Runs a worker module that takes its job as workerData and posts the result back: resolves with it,
 * rejects when the worker throws or exits without one, and terminates the worker on abort or when done.
 */
export function runReportWorker<J, R>(entry: URL, job: J, signal: AbortSignal): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    // execArgv: [] so the worker does not inherit the parent's loaders (tsx's, or none under vitest):
    // report-worker.mjs registers tsx itself, the same way in both.
    const worker = new Worker(entry, { workerData: job, execArgv: [] });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => settle(() => reject(abortError(signal)));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (result: R) => settle(() => resolve(result)));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('messageerror', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the benchmark release worker stopped (exit code ${code}) without a release`))));
  });
}

/** Builds on the calling thread, for unit tests; blocks the event loop while it runs. */
export const buildReleaseInProcess: ReleaseBuilder = async (input, options, signal) => {
  if (signal.aborted) throw abortError(signal);
  return buildAndAudit(input, options);
};

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('the benchmark release build was stopped');
}
