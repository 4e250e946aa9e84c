// Every subgraph runs the same way: Apollo Server without stack traces or inline tracing, stopped by
// its host (not by signals), served by our HTTP layer with a health check.
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { createGraphQLHttpServer, type GraphQLHttpServer, type RequestInfo } from '@wales-lac/graphql-http';
import { subgraphErrorFormatter, type SubgraphIdentity } from './index.ts';

export async function createSubgraphServer<C extends BaseContext>(schema: GraphQLSchema, identity: SubgraphIdentity, plugins: ApolloServerPlugin<C>[] = []): Promise<ApolloServer<C>> {
  const apollo = new ApolloServer<C>({
    schema,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...plugins],
    formatError: subgraphErrorFormatter(identity),
  });
  await apollo.start();
  return apollo;
}

export interface SubgraphService {
  readonly http: GraphQLHttpServer;
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
}

/** Serves a started Apollo Server; healthy while `ping` (usually `select 1`) succeeds. */
export function serveSubgraph<C extends BaseContext>(apollo: ApolloServer<C>, context: (request: RequestInfo) => Promise<C>, ping: () => Promise<unknown>): SubgraphService {
  const http = createGraphQLHttpServer<C>({
    apollo,
    context,
    health: async () => {
      await ping();
      return { ok: true };
    },
  });
  return { http, listen: http.listen, stop: http.stop };
}
