// Plain-JSON GraphQL responses as subgraphs send them and the gateway expects them back. The gateway's
// own errors are built in English from registered messages and worded again, once per answer, in the
// request's language (`wordedFor`); subgraphs' errors come already worded (Accept-Language is passed on).
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { WORDS, errorJson, message, render, type Language, type Text } from '@wales-lac/errors';
import type { GraphQLResponseJson } from './subgraph-client.ts';

export type ResponseError = NonNullable<GraphQLResponseJson['errors']>[number];
export type ResponsePath = ReadonlyArray<string | number>;

const names = new Map(AUTHORITY_FACTS.map((a) => [a.code, { en: a.nameEn, cy: a.nameCy }]));
const TEXTS = new WeakMap<ResponseError, Text>();

/** An error of the gateway's own, from a registered message. */
export function gatewayError(text: Text, extras: { path?: ResponsePath | undefined; extensions?: Record<string, unknown> } = {}): ResponseError {
  const error = errorJson(text, 'en', { ...(extras.path ? { path: extras.path } : {}), ...(extras.extensions ? { extensions: extras.extensions } : {}) });
  TEXTS.set(error, text);
  return error;
}

/** The gateway's own errors among these worded in the language (subgraphs' stay as they were sent). */
export function wordedFor<R extends { errors?: ReadonlyArray<ResponseError> | undefined }>(response: R, language: Language): R {
  if (language === 'en' || !response.errors?.length) return response;
  return {
    ...response,
    errors: response.errors.map((e) => {
      const text = TEXTS.get(e);
      return text ? { ...e, message: render(text, language) } : e;
    }),
  };
}

export function authorityUnavailable(authorityCode: string, reason: Text, path?: ResponsePath): ResponseError {
  const name = names.get(authorityCode) ?? WORDS.authority;
  return gatewayError(message('AUTHORITY_UNAVAILABLE', 'partMissing', { name, authority: authorityCode, reason }), {
    path,
    extensions: { authority: authorityCode },
  });
}

export function badUserInput(text: Text, field: string, path?: ResponsePath): ResponseError {
  return gatewayError(text, { path, extensions: { field } });
}

/** Tags an authority's errors with the authority, so callers can tell which one said what. */
export function fromAuthority(authorityCode: string, errors: GraphQLResponseJson['errors']): ResponseError[] {
  return (errors ?? []).map((e) => ({ ...e, extensions: { ...e.extensions, authority: authorityCode } }));
}
