// @apollo/subgraph exports its resolver-map type only from a file inside its dist folder, not from its
// entry point. The one import of it is here; the subgraphs take it from this package.
// eslint-disable-next-line no-restricted-imports
export type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
