// Builds one authority's subgraph service. The same code runs for each of the 22 authorities,
// each with its own configuration, database pool and HTTP server.
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@wales-lac/subgraph-edge';
import { createAssertionVerifier, type Caller } from '@wales-lac/caller';
import { tracedAuthorityConnection, type AuthorityDatabase, type Connection } from '@wales-lac/db';
import { defaultTelemetry, type ServiceTelemetry } from '@wales-lac/telemetry';
import { authenticatedContext, createSubgraphServer, serveSubgraph, type SubgraphService } from '@wales-lac/subgraph-edge';
import { applyMiddleware, type IMiddleware } from 'graphql-middleware';
import { LEARNER_DATA, fieldGuards } from '@wales-lac/policy';
import { displayLanguageFrom } from '@wales-lac/wales';
import { MAX_DOCUMENT_BYTES, base64Length } from '@wales-lac/documents';
import { createAccessLoader } from './access.ts';
import { AccessAudit } from './audit.ts';
import { auditMiddleware } from './audit-middleware.ts';
import { auditPlugin } from './audit-plugin.ts';
import { AuditWriter } from './audit-writer.ts';
import type { CryptoKey } from 'jose';
import type { AuthorityContext } from './context.ts';
import { appendAuditRows, createAuthorityLoaders } from './data/index.ts';
import { MUTATIONS, resolvers } from './resolvers.ts';

export const AUTHORITY_SDL = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export interface AuthoritySubgraphConfig {
  /** GSS code of the authority this instance serves. */
  readonly authorityCode: string;
  readonly database: Connection<AuthorityDatabase>;
  /** The gateway's public key; only requests carrying an assertion it signed are answered. */
  readonly gatewayPublicKey: CryptoKey;
  /** Today's date; injectable so tests can fix the calendar. */
  readonly today?: () => string;
  /** Metrics, logs and (when on) traces, SQL included; default: metrics and warnings only. */
  readonly telemetry?: ServiceTelemetry;
}

export interface AuthoritySubgraph extends SubgraphService {
  readonly authorityCode: string;
}

const isoToday = () => new Date().toISOString().slice(0, 10);

/**
 * The subgraph schema with the entitlement rules applied at the source (the policy's rule tree as field
 * guards: decision 0023), wrapped by the audit.
 */
function enforcedSchema() {
  const schema = buildSubgraphSchema({ typeDefs: parse(AUTHORITY_SDL), resolvers: resolvers as GraphQLResolverMap<unknown> });
  const guards = fieldGuards<AuthorityContext>(schema, {
    accessOf: (typeName, parent, context) => {
      const key = LEARNER_DATA[typeName]?.learnerIdOf;
      const learnerId = key ? (parent as Record<string, unknown> | null)?.[key] : null;
      return typeof learnerId === 'string' ? context.access.now(learnerId) : null;
    },
    // Each mutation (and these queries) is checked by its resolver against the owning authority's data (relationship and write grants).
    rootRules: {
      Query: { accessHistory: 'open', notifications: 'open', notificationPreferences: 'open', documentContent: 'open' },
      Mutation: Object.fromEntries(MUTATIONS.map((name) => [name, 'open' as const])),
    },
  });
  return applyMiddleware(schema, synchronous(auditMiddleware), synchronous(guards));
}

/** graphql-middleware types a middleware as returning a promise; it calls it as a plain function, and ours answer at once where they can. */
const synchronous = (middleware: object) => middleware as IMiddleware<unknown, AuthorityContext, unknown>;

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The operation name the gateway passed on, for the audit log. */
function operationNameOf(rawBody: string): string | null {
  try {
    const name = (JSON.parse(rawBody) as { operationName?: unknown }).operationName;
    return typeof name === 'string' ? name.slice(0, 200) : null;
  } catch {
    return null;
  }
}

export async function createAuthoritySubgraph(config: AuthoritySubgraphConfig): Promise<AuthoritySubgraph> {
  const { authorityCode } = config;
  const telemetry = config.telemetry ?? defaultTelemetry({ service: 'authority', authority: authorityCode });
  // With tracing on, the same pool behind a span per statement; the health check's `select 1` is not traced.
  const database = telemetry.tracer ? tracedAuthorityConnection(config.database, telemetry.tracer) : config.database;
  const today = config.today ?? isoToday;
  const identity = { service: `authority ${authorityCode}`, authority: authorityCode };
  const audit = auditPlugin(new AuditWriter((rows) => appendAuditRows(database.db, rows)), telemetry);
  const apollo = await createSubgraphServer<AuthorityContext>(enforcedSchema(), identity, [audit], undefined, telemetry);
  const verifyAssertion = createAssertionVerifier(config.gatewayPublicKey, `authority:${authorityCode}`);
  const context = authenticatedContext(verifyAssertion, (caller: Caller, request): AuthorityContext => {
    const day = today();
    const acceptLanguage = firstHeader(request.headers['accept-language']);
    const loaders = createAuthorityLoaders(database.db, caller, authorityCode, day);
    return {
      caller,
      authorityCode,
      today: day,
      acceptLanguage,
      language: displayLanguageFrom(acceptLanguage),
      db: database.db,
      loaders,
      access: createAccessLoader(caller, authorityCode, day, loaders),
      audit: new AccessAudit(caller, operationNameOf(request.rawBody)),
    };
  });
  // A document the gateway forwards comes as base64 in the body (decision 0034): room for the largest allowed.
  const maxBodyBytes = base64Length(MAX_DOCUMENT_BYTES) + 64 * 1024;
  return { authorityCode, ...serveSubgraph(apollo, context, () => config.database.sql`select 1`, telemetry, { maxBodyBytes }) };
}
