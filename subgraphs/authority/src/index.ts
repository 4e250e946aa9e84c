export { createAuthoritySubgraph, AUTHORITY_SDL } from './service.ts';
export type { AuthoritySubgraph, AuthoritySubgraphConfig } from './service.ts';
