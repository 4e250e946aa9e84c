// What every subgraph does at its edge: accept only the gateway's assertion, and never leak internals.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AssertionError, type Caller } from '@wales-lac/caller';
import { ERROR_CODES, message, platformError, render, requestLanguageOf } from '@wales-lac/errors';
import { displayLanguageFrom } from '@wales-lac/wales';
import type { RequestInfo } from '@wales-lac/graphql-http';
import { describeError } from '@wales-lac/telemetry';
import { limitCodeOf, tokenLimitError } from './limits.ts';

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
      const text = error instanceof AssertionError ? message('UNAUTHENTICATED', 'assertionRefused', { reason: error.message }) : message('UNAUTHENTICATED', 'assertionUnchecked');
      throw platformError(text, {}, { language });
    }
  };
  return async (request) => {
    let caller = verified.get(request);
    if (!caller) verified.set(request, (caller = callerOf(request)));
    return build(await caller, request);
  };
}

const KNOWN_CODES = new Set(Object.keys(ERROR_CODES));

// postgres.js's codes for a connection it lost or could not make, the operating system's, and PostgreSQL's
// SQLSTATEs for a server shutting down or restarting (57P0x) and connection exceptions (08xxx).
const CONNECTION_FAULTS = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03']);

/** Whether an error (or one it was caused by) is the database connection failing, not the query. */
export function isDatabaseConnectionFault(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_FAULTS.has(code) || code.startsWith('08'))) return true;
  }
  return false;
}

/** Who answers, for errors that name it (an authority's code). */
export interface SubgraphIdentity {
  readonly service: string;
  readonly authority?: string;
}

/** Where the formatter reports an unexpected error: a message and fields safe to log (see describeError). */
export type ErrorLog = (message: string, fields: Record<string, string>) => void;

const consoleErrorLog: ErrorLog = (message, fields) => console.error(message, JSON.stringify(fields));

/**
 * Keeps coded errors as they are; a lost database connection becomes DATABASE_UNAVAILABLE naming the
 * authority; anything else unexpected a bare INTERNAL_SERVER_ERROR (logged here, without its message,
 * which may quote a child's data: the error's class, code, SQL without values and where it was thrown).
 */
export function subgraphErrorFormatter(identity: SubgraphIdentity, log: ErrorLog = consoleErrorLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A limit's refusal keeps its own code, which Apollo Server replaced with GRAPHQL_VALIDATION_FAILED.
    const language = requestLanguageOf(error);
    const code = limitCodeOf(formatted.extensions) ?? (tokenLimitError(formatted.message, 0) ? 'TOO_MANY_TOKENS' : formatted.extensions?.['code']);
    // INTERNAL_SERVER_ERROR is what Apollo gives any unexpected throw: its message may hold SQL and data.
    if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    const service = identity.service;
    const cause = unwrapResolverError(error);
    const path = formatted.path ? formatted.path.filter((p) => typeof p === 'string').join('.') : '';
    if (isDatabaseConnectionFault(cause)) {
      log('database connection lost', { ...describeError(cause), ...(path ? { field: path } : {}) });
      const said = render(message('DATABASE_UNAVAILABLE', 'connectionLost', { who: identity.authority ?? service }), language);
      return { message: said, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'DATABASE_UNAVAILABLE', ...(identity.authority ? { authority: identity.authority } : {}) } };
    }
    log('unexpected error', { ...describeError(cause), ...(path ? { field: path } : {}) });
    return { message: render(message('INTERNAL_SERVER_ERROR', 'internal'), language), ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Enum resolvers: stored codes are kebab-case ('kinship-foster'); the schema shows enum names (KINSHIP_FOSTER). */
export function enumValuesOf(codes: readonly string[]): Record<string, string> {
  return Object.fromEntries(codes.map((code) => [code.toUpperCase().replaceAll('-', '_'), code]));
}

export { createSubgraphServer, serveSubgraph } from './server.ts';
export type { SubgraphService } from './server.ts';
export { costLimitError, limitCodeOf, limitError, limitValidationRules, operationCost, tokenLimitError, LIMIT_EXTENSION } from './limits.ts';
export type { CostWeights, DocumentLimits } from './limits.ts';
export { SUBGRAPH_LIMITS } from './server.ts';
