// Worker-thread entry for building the benchmark report (see report-worker.ts for why it runs off the
// main thread). Plain JavaScript on purpose: the worker starts without the parent's loaders (the store
// passes execArgv: []), so it runs the same under `tsx` (npm start, npm run bench:*) and under vitest,
// whose module transform does not reach worker threads. It registers tsx's ESM hooks in this thread,
// then loads the TypeScript worker module (and through it report.ts and the workspace packages).
import { register } from 'tsx/esm/api';

register();
await import('./report-worker.ts');
