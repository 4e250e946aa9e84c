// Errors built from the registry: the message is worded in a language when it is built (English unless
// told), and the error keeps its registered message so that it can be worded again for the request.
import { GraphQLError, type ASTNode } from 'graphql';
import { ERROR_CODES, type ErrorCode } from './codes.ts';
import { render, type Language, type Text } from './text.ts';

const TEXTS = new WeakMap<object, Text>();

export interface ErrorOptions {
  /** The language to word it in (default English; a request's errors are worded again by its language). */
  readonly language?: Language;
  /** Sent with this code instead of the message's own (an upstream error re-said, keeping its code). */
  readonly code?: ErrorCode;
  /** Where in the answer it belongs; such a field error carries no HTTP status (the answer stays 200). */
  readonly path?: readonly (string | number)[];
  /** The part of the document it is about (its locations in the answer). */
  readonly nodes?: ASTNode;
}

/** A GraphQL error with a registered code and message (and the HTTP status that goes with it where HTTP applies). */
export function platformError(text: Text, extensions: Record<string, unknown> = {}, options: ErrorOptions = {}): GraphQLError {
  const code = options.code ?? text.code;
  const error = new GraphQLError(render(text, options.language ?? 'en'), {
    ...(options.path ? { path: options.path } : {}),
    ...(options.nodes ? { nodes: options.nodes } : {}),
    extensions: { ...extensions, code, ...(options.path ? {} : { http: { status: ERROR_CODES[code].status } }) },
  });
  TEXTS.set(error, text);
  return error;
}

/**
 * Gives an error a library built (graphql-js, Apollo Server) a registered message, worded in English now and
 * again in the request's language later, and adds extensions (keeping its code).
 */
export function withText(error: GraphQLError, text: Text, extensions: Record<string, unknown> = {}): void {
  error.message = render(text, 'en');
  Object.assign(error.extensions, extensions);
  TEXTS.set(error, text);
}

/** The registered message an error (or the error it wraps, as graphql-js and Apollo Server do) was built from. */
export function textOf(error: unknown): Text | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = (e as { originalError?: unknown }).originalError, depth += 1) {
    const text = TEXTS.get(e);
    if (text) return text;
  }
  return null;
}

/** Plain JSON form of an error, for places that build responses without graphql-js. */
export interface ErrorJson {
  message: string;
  path?: readonly (string | number)[];
  extensions: { code: ErrorCode } & Record<string, unknown>;
}

export function errorJson(
  text: Text,
  language: Language,
  extras: { path?: readonly (string | number)[]; extensions?: Record<string, unknown> } = {},
): ErrorJson {
  return {
    message: render(text, language),
    ...(extras.path ? { path: extras.path } : {}),
    extensions: { ...extras.extensions, code: text.code },
  };
}
