// Builds and audits a benchmark release in a worker thread. Disclosure control over the whole report is
// CPU-bound and takes seconds at Welsh scale, and the platform runs the gateway, every authority subgraph,
// reference and benchmarks in one Node process: built on the main thread, it would block the event loop
// for all of them. Here it runs on its own thread; the main thread only clones the input and the result.
// Loaded through report-worker.mjs (which registers tsx) by buildReleaseInWorker in report-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportInput } from './report.ts';
import { buildAndAudit, type ReleaseBuildOptions } from './report-thread.ts';

if (!parentPort) throw new Error('report-worker.ts runs only as a worker thread');
const job = workerData as { input: ReportInput; options: ReleaseBuildOptions };
parentPort.postMessage(buildAndAudit(job.input, job.options));
