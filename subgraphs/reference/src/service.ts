// Builds the national reference service: authorities, regions, schools and the caller (`me`).
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import type { CryptoKey } from 'jose';
import { createAssertionVerifier } from '@wales-lac/caller';
import type { Connection, NationalDatabase } from '@wales-lac/db';
import { createGraphQLHttpServer, type GraphQLHttpServer } from '@wales-lac/graphql-http';
import { authenticatedContext, subgraphErrorFormatter } from '@wales-lac/subgraph-edge';
import { displayLanguageFrom } from '@wales-lac/wales';
import type { ReferenceContext } from './context.ts';
import { createReferenceLoaders } from './data/index.ts';
import { resolvers } from './resolvers.ts';

export const REFERENCE_SDL = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export interface ReferenceSubgraphConfig {
  readonly database: Connection<NationalDatabase>;
  readonly gatewayPublicKey: CryptoKey;
  readonly today?: () => string;
}

export interface ReferenceSubgraph {
  readonly http: GraphQLHttpServer;
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
}

const isoToday = () => new Date().toISOString().slice(0, 10);

export async function createReferenceSubgraph(config: ReferenceSubgraphConfig): Promise<ReferenceSubgraph> {
  const today = config.today ?? isoToday;
  const apollo = new ApolloServer<ReferenceContext>({
    schema: buildSubgraphSchema({ typeDefs: parse(REFERENCE_SDL), resolvers: resolvers as GraphQLResolverMap<unknown> }),
    includeStacktraceInErrorResponses: false,
    // The process that hosts the service decides when to stop; tracing is the gateway's business.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: subgraphErrorFormatter('reference'),
  });
  await apollo.start();
  const verifyAssertion = createAssertionVerifier(config.gatewayPublicKey, 'reference');
  const http = createGraphQLHttpServer<ReferenceContext>({
    apollo,
    context: authenticatedContext(verifyAssertion, (caller, request) => {
      const header = request.headers['accept-language'];
      return {
        caller,
        language: displayLanguageFrom(Array.isArray(header) ? header[0] : header),
        db: config.database.db,
        loaders: createReferenceLoaders(config.database.db, today()),
      };
    }),
    health: async () => {
      await config.database.sql`select 1`;
      return { ok: true };
    },
  });
  return {
    http,
    listen: (port, host) => http.listen(port, host),
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
