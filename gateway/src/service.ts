// Builds the national gateway: Apollo Gateway over the committed supergraph, with the 22 authority
// instances behind one sharded data source, callers authenticated by signed identity tokens.
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import type { CryptoKey } from 'jose';
import { createExplorer } from '@wales-lac/explorer';
import { createDashboard } from '@wales-lac/dashboard';
import { createAssertionSigner, createIdentityTokenVerifier, type IdentityTokenConfig } from '@wales-lac/caller';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGraphQLHttpServer, type GraphQLHttpServer } from '@wales-lac/graphql-http';
import { authenticatingContext } from './authentication.ts';
import { AuthorityShardsDataSource } from './authority-shards.ts';
import type { GatewayContext } from './gateway-context.ts';
import { ShieldedGateway } from './shield/shielded-gateway.ts';
import type { RefusedAccess } from './shield/preflight.ts';
import { owningAuthority } from '@wales-lac/wales';
import type { Caller, CallerClaims } from '@wales-lac/caller';
import { SingleServiceDataSource } from './single-service.ts';
import { createSubgraphClient, type SubgraphClient } from './subgraph-client.ts';
import type { TrustedDocuments } from '@wales-lac/trusted-documents';
import { trustedDocumentsPlugin } from './trusted-documents.ts';
import { BudgetedGateway, DEFAULT_LIMITS, IN_FLIGHT_HEAP_SHARE, heapLimitBytes, limitsPlugin, type GatewayLimits, type SchemaDisclosure } from './limits.ts';
import { limitValidationRules } from '@wales-lac/subgraph-edge';
import { errorLanguagePlugin, message, render, requestLanguageOf } from '@wales-lac/errors';
import { createMetricsServer, defaultTelemetry, requestTelemetryPlugin, type ServiceTelemetry } from '@wales-lac/telemetry';
import { observedSubgraphClient, subgraphMetrics } from './subgraph-telemetry.ts';
import { documentRoutes } from './documents/route.ts';
import { MAX_DOCUMENT_BYTES, base64Length } from '@wales-lac/documents';

/** How long a document's transfer to or from its authority may take. */
const DOCUMENT_TIMEOUT_MS = 30_000;

/** Documents moved at once: each holds its bytes a few times over (raw, base64, JSON) within an eighth of the heap. */
export function documentsInFlightOfHeap(heapBytes: number): number {
  return Math.max(1, Math.floor((heapBytes * IN_FLIGHT_HEAP_SHARE) / (5 * MAX_DOCUMENT_BYTES)));
}

