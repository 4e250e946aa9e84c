// Asks the graph through the typed client as the signed-in caller, in the page's language. A missing or
// refused token becomes SignInNeeded (the page shows the sign-in message); any other error GraphFailure
// with the error's code (the page shows it). askGraphPartly keeps the data beside field errors, for a page that
// shows what is refused as refused (a section the caller may not read).
import { ask, type GraphError, type ResultOf, type VariablesOf } from '@wales-lac/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { storedToken } from './session.ts';
import type { Language } from './text.ts';

export class SignInNeeded extends Error {}
export class GraphFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const SIGN_IN_CODES = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'INVALID_TOKEN']);

export async function askGraph<D extends TypedDocumentNode<any, any>>(
  path: string,
  document: D,
  variables: VariablesOf<D>,
  language: Language,
): Promise<ResultOf<D>> {
  const token = storedToken();
  if (!token) throw new SignInNeeded('no token');
  const answer = await ask(path, document as TypedDocumentNode<ResultOf<D>, VariablesOf<D>>, variables, { token, language });
  const error = answer.errors?.[0];
  const code = error?.extensions?.code ?? (answer.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
  if (answer.status === 401 || SIGN_IN_CODES.has(code)) throw new SignInNeeded(error?.message ?? 'unauthenticated');
  if (error || !answer.data) throw new GraphFailure(code, error?.message ?? `HTTP ${answer.status}`);
  return answer.data;
}

/** A question whose answer may be partial: each refused field null with its error (a section the caller may not read). */
export interface PartialAnswer<Result> {
  readonly data: Result;
  readonly errors: readonly GraphError[];
}

export async function askGraphPartly<D extends TypedDocumentNode<any, any>>(
  path: string,
  document: D,
  variables: VariablesOf<D>,
  language: Language,
): Promise<PartialAnswer<ResultOf<D>>> {
  const token = storedToken();
  if (!token) throw new SignInNeeded('no token');
  const answer = await ask(path, document as TypedDocumentNode<ResultOf<D>, VariablesOf<D>>, variables, { token, language });
  const errors = answer.errors ?? [];
  const code = errors[0]?.extensions?.code ?? (answer.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
  if (answer.status === 401 || errors.some((e) => SIGN_IN_CODES.has(e.extensions?.code ?? ''))) throw new SignInNeeded(errors[0]?.message ?? 'unauthenticated');
  if (!answer.data) throw new GraphFailure(code, errors[0]?.message ?? `HTTP ${answer.status}`);
  return { data: answer.data, errors };
}

/** The code of the error at exactly this path of the answer, if any. */
export function errorCodeAt(errors: readonly GraphError[], path: readonly string[]): string | null {
  const error = errors.find((e) => e.path?.length === path.length && path.every((part, i) => e.path?.[i] === part));
  return error ? (error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : null;
}
