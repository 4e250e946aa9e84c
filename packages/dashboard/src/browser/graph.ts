// Asks the graph through the typed client as the signed-in caller, in the page's language. A missing or
// refused token becomes SignInNeeded (the page shows the sign-in message); any other error GraphFailure
// with the error's code (the page shows it).
import { ask, type ResultOf, type VariablesOf } from '@wales-lac/client';
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
