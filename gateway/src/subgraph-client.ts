// One HTTP call from the gateway to one subgraph instance: signs the caller's assertion for that
// instance and that exact body, and gives up after a bounded time.
import { ASSERTION_HEADER, type Caller } from '@wales-lac/caller';

export interface SubgraphRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string | null;
}

export interface GraphQLResponseJson {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

export type SubgraphOutcome =
  | { readonly kind: 'answered'; readonly response: GraphQLResponseJson }
  | { readonly kind: 'unavailable'; readonly reason: string };

export type AssertionSigner = (caller: Caller, audience: string, body: string) => Promise<string>;

export interface SubgraphClient {
  /** The assertion audience, e.g. 'authority:W06000015' or 'reference'. */
  readonly audience: string;
  readonly url: string;
  send(request: SubgraphRequest, caller: Caller, headers?: Record<string, string>): Promise<SubgraphOutcome>;
  /** GET /health on the instance. */
  healthy(): Promise<boolean>;
}

export interface SubgraphClientOptions {
  readonly audience: string;
  readonly url: string;
  readonly sign: AssertionSigner;
  readonly timeoutMs: number;
}

function isResponseJson(value: unknown): value is GraphQLResponseJson {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

export function createSubgraphClient(options: SubgraphClientOptions): SubgraphClient {
  const healthUrl = new URL('/health', options.url).toString();
  return {
    audience: options.audience,
    url: options.url,
    async send(request, caller, headers = {}) {
      const body = JSON.stringify({ query: request.query, variables: request.variables ?? {}, operationName: request.operationName ?? undefined });
      try {
        const assertion = await options.sign(caller, options.audience, body);
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
          body,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const json: unknown = await response.json().catch(() => null);
        if (isResponseJson(json)) return { kind: 'answered', response: json };
        return { kind: 'unavailable', reason: `answered HTTP ${response.status} without a GraphQL response` };
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        // Transport errors carry internal addresses: say what happened, not where.
        return { kind: 'unavailable', reason: timedOut ? `did not answer within ${options.timeoutMs} ms` : 'could not be reached' };
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
