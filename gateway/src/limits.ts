// The gateway's limits on one request (decision 0013, docs/api.md "Limits"): document limits checked
// before anything runs, a response-size cap and a time budget that cancel the calls still running.
import { getHeapStatistics } from 'node:v8';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { BREAK, Kind, visit, type GraphQLFormattedError } from 'graphql';
import type {
  GatewayExecutor,
  GatewayInterface,
  GatewayLoadResult,
  GatewayApolloConfig,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import { ERROR_CODES, message, wordedIn, type ErrorCode, type Language } from '@wales-lac/errors';
import { costLimitError, limitError, limitCodeOf, operationCost, tokenLimitError, type CostWeights, type DocumentLimits } from '@wales-lac/subgraph-edge';
import type { GatewayContext } from './gateway-context.ts';
import { RequestBudget, bindBudget } from './request-budget.ts';
import { responseTooLarge } from './subgraph-client.ts';
import { FanOutAdmission, fanOutInFlightOfCores } from './fan-out-admission.ts';

export interface GatewayLimits extends DocumentLimits {
  /** Bytes of subgraph answers one request may hold, and of the answer it gets. */
  readonly maxResponseBytes: number;
  /** How long one request may run before what is still running is cancelled. */
  readonly timeBudgetMs: number;
  /** GraphQL requests the gateway answers at once; one more is refused with GATEWAY_BUSY (decision 0025). */
  readonly maxInFlight: number;
  /** Of those, requests that ask every authority at once (fan-out-admission.ts). */
  readonly maxFanOutInFlight: number;
  /** Fan-out requests that may wait for a slot (up to 5 s each); one more is refused with GATEWAY_BUSY. */
  readonly maxFanOutWaiting: number;
}

/** The heap this process may grow to (V8's limit: `--max-old-space-size`, or what V8 chose for the machine). */
export const heapLimitBytes = (): number => getHeapStatistics().heap_size_limit;

/**
 * One request's share of the heap, in bytes of subgraph answers (decision 0025): 1/500 of it, about 8.7 MB
 * with this machine's 4.1 GiB limit (the 8 MB decision 0013 chose, now following the heap).
 */
export const DEFAULT_REQUEST_HEAP_SHARE = 0.002;

/**
 * The share of the heap all requests in flight may hold together, counted as each one's cap. Answer bytes
 * become JSON text and parsed objects a few times their size, so 1/8 counted keeps them within about half.
 */
export const IN_FLIGHT_HEAP_SHARE = 0.125;

/** A request's byte cap as a share of a heap of `heapBytes`, kept within the bounds the settings allow. */
export function responseBytesOfHeap(share: number, heapBytes: number): number {
  return Math.min(100_000_000, Math.max(10_000, Math.floor(heapBytes * share)));
}

/** How many requests of `maxResponseBytes` each fit in the in-flight share of a heap of `heapBytes`. */
export function inFlightOfHeap(maxResponseBytes: number, heapBytes: number): number {
  return Math.max(1, Math.floor((heapBytes * IN_FLIGHT_HEAP_SHARE) / maxResponseBytes));
}

const DEFAULT_RESPONSE_BYTES = responseBytesOfHeap(DEFAULT_REQUEST_HEAP_SHARE, heapLimitBytes());

/**
 * Chosen from the real operations (README, docs, tests/): the largest pass with margin (decision 0013).
 * Depth 6, 8 aliases, no directives, about 110 tokens and a cost of 264,000 are the largest found. The
 * memory limits follow the heap (decision 0025).
 */
export const DEFAULT_LIMITS: GatewayLimits = {
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 8,
  maxTokens: 2_000,
  maxCost: 600_000,
  maxResponseBytes: DEFAULT_RESPONSE_BYTES,
  timeBudgetMs: 20_000,
  maxInFlight: inFlightOfHeap(DEFAULT_RESPONSE_BYTES, heapLimitBytes()),
  maxFanOutInFlight: fanOutInFlightOfCores(),
  maxFanOutWaiting: 4 * fanOutInFlightOfCores(),
};

/** `learners` and `notifications` are asked of every authority, each answering a page of its own. */
export const COST_WEIGHTS: CostWeights = {
  fanOut: { 'Query.learners': 22, 'Query.notifications': 22 },
  // Wales has 4 regions of at most 6 authorities; 22 authorities.
  listSizes: { 'Query.regions': 4, 'Query.authorities': 22, 'Region.authorities': 6 },
  defaultListSize: 10,
};

type Formatted = GraphQLFormattedError;

const isLimitError = (e: Formatted) => limitCodeOf(e.extensions) !== null;

/** A limit's refusal with its own code (Apollo Server gives every validation error GRAPHQL_VALIDATION_FAILED). */
function recoded(e: Formatted): Formatted {
  const code = limitCodeOf(e.extensions);
  return code ? { ...e, extensions: { ...e.extensions, code } } : e;
}

function statusOf(code: unknown): number | undefined {
  return typeof code === 'string' && code in ERROR_CODES ? ERROR_CODES[code as ErrorCode].status : undefined;
}

/** A limit's refusal made after Apollo Server formatted the answer, worded for the request. */
function formattedLimit(error: ReturnType<typeof limitError>, language: Language): Formatted {
  const { http: _http, ...extensions } = error.extensions;
  return { message: wordedIn(error, language), extensions };
}

/** The profile-dependent part: who may introspect and see field suggestions. */
export interface SchemaDisclosure {
  /** False in the production profile. */
  readonly open: boolean;
  /** The role that may still introspect (and see suggestions) when closed. */
  readonly developerRole: string | null;
}

// Field suggestions name parts of the schema a closed profile does not show.
const SUGGESTION = /\s*Did you mean .+\?/;

/** Whether the document asks `__schema` or `__type` anywhere (`__typename` is not introspection). */
function isIntrospection(context: GraphQLRequestContext<GatewayContext>): boolean {
  let found = false;
  visit(context.document ?? { kind: Kind.DOCUMENT, definitions: [] }, {
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * One plugin for every document limit: depth, aliases and directives come from Armor's validation rules
 * (given to Apollo Server with `validationRules`), tokens from `parseOptions.maxTokens`; here the cost is
 * weighed once variables are known, before the executor (so before any authority is asked), and a limit's
 * refusal is made the only error of its answer: ten unknown directives are one refusal, not ten.
 */
export function limitsPlugin(limits: GatewayLimits, disclosure: SchemaDisclosure, weights: CostWeights = COST_WEIGHTS): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<GatewayContext>> {
      return {
        async didResolveOperation(context) {
          const closed = !disclosure.open && context.contextValue.caller.role !== disclosure.developerRole;
          if (closed && isIntrospection(context)) throw limitError(message('INTROSPECTION_DISABLED', 'introspection'), 'introspection', 0, 1);
          if (!context.operation) return;
          const cost = operationCost(context.schema, context.document, context.operation, context.request.variables ?? {}, weights);
          if (cost > limits.maxCost) throw costLimitError(cost, limits.maxCost);
        },
        async willSendResponse(context) {
          const body = context.response.body;
          if (body.kind !== 'single') return;
          const result = body.singleResult;
          const language = context.contextValue?.language ?? 'en';
          let errors = result.errors?.map((e) => tokenLimitFormatted(e, limits.maxTokens, language) ?? e);
          const limited = errors?.find(isLimitError);
          if (limited) errors = [recoded(limited)];
          const hideSuggestions = !disclosure.open && context.contextValue?.caller?.role !== disclosure.developerRole;
          if (hideSuggestions) errors = errors?.map((e) => (SUGGESTION.test(e.message) ? { ...e, message: e.message.replace(SUGGESTION, '').trim() } : e));
          if (errors) body.singleResult = { ...result, errors };
          // Apollo Server answers a persisted query it does not support with 200 (the APQ protocol); it is a refusal.
          const apqRefused = errors?.some((e) => e.extensions?.['code'] === 'PERSISTED_QUERY_NOT_SUPPORTED');
          const status = statusOf(limited ? limitCodeOf(limited.extensions) : apqRefused ? 'PERSISTED_QUERY_NOT_SUPPORTED' : null);
          if (status) context.response.http.status = status;
          if (status && limitCodeOf(limited?.extensions) === 'GATEWAY_BUSY') context.response.http.headers.set('retry-after', '1');
          // The executor's budget already bounds what was fetched; this bounds what the post-pass built from it.
          if (!limited && result.data && Buffer.byteLength(JSON.stringify(result)) > limits.maxResponseBytes) {
            body.singleResult = { errors: [formattedLimit(responseTooLarge(limits.maxResponseBytes), language)] };
            context.response.http.status = ERROR_CODES.RESPONSE_TOO_LARGE.status;
          }
        },
      };
    },
  };
}

function tokenLimitFormatted(error: Formatted, maxTokens: number, language: Language): Formatted | null {
  if (error.extensions?.['code'] !== 'GRAPHQL_PARSE_FAILED') return null;
  // A parse failure met in a Welsh request is already framed in Welsh around graphql-js's English.
  const coded = tokenLimitError(error.message, maxTokens);
  return coded ? formattedLimit(coded, language) : null;
}

/**
 * Runs every request's execution within its time and response budget, once admitted (a request asking every
 * authority only while fewer than `maxFanOutInFlight` do). When a budget runs out the client is answered at
 * once with the coded error, and every subgraph call still in flight is aborted.
 */
export class BudgetedGateway implements GatewayInterface {
  private innerExecutor: GatewayExecutor | null = null;
  private readonly fanOut: FanOutAdmission;

  constructor(
    private readonly inner: GatewayInterface,
    private readonly limits: GatewayLimits,
  ) {
    this.fanOut = new FanOutAdmission(limits.maxFanOutInFlight, limits.maxFanOutWaiting);
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  async load(options: { apollo: GatewayApolloConfig }): Promise<GatewayLoadResult> {
    this.innerExecutor = (await this.inner.load(options)).executor;
    return { executor: this.execute };
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  readonly execute: GatewayExecutor = async (requestContext) => {
    const inner = this.innerExecutor;
    if (!inner) throw new Error('the gateway was not loaded');
    const release = await this.fanOut.admit(requestContext);
    const budget = new RequestBudget(this.limits.maxResponseBytes);
    bindBudget(requestContext.context, budget);
    const ms = this.limits.timeBudgetMs;
    const timer = setTimeout(() => budget.exhaust(limitError(message('TIME_BUDGET_EXCEEDED', 'time', { ms }), 'time', ms, ms)), ms);
    const exhausted = new Promise<never>((_, reject) => budget.signal.addEventListener('abort', () => reject(budget.exhausted), { once: true }));
    exhausted.catch(() => undefined);
    try {
      const answer = await Promise.race([inner(requestContext), exhausted]);
      // A call cut off by the budget reads as an unavailable authority: the answer is the budget's error instead.
      if (budget.exhausted) throw budget.exhausted;
      return answer;
    } finally {
      clearTimeout(timer);
      release();
    }
  };
}
