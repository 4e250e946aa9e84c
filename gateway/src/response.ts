// Plain-JSON GraphQL responses as subgraphs send them and the gateway expects them back.
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import type { GraphQLResponseJson } from './subgraph-client.ts';

export type ResponseError = NonNullable<GraphQLResponseJson['errors']>[number];
export type ResponsePath = ReadonlyArray<string | number>;

const names = new Map(AUTHORITY_FACTS.map((a) => [a.code, a.nameEn]));

export function authorityUnavailable(authorityCode: string, reason: string, path?: ResponsePath): ResponseError {
  return {
    message: `${names.get(authorityCode) ?? 'authority'} (${authorityCode}) ${reason}; its part of the answer is missing`,
    ...(path ? { path } : {}),
    extensions: { code: 'AUTHORITY_UNAVAILABLE', authority: authorityCode },
  };
}

export function badUserInput(message: string, field: string, path?: ResponsePath): ResponseError {
  return { message, ...(path ? { path } : {}), extensions: { code: 'BAD_USER_INPUT', field } };
}

/** Tags an authority's errors with the authority, so callers can tell which one said what. */
export function fromAuthority(authorityCode: string, errors: GraphQLResponseJson['errors']): ResponseError[] {
  return (errors ?? []).map((e) => ({ ...e, extensions: { ...e.extensions, authority: authorityCode } }));
}
