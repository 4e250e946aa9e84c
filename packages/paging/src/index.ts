// Keyset cursors shared by every authority and the gateway. Lists are ordered by record id, which is
// unique across Wales, so one id is a position in every authority's list at once: the gateway can merge
// pages from 22 authorities and any authority can continue from a cursor another one produced.
import { message, type Text } from '@wales-lac/errors';
const PREFIX = 'k1:';

export function encodeCursor(id: string): string {
  return Buffer.from(`${PREFIX}${id}`, 'utf8').toString('base64url');
}

/** The id a cursor points at, or null when the cursor is not one of ours. */
export function decodeCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return text.startsWith(PREFIX) && text.length > PREFIX.length ? text.slice(PREFIX.length) : null;
}

/** A caseload page can hold a whole authority's children (Cardiff has about 1,000). */
export const MAX_PAGE_SIZE = 500;

/** Why a page size is unacceptable, or null when it is fine. */
export function pageSizeProblem(first: number): Text | null {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) return message('BAD_USER_INPUT', 'pageSize', { max: MAX_PAGE_SIZE });
  return null;
}
