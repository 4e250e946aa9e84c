export { createBenchmarksSubgraph, BENCHMARKS_SDL } from './service.ts';
export type { BenchmarksSubgraph, BenchmarksSubgraphConfig } from './service.ts';
export { MEASURES, DIMENSIONS, dimensionsOf } from './measures.ts';
export type { MeasureDefinition, MeasureKind } from './measures.ts';
export { buildReport } from './report.ts';
export type { Figure } from './report.ts';
export { buildReleaseInWorker, buildReleaseInProcess } from './report-thread.ts';
export type { ReleaseBuilder, BuiltRelease, ReleaseBuildOptions } from './report-thread.ts';
