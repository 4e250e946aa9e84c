// Apollo Server's gateway, wrapped so graphql-shield applies at the gateway too ("enforce twice"):
// root fields the caller's role may not ask for are refused before anything is fetched; the fetch
// also brings each child's access from its owner under hidden aliases; then the client's own
// document runs over the fetched result through the shield. See ../shared/design/FEDERATION-NOTES.md
// (beside the repository) and decision 0006.
import { createHash } from 'node:crypto';
import { print, type GraphQLSchema } from 'graphql';
import type {
  GatewayApolloConfig,
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import { ROLES, type Caller } from '@wales-lac/caller';
import { message, platformError } from '@wales-lac/errors';
import { isRecord } from './gateway-access.ts';
import { HIDDEN_PREFIX } from './hidden-fields.ts';
import { postPass } from './post-pass.ts';
import { preflight, refusalErrors, refusedAccesses, reservedAlias, type RefusedAccess } from './preflight.ts';
import { fetchDocument, type FetchDocument } from './rewrite.ts';
import { shieldedSchema } from './shielded-schema.ts';
import { visibleUpstreamErrors } from './upstream-errors.ts';

interface FetchPlan extends FetchDocument {
  readonly source: string;
  readonly queryHash: string;
}

interface ShieldState {
  readonly apiSchema: GraphQLSchema;
  readonly shielded: GraphQLSchema;
  /** Rewritten documents by query hash, operation and refused fields: the same request rewrites the same way. */
  readonly plans: Map<string, FetchPlan>;
}

const PLAN_CACHE_LIMIT = 1_000;

function callerOf(context: unknown): Caller | null {
  const caller = isRecord(context) ? context['caller'] : undefined;
  // Built by authenticatingContext; the role is checked because every rule turns on it.
  return isRecord(caller) && (ROLES as readonly unknown[]).includes(caller['role']) ? (caller as unknown as Caller) : null;
}

function result(
  data: GatewayExecutionResult['data'],
  errors: GatewayExecutionResult['errors'],
  extensions: GatewayExecutionResult['extensions'],
): GatewayExecutionResult {
  return { data, ...(errors && errors.length > 0 ? { errors } : {}), ...(extensions ? { extensions } : {}) };
}

export class ShieldedGateway implements GatewayInterface {
  private state: ShieldState | null = null;
  private failure: unknown = null;
  private innerExecutor: GatewayExecutor | null = null;

  constructor(
    private readonly inner: GatewayInterface,
    /** Tells the owning authorities about accesses refused here, for their audit logs. */
    private readonly reportRefusals: (caller: Caller, refusals: readonly RefusedAccess[]) => Promise<void> = async () => undefined,
  ) {
    // Registered before Apollo Server's own listener, so the shield is ready when the schema is.
    inner.onSchemaLoadOrUpdate(({ apiSchema }) => {
      this.state = null;
      try {
        this.state = { apiSchema, shielded: shieldedSchema(apiSchema), plans: new Map() };
      } catch (error) {
        this.failure = error;
        throw error;
      }
    });
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  async load(options: { apollo: GatewayApolloConfig }): Promise<GatewayLoadResult> {
    const { executor } = await this.inner.load(options);
    if (!this.state) throw new Error(`the gateway's shield could not be built: ${(this.failure as Error | null)?.message ?? 'no schema was loaded'}`);
    this.innerExecutor = executor;
    return { executor: this.execute };
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  readonly execute: GatewayExecutor = async (requestContext) => {
    const state = this.state;
    const inner = this.innerExecutor;
    // Fail closed: without a shield for the current schema, nothing is served.
    if (!state || !inner) return { errors: [platformError(message('SERVICE_UNAVAILABLE', 'cannotCheck'))] };
    const caller = callerOf(requestContext.context);
    if (!caller) return { errors: [platformError(message('UNAUTHENTICATED', 'noCaller'))] };
    const { document, operation } = requestContext;
    const reserved = reservedAlias(document);
    if (reserved)
      return { errors: [platformError(message('BAD_USER_INPUT', 'reservedAlias', { prefix: HIDDEN_PREFIX, alias: reserved }), { field: 'query' })] };

    const variables = requestContext.request.variables ?? {};
    const checked = preflight(document, operation, variables, caller.role);
    if (checked.refused.size > 0) await this.reportRefusals(caller, refusedAccesses(document, operation, variables, checked.refused));
    const upstream: GatewayExecutionResult = checked.needsFetch ? await inner(this.fetchContext(state, requestContext, checked.refused)) : { data: {} };
    // No data at all: the request itself was refused (e.g. its variables); nothing to shield.
    if (upstream.data === undefined) return upstream;
    const upstreamErrors = upstream.errors ?? [];
    if (upstream.data === null) {
      const errors = [...refusalErrors(document, operation, variables, caller.role), ...visibleUpstreamErrors(upstreamErrors, null, [])];
      return result(null, errors, upstream.extensions);
    }
    const shielded = await postPass({
      schema: state.shielded,
      document,
      operationName: operation.name?.value,
      variables,
      fetched: upstream.data,
      caller,
    });
    if (shielded.data === undefined) return { errors: shielded.errors };
    // A refused non-null root field (e.g. `learners`) makes `data` null, as GraphQL requires.
    const errors = [...visibleUpstreamErrors(upstreamErrors, shielded.data, shielded.denied), ...shielded.errors];
    return result(shielded.data, errors, upstream.extensions);
  };

  /** The request context for the rewritten operation, with its own query hash (so its own cached plan). */
  private fetchContext(state: ShieldState, requestContext: GatewayGraphQLRequestContext, refused: ReadonlySet<string>): GatewayGraphQLRequestContext {
    const { operation, document, queryHash } = requestContext;
    const key = [queryHash, operation.name?.value ?? '', [...refused].sort().join(',')].join('\n');
    let plan = state.plans.get(key);
    if (!plan) {
      const rewritten = fetchDocument(state.apiSchema, document, operation, refused);
      const source = rewritten.changed ? print(rewritten.document) : requestContext.source;
      plan = { ...rewritten, source, queryHash: rewritten.changed ? createHash('sha256').update(source).digest('hex') : queryHash };
      if (state.plans.size >= PLAN_CACHE_LIMIT) state.plans.delete(state.plans.keys().next().value as string);
      state.plans.set(key, plan);
    }
    if (!plan.changed) return requestContext;
    return {
      ...requestContext,
      request: { ...requestContext.request, query: plan.source },
      source: plan.source,
      document: plan.document,
      operation: plan.operation,
      queryHash: plan.queryHash,
    };
  }
}
