import { defineConfig } from 'vitest/config';

// Cross-service tests start the real platform (22 authorities, gateway, PostgreSQL): one file at a time.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
