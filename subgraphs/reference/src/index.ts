export { createReferenceSubgraph, REFERENCE_SDL } from './service.ts';
export type { ReferenceSubgraph, ReferenceSubgraphConfig } from './service.ts';
