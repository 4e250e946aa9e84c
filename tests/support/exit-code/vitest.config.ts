import { defineConfig } from 'vitest/config';

// The cross-service run's global set-up over one test that fails (tests/exit-code.test.ts runs it).
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['failing.check.ts'],
    globalSetup: ['../database-server.ts'],
  },
});
