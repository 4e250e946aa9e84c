// The benchmark settings of a test-scale start. Every start waits for its first benchmark release; at test
// scale almost every count is small, and the LP audit cannot settle them in any budget, so it gets 2 s, not
// its 20 s default. No synthetic history (four more releases built in the background, taking a core from
// the tests) and two protection batches instead of eight. The audit itself is unit-tested in
// subgraphs/benchmarks, and tests/start.test.ts runs npm start with every default.
export const SMALL_RELEASE_ENV = {
  BENCHMARK_AUDIT_SECONDS: '2',
  BENCHMARK_HISTORY_YEARS: '0',
  BENCHMARK_PROTECTION_BATCHES: '2',
} as const satisfies Record<string, string>;
