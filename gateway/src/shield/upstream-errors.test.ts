import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { visibleUpstreamErrors } from './upstream-errors.ts';

const error = (message: string, path?: (string | number)[], code = 'NOT_FOUND') =>
  new GraphQLError(message, { ...(path ? { path } : {}), extensions: { code } });
const summary = (errors: GraphQLError[]) => errors.map((e) => [e.message, e.path, e.extensions['code']]);

const data = {
  learner: { id: 'W06000015:L1', currentPlacement: null, currentPep: null, enrolments: [{ school: null }] },
  other: null,
};

describe('upstream errors the caller may see', () => {
  it('keeps errors about fields of objects still in the answer, with their codes', () => {
    const kept = visibleUpstreamErrors([error('no school', ['learner', 'enrolments', 0, 'school'], 'AUTHORITY_UNAVAILABLE')], data, []);
    expect(summary(kept)).toEqual([['no school', ['learner', 'enrolments', 0, 'school'], 'AUTHORITY_UNAVAILABLE']]);
  });

  it('keeps root errors, which explain a null root field, even when there is no data', () => {
    expect(summary(visibleUpstreamErrors([error('absent', ['other'])], data, []))).toHaveLength(1);
    expect(summary(visibleUpstreamErrors([error('absent', ['learners'])], null, []))).toHaveLength(1);
  });

  it('drops errors at or under a path the shield refused (the shield’s own error stands)', () => {
    const upstream = [
      error('care denied at source', ['learner', 'currentPlacement'], 'FORBIDDEN'),
      error('placement W06000015:L1 unavailable', ['learner', 'currentPlacement', 'authority']),
    ];
    expect(visibleUpstreamErrors(upstream, data, [['learner', 'currentPlacement']])).toEqual([]);
  });

  it('drops errors about anything inside an object that is gone', () => {
    const upstream = [
      error('target of W06000015:L9', ['learner', 'currentPep', 'targets', 0]),
      error('x', ['other', 'id']),
      error('y', ['learner', 'enrolments', 3, 'school']),
    ];
    expect(visibleUpstreamErrors(upstream, data, [])).toEqual([]);
    expect(visibleUpstreamErrors([error('deep', ['learners', 'edges', 0, 'node'])], null, [])).toEqual([]);
  });

  it('replaces an error about a hidden field by one that names nothing, at the record it concerns', () => {
    const upstream = [
      error('W06000015:L1 viewerAccess failed', ['learner', '_policyAccess'], 'INTERNAL_SERVER_ERROR'),
      error('W06000015:L1 relationships failed', ['learner', '_policyAccess', 'relationships'], 'INTERNAL_SERVER_ERROR'),
      error('placeholder', ['_policyPlaceholder']),
    ];
    const kept = visibleUpstreamErrors(upstream, data, []);
    expect(summary(kept)).toEqual([['the owning authority did not say what you may see of this record', ['learner'], 'INTERNAL_SERVER_ERROR']]);
    expect(JSON.stringify(kept)).not.toContain('L1');
  });

  it('keeps errors without a path, once', () => {
    const upstream = [error('Cardiff did not answer', undefined, 'AUTHORITY_UNAVAILABLE'), error('Cardiff did not answer', undefined, 'AUTHORITY_UNAVAILABLE')];
    expect(summary(visibleUpstreamErrors(upstream, data, []))).toEqual([['Cardiff did not answer', undefined, 'AUTHORITY_UNAVAILABLE']]);
  });
});
