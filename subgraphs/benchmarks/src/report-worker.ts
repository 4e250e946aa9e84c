// Builds the benchmark report in a worker thread. Disclosure control over the whole report is CPU-bound
// and takes from half a second to ten seconds at Welsh scale, and the platform runs the gateway, every
// authority subgraph, reference and benchmarks in one Node process: built on the main thread, it blocks
// the event loop for all of them, so health checks fail and authorities miss the gateway's deadline
// while it runs. Here it runs on its own thread; the main thread only clones the input and the figures.
// Loaded through report-worker.mjs (which registers tsx) by buildReportInWorker in report-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { buildReport, type Figure, type ReportInput } from './report.ts';

if (!parentPort) throw new Error('report-worker.ts runs only as a worker thread');
const figures: Figure[] = buildReport(workerData as ReportInput);
parentPort.postMessage(figures);
