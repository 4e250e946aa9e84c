// Runs buildReport in a worker thread (one per build: builds happen once per refresh), so disclosure
// control does not block the event loop the whole platform shares; see report-worker.ts.
import { Worker } from 'node:worker_threads';
import { buildReport, type Figure, type ReportInput } from './report.ts';

/** Builds a report; aborting the signal stops the build and rejects. */
export type ReportBuilder = (input: ReportInput, signal: AbortSignal) => Promise<readonly Figure[]>;

const WORKER_ENTRY = new URL('./report-worker.mjs', import.meta.url);

/** Builds the report in a worker thread: the service's builder. */
export const buildReportInWorker: ReportBuilder = (input, signal) => runReportWorker(WORKER_ENTRY, input, signal);

/**
 * Runs a worker module that takes the input as workerData and posts the figures back: resolves with them,
 * rejects when the worker throws or exits without them, and terminates the worker on abort or when done.
 */
export function runReportWorker(entry: URL, input: ReportInput, signal: AbortSignal): Promise<readonly Figure[]> {
  return new Promise<readonly Figure[]>((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    // execArgv: [] so the worker does not inherit the parent's loaders (tsx's, or none under vitest):
    // report-worker.mjs registers tsx itself, the same way in both.
    const worker = new Worker(entry, { workerData: input, execArgv: [] });
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
    worker.once('message', (figures: Figure[]) => settle(() => resolve(figures)));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('messageerror', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the benchmark report worker stopped (exit code ${code}) without a report`))));
  });
}

/** Builds the report on the calling thread, for unit tests; blocks the event loop while it runs. */
export const buildReportInProcess: ReportBuilder = async (input, signal) => {
  if (signal.aborted) throw abortError(signal);
  return buildReport(input);
};

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('the benchmark report build was stopped');
}
