import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSizeProblem } from './index.ts';

describe('keyset cursors', () => {
  it('round-trip an id', () => {
    expect(decodeCursor(encodeCursor('W06000015:L000042'))).toBe('W06000015:L000042');
  });
  it.each(['', 'not a cursor!', Buffer.from('W06000015:L000042').toString('base64url'), 'x'.repeat(300)])('refuse %j', (c) => {
    expect(decodeCursor(c)).toBeNull();
  });
  it.each([
    [0, false],
    [1, true],
    [500, true],
    [501, false],
    [2.5, false],
  ])('page size %d acceptable: %s', (n, ok) => {
    expect(pageSizeProblem(n) === null).toBe(ok);
  });
});
