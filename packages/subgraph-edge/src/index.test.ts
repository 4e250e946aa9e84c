import { describe, expect, it } from 'vitest';
import { subgraphErrorFormatter } from './index.ts';
import { isReadOnly, lostDatabase } from './server.ts';

describe('subgraph error formatting', () => {
  const format = subgraphErrorFormatter({ service: 'test', authority: 'W06000011' }, () => undefined);

  it('keeps coded errors a caller can act on', () => {
    const formatted = format({ message: 'no such learner', extensions: { code: 'NOT_FOUND', http: { status: 200 } } }, new Error());
    expect(formatted).toEqual({ message: 'no such learner', extensions: { code: 'NOT_FOUND' } });
  });

  it.each([{}, { code: 'INTERNAL_SERVER_ERROR' }, { code: 'SOMETHING_ELSE' }])('hides the message of an unexpected error %j', (extensions) => {
    const formatted = format({ message: 'Failed query: select ... params: W06000015:L000001', path: ['learner'], extensions }, new Error('boom'));
    expect(formatted).toEqual({ message: 'internal error', path: ['learner'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it.each(['CONNECTION_CLOSED', 'ECONNREFUSED', '57P01', '08006'])('names the authority whose database connection was lost (%s), without the query', (code) => {
    const lost = Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code });
    const wrapped = new Error('Failed query: update peps set ... params: W06000011:P000001', { cause: lost });
    const formatted = format({ message: wrapped.message, path: ['writePepSection'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
    expect(formatted.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', authority: 'W06000011' });
    expect(formatted.message).toContain('not confirmed');
    expect(formatted.message).not.toContain('peps');
  });

  it('does not take a failed query for a lost connection', () => {
    const failed = Object.assign(new Error('duplicate key value'), { code: '23505' });
    expect(format({ message: failed.message, extensions: {} }, new Error('Failed query', { cause: failed })).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});

describe('which requests are read-only', () => {
  it.each([
    [{ query: '{ learner(id: "x") { id } }' }, true],
    [{ query: 'query A { a } fragment F on Learner { id }' }, true],
    [{ query: 'mutation { startPep(input: {}) { applied } }' }, false],
    [{ query: 'query A { a } mutation B { b }' }, false],
    [{ query: '{ not graphql' }, false],
    [{}, false],
    ['{ a }', false],
  ])('%j: %s', (body, readOnly) => {
    expect(isReadOnly(body)).toBe(readOnly);
  });
});

describe('which answers report a lost database connection', () => {
  it.each([
    ['{"errors":[{"message":"x","extensions":{"code":"DATABASE_UNAVAILABLE"}}],"data":null}', true],
    ['{"data":{"DATABASE_UNAVAILABLE":"Query"}}', false],
    ['{"data":{"note":"\\"DATABASE_UNAVAILABLE\\""},"errors":[{"message":"x","extensions":{"code":"FORBIDDEN"}}]}', false],
    ['not json', false],
  ])('%s: %s', (answer, lost) => {
    expect(lostDatabase(answer)).toBe(lost);
  });
});
