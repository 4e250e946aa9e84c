import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../vitest.shared.ts';

// Cross-service tests start the real platform (22 authorities, gateway, PostgreSQL): one file at a time.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      root: new URL('.', import.meta.url).pathname,
      include: ['**/*.test.ts'],
      fileParallelism: false,
      // One PostgreSQL server for the run (embedded unless DATABASE_URL is set), shared by every file.
      globalSetup: ['./support/database-server.ts'],
      testTimeout: 60_000,
      hookTimeout: 180_000,
    },
  }),
);
