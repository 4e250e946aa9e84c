// Sends one typed document to the gateway: the variables are checked against the operation's at compile
// time, and the answer's `data` has the operation's exact shape.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GraphError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  /** Always has `code` (docs/errors.md), and more by code: `authority`, `field`, `limit`… */
  readonly extensions?: { readonly code?: string } & Readonly<Record<string, unknown>>;
}

/** A GraphQL answer: data and errors may come together (one authority missing, one child refused). */
export interface Answer<Result> {
  readonly status: number;
  readonly data?: Result | null;
  readonly errors?: readonly GraphError[];
}

export interface AskOptions {
  /** The identity token, sent as `Authorization: Bearer …`. */
  readonly token: string;
  /** `cy` or `en`, for names and labels (docs/api.md, "Language"). */
  readonly language?: 'cy' | 'en';
  readonly signal?: AbortSignal;
}

export async function ask<Result, Variables extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  options: AskOptions,
): Promise<Answer<Result>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${options.token}`,
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const body = (await response.json()) as Omit<Answer<Result>, 'status'>;
  return { status: response.status, ...body };
}