export interface GatewayConfig {
  readonly supergraphSdl: string;
  /** GraphQL URL of each authority instance, by GSS code. */
  readonly authorities: ReadonlyMap<string, string>;
  /** GraphQL URL of each national service, by subgraph name (e.g. reference). */
  readonly services: ReadonlyMap<string, string>;
  readonly identity: IdentityTokenConfig;
  /** Signs the per-request assertions subgraphs require. */
  readonly assertionPrivateKey: CryptoKey;
  /** How long to wait for one authority before answering without it. */
  readonly subgraphTimeoutMs?: number;
  /** How long to wait for a national service (reference, benchmarks), which may do more work per request. */
  readonly nationalServiceTimeoutMs?: number;
  /**
   * Apply the policy's shield at the gateway as well as in each authority (default true). Off only to
   * measure what it costs: the authorities still enforce.
   */
  readonly shield?: boolean;
  /** Limits on one request (defaults: DEFAULT_LIMITS, docs/api.md). */
  readonly limits?: GatewayLimits;
  /**
   * The production profile: introspection and field suggestions only for `developerRole`, and no automatic
   * persisted queries (decision 0013). Default: the development profile, everything open.
   */
  readonly production?: { readonly developerRole: string | null };
  /**
   * The browser explorer at /explorer (decision 0016); absent, none is served. `issueToken` (development
   * only) signs the role picker's tokens; without it the page asks for a token to paste.
   */
  readonly explorer?: { readonly issueToken?: (claims: CallerClaims) => Promise<string> };
  /** Only these registered operations run (decision 0017); absent, any document does. */
  readonly trustedDocuments?: TrustedDocuments;
  /** Metrics, logs (a line per request) and (when on) traces; default: metrics and warnings only. */
  readonly telemetry?: ServiceTelemetry;
  /** Development pages (the captured mail at /dev/mail, decision 0029): refused in the production profile. */
  readonly devPages?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

export interface Gateway {
  readonly http: GraphQLHttpServer;
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  /** Serves GET /metrics on a port of its own, never the public one (decision 0020); stopped with the gateway. */
  listenMetrics(port: number, host?: string): Promise<{ url: string }>;
  stop(): Promise<void>;
}

/** Keeps coded errors; an uncoded error is an internal fault and says nothing about internals. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  return {
    message: render(message('INTERNAL_SERVER_ERROR', 'internal'), requestLanguageOf(error)),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

const RECORD_REFUSAL =
  'mutation RecordRefusal($record: ID!, $field: String!, $action: AccessAction!) { recordRefusedAccess(record: $record, field: $field, action: $action) }';

/** Reports each access refused at the gateway to the owning authority, for its audit log. */
function refusalReporter(authorities: ReadonlyMap<string, SubgraphClient>, telemetry: ServiceTelemetry) {
  return async (caller: Caller, refusals: readonly RefusedAccess[]) => {
    await Promise.all(
      refusals.map(async ({ record, field, action }) => {
        const authority = owningAuthority(record) ?? '';
        const owner = authorities.get(authority);
        const outcome = await owner?.send({ query: RECORD_REFUSAL, variables: { record, field, action: action.toUpperCase() } }, caller);
        // The refusal itself holds no personal data, so it is answered even if the owner cannot be told.
        // The line names the owner and the field, never the record (a child's id).
        if (outcome?.kind !== 'answered' || outcome.response.errors)
          telemetry.log.error({ authority, field }, 'a refused access could not be audited by its owner');
      }),
    );
  };
}

export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  const timeoutMs = config.subgraphTimeoutMs ?? 5_000;
  const telemetry = config.telemetry ?? defaultTelemetry({ service: 'gateway' });
  const sign = createAssertionSigner(config.assertionPrivateKey);
  const observed = subgraphMetrics(telemetry);
  const limits = config.limits ?? DEFAULT_LIMITS;
  const client = (audience: string, url: string, wait: number, subgraph: string, authority: string, maxResponseBytes = limits.maxResponseBytes) =>
    observedSubgraphClient(createSubgraphClient({ audience, url, sign, timeoutMs: wait, maxResponseBytes }), { subgraph, authority }, telemetry, observed);
  const authorityClients = new Map([...config.authorities].map(([code, url]) => [code, client(`authority:${code}`, url, timeoutMs, 'authority', code)]));
  const serviceClients = new Map([...config.services].map(([name, url]) => [name, client(name, url, config.nationalServiceTimeoutMs ?? 30_000, name, '')]));
  const everyClient: SubgraphClient[] = [...authorityClients.values(), ...serviceClients.values()];
  // A document's answer is its bytes as base64: these clients' cap is the largest document's (decision 0034).
  const documentClients = new Map(
    [...config.authorities].map(([code, url]) => [
      code,
      client(`authority:${code}`, url, DOCUMENT_TIMEOUT_MS, 'authority', code, base64Length(MAX_DOCUMENT_BYTES) + 64 * 1024),
    ]),
  );

  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name }) => {
      if (name === 'authority') return new AuthorityShardsDataSource(authorityClients);
      const service = serviceClients.get(name);
      if (!service) throw new Error(`no URL configured for the ${name} service`);
      return new SingleServiceDataSource(name, service);
    },
  });
  const disclosure: SchemaDisclosure = config.production
    ? { open: false, developerRole: config.production.developerRole }
    : { open: true, developerRole: null };
  const shielded = config.shield === false ? gateway : new ShieldedGateway(gateway, refusalReporter(authorityClients, telemetry));
  const apollo = new ApolloServer<GatewayContext>({
    gateway: new BudgetedGateway(shielded, limits),
    // Introspection is allowed here and refused per caller by the limits plugin (a developer role may keep it).
    introspection: true,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitValidationRules(limits),
    // Apollo's landing page loads from a CDN; browsers get the local explorer instead (graphql-http).
    plugins: [
      ...(config.trustedDocuments ? [trustedDocumentsPlugin(config.trustedDocuments)] : []),
      limitsPlugin(limits, disclosure),
      errorLanguagePlugin((context: GatewayContext) => context.language),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestTelemetryPlugin<GatewayContext>(telemetry, { logLevel: 'info' }),
    ],
    // Front ends send whole documents; in production a caller may not register arbitrary ones (issue 10).
    ...(config.production ? { persistedQueries: false as const } : {}),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError,
  });
  await apollo.start();

  if (config.production && config.explorer?.issueToken) throw new Error('the explorer never issues tokens in the production profile');
  const explorer = config.explorer ? createExplorer(config.explorer.issueToken ? { issueToken: config.explorer.issueToken } : {}) : null;
  // The dashboard comes with the explorer and signs in through the explorer's role picker endpoint
  // (one place mints development tokens), so it has none of its own (decision 0018).
  const dashboard = explorer ? createDashboard({ tokenPath: config.explorer?.issueToken ? `${explorer.base}/token` : null }) : null;
  if (config.production && config.devPages) throw new Error('development pages are never served in the production profile');
  const devPages = config.devPages ?? null;
  const browserPages =
    explorer && dashboard
      ? async (req: IncomingMessage, res: ServerResponse, url: URL) => (await dashboard.handle(req, res, url)) || explorer.handle(req, res, url)
      : null;
  const pages =
    browserPages || devPages
      ? async (req: IncomingMessage, res: ServerResponse, url: URL) =>
          (devPages ? await devPages(req, res, url) : false) || (browserPages ? browserPages(req, res, url) : false)
      : null;
  const authenticate = authenticatingContext(createIdentityTokenVerifier(config.identity));
  const reportRefusal = refusalReporter(authorityClients, telemetry);
  const documents = documentRoutes({
    authenticate,
    authorities: documentClients,
    maxInFlight: documentsInFlightOfHeap(heapLimitBytes()),
    reportRefusal: (caller, record, field) => reportRefusal(caller, [{ record, field, action: 'read' }]),
  });
  const everyPage = async (req: IncomingMessage, res: ServerResponse, url: URL) => (await documents(req, res, url)) || (pages ? pages(req, res, url) : false);
  const http = createGraphQLHttpServer<GatewayContext>({
    apollo,
    pages: everyPage,
    ...(explorer ? { browserLanding: explorer.base } : {}),
    context: authenticate,
    maxInFlight: limits.maxInFlight,
    tracer: telemetry.tracer,
    health: async () => {
      const answers = await Promise.all(everyClient.map(async (c) => [c.audience, await c.healthy()] as const));
      const down = answers.filter(([, ok]) => !ok).map(([audience]) => audience);
      return { ok: down.length === 0, detail: { subgraphs: answers.length, unavailable: down } };
    },
  });
  const metrics = createMetricsServer(telemetry.metrics.registry);
  return {
    http,
    listen: http.listen,
    listenMetrics: metrics.listen,
    stop: async () => {
      await metrics.close();
      await http.stop();
    },
  };
}
