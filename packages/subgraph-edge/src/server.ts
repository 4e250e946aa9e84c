// Every subgraph runs the same way: Apollo Server without stack traces or inline tracing, stopped by
// its host (not by signals), served by our HTTP layer with a health check.
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { parse, type GraphQLSchema } from 'graphql';
import { errorLanguagePlugin, type Language } from '@wales-lac/errors';
import { createGraphQLHttpServer, type GraphQLHttpServer, type RequestInfo } from '@wales-lac/graphql-http';
import { metricsAnswer, requestTelemetryPlugin, type AnswerShaper, type ServiceTelemetry } from '@wales-lac/telemetry';
import { subgraphErrorFormatter, type SubgraphIdentity } from './error-format.ts';
import { limitValidationRules, type DocumentLimits } from './limits.ts';

/**
 * A subgraph's own backstop: it answers only the gateway (its assertion is required), whose operations are
 * the client's, already limited, plus the query planner's entity fetches and the shield's hidden fields. So
 * these are well above the highest gateway limits the platform's configuration accepts (depth 20, 200
 * aliases, 50 directives, 10,000 tokens); they stop a gateway fault from sending a document without bound.
 * Cost is weighed at the gateway, which knows the fan-out.
 */
export const SUBGRAPH_LIMITS: DocumentLimits = { maxDepth: 26, maxAliases: 2_000, maxDirectives: 120, maxTokens: 60_000, maxCost: Number.POSITIVE_INFINITY };

/** What a subgraph's context must say: the language its request asked for, which its errors are worded in. */
export interface LanguageContext extends BaseContext {
  readonly language: Language;
}

/**
 * `telemetry` counts, times and (when tracing) names each request, and receives the formatter's error
 * lines. `shapers` may replace the answer as it leaves (the audit); the telemetry sees the answer they leave.
 */
export async function createSubgraphServer<C extends LanguageContext>(
  schema: GraphQLSchema,
  identity: SubgraphIdentity,
  shapers: AnswerShaper<C>[] = [],
  limits: DocumentLimits = SUBGRAPH_LIMITS,
  telemetry?: ServiceTelemetry,
): Promise<ApolloServer<C>> {
  const plugins: ApolloServerPlugin<C>[] = telemetry ? [requestTelemetryPlugin<C>(telemetry, { shapers })] : shapers;
  const apollo = new ApolloServer<C>({
    schema,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitValidationRules(limits),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    // No HTTP caching of personal data, so no cache hints: Apollo's default cache-control plugin would wrap
    // every field's resolver to compute them (about a tenth of an authority's CPU on a page of 500).
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      errorLanguagePlugin((context: C) => context.language),
      ...plugins,
    ],
    formatError: subgraphErrorFormatter(identity, telemetry ? (message, fields) => telemetry.log.error(fields, message) : undefined),
  });
  await apollo.start();
  return apollo;
}

export interface SubgraphService {
  readonly http: GraphQLHttpServer;
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
}

/**
 * Serves a started Apollo Server; healthy while `ping` (usually `select 1`) succeeds. With `telemetry`, GET
 * /metrics answers its registry (a subgraph is reached only from inside the platform) and requests are traced.
 * `maxBodyBytes`: the largest request body read (default graphql-http's 1 MB).
 */
export function serveSubgraph<C extends BaseContext>(
  apollo: ApolloServer<C>,
  context: (request: RequestInfo) => Promise<C>,
  ping: () => Promise<unknown>,
  telemetry?: ServiceTelemetry,
  options: { readonly maxBodyBytes?: number } = {},
): SubgraphService {
  const http = createGraphQLHttpServer<C>({
    apollo,
    context,
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(telemetry ? { tracer: telemetry.tracer, metrics: () => metricsAnswer(telemetry.metrics.registry) } : {}),
    health: async () => {
      await ping();
      return { ok: true };
    },
    // A read that met a lost database connection (a restart: pooled connections die under it) is asked
    // again on fresh ones; a change never is: it says it was not confirmed, and its key makes a retry safe.
    // Each attempt is audited as the reads it made. Up to six: each failed attempt retires at least one of a
    // pool's (five) connections that died under it.
    retry: { attempts: 6, delayMs: 100, when: (body, answer) => lostDatabase(answer) && isReadOnly(body) },
  });
  return { http, listen: http.listen, stop: http.stop };
}

/** Whether a GraphQL request body asks only queries (no mutation or subscription). */
export function isReadOnly(body: unknown): boolean {
  const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
  if (typeof query !== 'string') return false;
  try {
    return parse(query).definitions.every((d) => d.kind !== 'OperationDefinition' || d.operation === 'query');
  } catch {
    return false;
  }
}

/** Whether an answer reports a lost database connection (by its errors' codes, not by any text in it). */
export function lostDatabase(answer: string): boolean {
  // Every answer passes here: only one that mentions the code is parsed (then by its errors, not its data).
  if (!answer.includes('DATABASE_UNAVAILABLE')) return false;
  try {
    const { errors } = JSON.parse(answer) as { errors?: { extensions?: { code?: unknown } }[] };
    return Array.isArray(errors) && errors.some((e) => e?.extensions?.code === 'DATABASE_UNAVAILABLE');
  } catch {
    return false;
  }
}
