import { describe, expect, it } from 'vitest';
import { subgraphErrorFormatter } from './index.ts';

describe('subgraph error formatting', () => {
  const format = subgraphErrorFormatter('test', () => undefined);

  it('keeps coded errors a caller can act on', () => {
    const formatted = format({ message: 'no such learner', extensions: { code: 'NOT_FOUND', http: { status: 200 } } }, new Error());
    expect(formatted).toEqual({ message: 'no such learner', extensions: { code: 'NOT_FOUND' } });
  });

  it.each([{}, { code: 'INTERNAL_SERVER_ERROR' }, { code: 'SOMETHING_ELSE' }])('hides the message of an unexpected error %j', (extensions) => {
    const formatted = format({ message: 'Failed query: select ... params: W06000015:L000001', path: ['learner'], extensions }, new Error('boom'));
    expect(formatted).toEqual({ message: 'internal error', path: ['learner'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
