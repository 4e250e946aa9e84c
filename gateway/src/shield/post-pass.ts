// Runs the client's own document over the fetched result with the shield-wrapped schema: what the
// caller may not read becomes null with FORBIDDEN at its path; hidden fields are never selected.
import { GraphQLError, execute, type DocumentNode, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import type { Caller } from '@wales-lac/caller';
import type { Variables } from '../operation.ts';
import { isRecord, shieldContext } from './gateway-access.ts';
import { TYPENAME_KEY } from './hidden-fields.ts';

export type ResponsePath = readonly (string | number)[];

export interface PostPassResult {
  /** Undefined when the variables were refused before anything ran. */
  readonly data: Record<string, unknown> | null | undefined;
  readonly errors: readonly GraphQLError[];
  /** Paths the shield refused (the caller may not see anything at or below them). */
  readonly denied: readonly ResponsePath[];
}

export interface PostPassInput {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName: string | null | undefined;
  readonly variables: Variables | undefined;
  readonly fetched: Record<string, unknown>;
  readonly caller: Caller;
}

const typeOfFetched: GraphQLTypeResolver<unknown, unknown> = (value) => {
  if (!isRecord(value)) return undefined;
  const name = value[TYPENAME_KEY] ?? value['__typename'];
  return typeof name === 'string' ? name : undefined;
};

/** A field error is not an HTTP matter: without `http`, a partly refused answer stays HTTP 200. */
export function withoutHttp(error: GraphQLError): GraphQLError {
  if (!error.extensions['http']) return error;
  const { http: _, ...extensions } = error.extensions;
  // The original goes along: it holds the registered message, to be worded in the request's language.
  return new GraphQLError(error.message, { nodes: error.nodes ?? null, path: error.path ?? null, extensions, originalError: error });
}

/** A refusal: not entitled, or entitled only with a reason not given (decision 0026). */
export function isRefusal(error: { extensions?: Record<string, unknown> | undefined }): boolean {
  const code = error.extensions?.['code'];
  return code === 'FORBIDDEN' || code === 'REASON_REQUIRED';
}

export async function postPass(input: PostPassInput): Promise<PostPassResult> {
  const result = await execute({
    schema: input.schema,
    document: input.document,
    rootValue: input.fetched,
    contextValue: shieldContext(input.caller),
    variableValues: input.variables ?? {},
    operationName: input.operationName ?? null,
    typeResolver: typeOfFetched,
  });
  const errors = (result.errors ?? []).map(withoutHttp);
  const denied = errors.filter((e) => isRefusal(e) && e.path).map((e) => e.path as ResponsePath);
  return { data: result.data, errors, denied };
}
