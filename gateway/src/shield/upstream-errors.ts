// Which errors from the subgraphs the caller may see. An error about a value the shield refused, or
// about something inside an object that is no longer in the answer, can name a child the caller may
// not know of: it goes. Errors about hidden fields are replaced by one that says nothing of the child.
import type { GraphQLError } from 'graphql';
import { ERROR_CODES, message, platformError, type ErrorCode } from '@wales-lac/errors';
import { isHiddenKey } from './hidden-fields.ts';
import type { ResponsePath } from './post-pass.ts';

function startsWith(path: ResponsePath, prefix: ResponsePath): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

/** Is the object the error's field belongs to still in the answer? Root fields belong to the response itself. */
function parentPresent(data: unknown, path: ResponsePath): boolean {
  let node = data;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return path.length === 1 || (typeof node === 'object' && node !== null);
}

function accessUnknown(error: GraphQLError, path: ResponsePath): GraphQLError {
  const code = error.extensions['code'];
  const kept: ErrorCode = typeof code === 'string' && code in ERROR_CODES ? (code as ErrorCode) : 'INTERNAL_SERVER_ERROR';
  return platformError(message('INTERNAL_SERVER_ERROR', 'accessUnknown'), {}, { code: kept, path });
}

function withoutHiddenPath(error: GraphQLError): GraphQLError | null {
  const path = error.path;
  const hidden = path ? path.findIndex(isHiddenKey) : -1;
  if (!path || hidden < 0) return error;
  return hidden === 0 ? null : accessUnknown(error, path.slice(0, hidden));
}

function key(error: GraphQLError): string {
  return JSON.stringify([error.message, error.path ?? null, error.extensions['code'] ?? null]);
}

/** Upstream errors the caller may see, given the final data and the paths the shield refused; deduplicated. */
export function visibleUpstreamErrors(upstream: readonly GraphQLError[], data: unknown, denied: readonly ResponsePath[]): GraphQLError[] {
  const kept = new Map<string, GraphQLError>();
  for (const original of upstream) {
    const error = withoutHiddenPath(original);
    if (!error) continue;
    const path = error.path;
    if (path && (denied.some((d) => startsWith(path, d)) || !parentPresent(data, path))) continue;
    if (!kept.has(key(error))) kept.set(key(error), error);
  }
  return [...kept.values()];
}
