// How a subgraph words its errors: a coded error keeps its code; a lost database connection says so;
// anything else is an internal error that says nothing about internals (its cause is logged, not sent).
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES, message, render, requestLanguageOf } from '@wales-lac/errors';
import { describeError } from '@wales-lac/telemetry';
import { limitCodeOf, tokenLimitError } from './limits.ts';

const KNOWN_CODES = new Set(Object.keys(ERROR_CODES));

// postgres.js's codes for a connection it lost or could not make, the operating system's, and PostgreSQL's
// SQLSTATEs for a server shutting down or restarting (57P0x) and connection exceptions (08xxx).
const CONNECTION_FAULTS = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

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
      return {
        message: said,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'DATABASE_UNAVAILABLE', ...(identity.authority ? { authority: identity.authority } : {}) },
      };
    }
    log('unexpected error', { ...describeError(cause), ...(path ? { field: path } : {}) });
    return {
      message: render(message('INTERNAL_SERVER_ERROR', 'internal'), language),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
