import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../vitest.shared.ts';

// Cross-service tests start the real platform (22 authorities, gateway, PostgreSQL). Most files run two
// at a time: each platform is one Node process, so two of them keep both cores of a small machine busy.
// The files below run afterwards, one at a time, with the machine to themselves: benches and the soak
// (they measure), process mode (27 processes), a fresh npm start, and the tests of timeouts, budgets,
// restarts and concurrency, which would otherwise be judging the other file's load.
const ALONE = [
  'bench-gateway-workers.test.ts',
  'bench-ratios.test.ts',
  'soak.test.ts',
  'processes.test.ts',
  'start.test.ts',
  'entry-points.test.ts',
  'existence-oracle.test.ts',
  'audit-chain.test.ts',
  'request-budget.test.ts',
  'limits.test.ts',
  'database-restart.test.ts',
  'faults.test.ts',
  'exit-code.test.ts',
];

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      root: new URL('.', import.meta.url).pathname,
      // Each worker imports the platform's modules once for all its files (each file still starts its own platform).
      isolate: false,
      // One PostgreSQL server per group (embedded unless DATABASE_URL is set), shared by its files.
      globalSetup: ['./support/database-server.ts'],
      testTimeout: 60_000,
      hookTimeout: 180_000,
      projects: [
        { extends: true, test: { name: 'two at a time', include: ['*.test.ts'], exclude: ALONE, maxWorkers: 2, sequence: { groupOrder: 0 } } },
        { extends: true, test: { name: 'alone', include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } } },
      ],
    },
  }),
);
