// Runs a release build (buildReport, then the independent audit) in a worker thread, one per build
// (builds happen once per refresh), so disclosure control does not block the event loop the whole
// platform shares; see report-worker.ts.
import { Worker } from 'node:worker_threads';
import type { ReleaseAudit, Rounding } from './data/releases.ts';
import { auditRelease } from './release-audit.ts';
import { MARKERS } from '@wales-lac/disclosure';
import { familyOf } from './numbers.ts';
import { MEASURES } from './measures.ts';
import { buildReport, type Figure, type ReportInput } from './report.ts';

export interface ReleaseBuildOptions {
  readonly rounding: Rounding;
  /** How long the LP audit may work (default AUDIT_BUDGET_MS); what it has not settled is reported as unproven. */
  readonly auditBudgetMs?: number;
  /** How many batches secondary suppression solves (default 8, decision 0015). */
  readonly protectionBatches?: number;
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

/** How often a release whose audit finds something is protected further before it fails. */
const AUDIT_ROUNDS = 3;

/**
 * The work itself, on whichever thread calls it: build, then audit; what the audit proves a reader could
 * work out is hidden, with every measure of its number family, in every geography, and the release is
 * audited again. Hiding only widens what a reader can conclude, so this ends safe: in the last round
 * everything is hidden. A release still with findings is not published (the store keeps the last one).
 */
export function buildAndAudit(input: ReportInput, options: ReleaseBuildOptions): BuiltRelease {
  const started = performance.now();
  let figures = buildReport(input, {
    rounding: options.rounding,
    ...(options.protectionBatches === undefined ? {} : { protectionBatches: options.protectionBatches }),
  });
  const built = performance.now();
  const budget = options.auditBudgetMs === undefined ? {} : { budgetMs: options.auditBudgetMs };
  let { details, ...audit } = auditRelease(figures, input, budget);
  for (let round = 1; round <= AUDIT_ROUNDS && audit.findings > 0; round += 1) {
    const measures = round === AUDIT_ROUNDS ? new Set(MEASURES.map((m) => m.id)) : measuresOfFamilies(details.map((d) => d.cell));
    figures = figures.map((f) => (measures.has(f.measure) && f.marker === null ? suppressedFigure(f) : f));
    ({ details, ...audit } = auditRelease(figures, input, budget));
  }
  return { figures, audit, buildSeconds: (built - started) / 1000, auditSeconds: (performance.now() - built) / 1000 };
}

/** The measures that show any number of the families of these audit cells (`number|place`, or `a − b`). */
function measuresOfFamilies(cells: readonly string[]): Set<string> {
  const numbers = cells.flatMap((cell) => cell.split(' − ').map((id) => (id.split('|')[0] ?? '').split('@')[0] ?? ''));
  const family = familyOf(numbers, MEASURES);
  return new Set(
    MEASURES.filter((m) => [m.numbers.numerator, m.numbers.denominator, m.numbers.children].some((n) => n !== undefined && family.has(n))).map((m) => m.id),
  );
}

function suppressedFigure(f: Figure): Figure {
  return {
    ...f,
    numerator: null,
    denominator: null,
    rate: null,
    lower: null,
    upper: null,
    marker: MARKERS.suppressed.code,
    comparedWithWales: 'not-comparable',
    comparedWithRegion: 'not-comparable',
  };
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
