// One HTTP call from the gateway to one subgraph instance: signs the caller's assertion for that
// instance and that exact body, and gives up after a bounded time.
import { ASSERTION_HEADER, type Caller } from '@wales-lac/caller';
import { message, type Text } from '@wales-lac/errors';
import { limitError } from '@wales-lac/subgraph-edge';
import { RequestBudget } from './request-budget.ts';

export interface SubgraphRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string | null;
}

export interface GraphQLResponseJson {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

export type SubgraphOutcome = { readonly kind: 'answered'; readonly response: GraphQLResponseJson } | { readonly kind: 'unavailable'; readonly reason: Text };

export type AssertionSigner = (caller: Caller, audience: string, body: string) => Promise<string>;

export interface SubgraphClient {
  /** The assertion audience, e.g. 'authority:W06000015' or 'reference'. */
  readonly audience: string;
  readonly url: string;
  /** `budget`: the incoming request's, which cancels this call when it runs out (none for the gateway's own calls). */
  send(request: SubgraphRequest, caller: Caller, headers?: Record<string, string>, budget?: RequestBudget): Promise<SubgraphOutcome>;
  /** GET /health on the instance. */
  healthy(): Promise<boolean>;
}

export interface SubgraphClientOptions {
  readonly audience: string;
  readonly url: string;
  readonly sign: AssertionSigner;
  readonly timeoutMs: number;
  /** Bytes one answer may be when no request's budget counts it (the gateway's own calls): the request cap. */
  readonly maxResponseBytes: number;
}

function isResponseJson(value: unknown): value is GraphQLResponseJson {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The answer's text, its bytes counted against the request's response budget as they arrive; null (and
 * the rest left unread) once the request's subgraph answers together pass the cap, so no request can hold
 * more than that in memory however large the answers it asked for. A call of the gateway's own (no
 * request's budget) is counted on a budget of its own, so no answer is read unbounded.
 */
async function readCounted(response: Response, budget: RequestBudget): Promise<string | null> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    if (!budget.spend(next.value.byteLength, () => responseTooLarge(budget.maxResponseBytes))) {
      // Exhausting the request's budget has aborted this fetch already, which may reject the cancel.
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function responseTooLarge(maxBytes: number) {
  return limitError(message('RESPONSE_TOO_LARGE', 'responseBytes', { max: maxBytes }), 'response-bytes', maxBytes, maxBytes + 1);
}

export function createSubgraphClient(options: SubgraphClientOptions): SubgraphClient {
  const healthUrl = new URL('/health', options.url).toString();
  return {
    audience: options.audience,
    url: options.url,
    async send(request, caller, headers = {}, budget) {
      const body = JSON.stringify({ query: request.query, variables: request.variables ?? {}, operationName: request.operationName ?? undefined });
      try {
        const assertion = await options.sign(caller, options.audience, body);
        // The request's own budget cancels this call too: nothing keeps running once the client's answer is decided.
        if (budget?.exhausted) return { kind: 'unavailable', reason: message('AUTHORITY_UNAVAILABLE', 'notAsked') };
        const timeout = AbortSignal.timeout(options.timeoutMs);
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
          body,
          signal: budget ? AbortSignal.any([timeout, budget.signal]) : timeout,
        });
        const text = await readCounted(response, budget ?? new RequestBudget(options.maxResponseBytes));
        if (text === null) return { kind: 'unavailable', reason: message('AUTHORITY_UNAVAILABLE', 'answeredTooMuch') };
        const json: unknown = parseJson(text);
        if (isResponseJson(json)) return { kind: 'answered', response: json };
        return { kind: 'unavailable', reason: message('AUTHORITY_UNAVAILABLE', 'notGraphql', { status: response.status }) };
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        // Transport errors carry internal addresses: say what happened, not where.
        return {
          kind: 'unavailable',
          reason: timedOut ? message('AUTHORITY_UNAVAILABLE', 'notAnswered', { ms: options.timeoutMs }) : message('AUTHORITY_UNAVAILABLE', 'unreachable'),
        };
      }
    },
    async healthy() {
      try {
        const response = await fetch(healthUrl, { signal: AbortSignal.timeout(options.timeoutMs) });
        await response.body?.cancel();
        return response.ok;
      } catch {
        return false;
      }
    },
  };
}
