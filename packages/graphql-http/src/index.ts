export { createGraphQLHttpServer } from './server.ts';
export type { GraphQLHttpServer, GraphQLHttpServerOptions, RequestInfo } from './server.ts';
