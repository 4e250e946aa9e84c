// What every subgraph does at its edge: accept only the gateway's assertion, and never leak internals.
import { AssertionError, type Caller } from '@wales-lac/caller';
import { message, platformError } from '@wales-lac/errors';
import { displayLanguageFrom } from '@wales-lac/wales';
import type { RequestInfo } from '@wales-lac/graphql-http';

/** A context function that admits only requests with a valid gateway assertion for this exact body. */
export function authenticatedContext<C>(
  verify: (assertion: string | undefined, body: string) => Promise<Caller>,
  build: (caller: Caller, request: RequestInfo) => C,
): (request: RequestInfo) => Promise<C> {
  // An assertion is good for one request: a request run again (a read retried after a lost database
  // connection) reuses the caller it proved rather than presenting it twice.
  const verified = new WeakMap<RequestInfo, Promise<Caller>>();
  const callerOf = async (request: RequestInfo): Promise<Caller> => {
    const header = request.headers['x-gateway-assertion'];
    try {
      return await verify(Array.isArray(header) ? header[0] : header, request.rawBody);
    } catch (error) {
      // No context yet to pick the language by: the request's own header says it.
      const header = request.headers['accept-language'];
      const language = displayLanguageFrom(Array.isArray(header) ? header[0] : header);
      const text =
        error instanceof AssertionError
          ? message('UNAUTHENTICATED', 'assertionRefused', { reason: error.message })
          : message('UNAUTHENTICATED', 'assertionUnchecked');
      throw platformError(text, {}, { language });
    }
  };
  return async (request) => {
    let caller = verified.get(request);
    if (!caller) verified.set(request, (caller = callerOf(request)));
    return build(await caller, request);
  };
}

/** Enum resolvers: stored codes are kebab-case ('kinship-foster'); the schema shows enum names (KINSHIP_FOSTER). */
export function enumValuesOf(codes: readonly string[]): Record<string, string> {
  return Object.fromEntries(codes.map((code) => [code.toUpperCase().replaceAll('-', '_'), code]));
}

export { isDatabaseConnectionFault, subgraphErrorFormatter } from './error-format.ts';
export type { ErrorLog, SubgraphIdentity } from './error-format.ts';
export { createSubgraphServer, serveSubgraph } from './server.ts';
export type { SubgraphService } from './server.ts';
export { costLimitError, limitCodeOf, limitError, limitValidationRules, operationCost, tokenLimitError, LIMIT_EXTENSION } from './limits.ts';
export type { CostWeights, DocumentLimits } from './limits.ts';
export { SUBGRAPH_LIMITS } from './server.ts';
export type { GraphQLResolverMap } from './resolver-map.ts';
