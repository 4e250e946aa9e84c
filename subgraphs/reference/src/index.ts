export { createReferenceSubgraph, REFERENCE_SDL } from './service.ts';
export type { ReferenceSubgraph, ReferenceSubgraphConfig } from './service.ts';
export { referenceConfigFromEnv } from './config.ts';
export type { ReferenceServiceConfig } from './config.ts';
