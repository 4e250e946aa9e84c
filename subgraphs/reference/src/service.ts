// Builds the national reference service: authorities, regions, schools, the caller (`me`) and the Welsh and English vocabulary.
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@wales-lac/subgraph-edge';
import { parse } from 'graphql';
import type { CryptoKey } from 'jose';
import { createAssertionVerifier } from '@wales-lac/caller';
import { tracedNationalConnection, type Connection, type NationalDatabase } from '@wales-lac/db';
import { defaultTelemetry, type ServiceTelemetry } from '@wales-lac/telemetry';
import { authenticatedContext, createSubgraphServer, serveSubgraph, type SubgraphService } from '@wales-lac/subgraph-edge';
import { displayLanguageFrom } from '@wales-lac/wales';
import type { ReferenceContext } from './context.ts';
import { createReferenceLoaders } from './data/index.ts';
import { resolvers } from './resolvers.ts';

export const REFERENCE_SDL = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export interface ReferenceSubgraphConfig {
  readonly database: Connection<NationalDatabase>;
  readonly gatewayPublicKey: CryptoKey;
  readonly today?: () => string;
  /** Metrics, logs and (when on) traces, SQL included; default: metrics and warnings only. */
  readonly telemetry?: ServiceTelemetry;
}

export type ReferenceSubgraph = SubgraphService;

const isoToday = () => new Date().toISOString().slice(0, 10);

export async function createReferenceSubgraph(config: ReferenceSubgraphConfig): Promise<ReferenceSubgraph> {
  const today = config.today ?? isoToday;
  const telemetry = config.telemetry ?? defaultTelemetry({ service: 'reference' });
  const database = telemetry.tracer ? tracedNationalConnection(config.database, telemetry.tracer) : config.database;
  const schema = buildSubgraphSchema({ typeDefs: parse(REFERENCE_SDL), resolvers: resolvers as GraphQLResolverMap<unknown> });
  const apollo = await createSubgraphServer<ReferenceContext>(schema, { service: 'reference' }, [], undefined, telemetry);
  const verifyAssertion = createAssertionVerifier(config.gatewayPublicKey, 'reference');
  const context = authenticatedContext(verifyAssertion, (caller, request): ReferenceContext => {
    const header = request.headers['accept-language'];
    return {
      caller,
      language: displayLanguageFrom(Array.isArray(header) ? header[0] : header),
      db: database.db,
      loaders: createReferenceLoaders(database.db, today()),
    };
  });
  return serveSubgraph(apollo, context, () => config.database.sql`select 1`, telemetry);
}
