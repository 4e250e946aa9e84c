import { describe, expect, it } from 'vitest';
import type { Role } from '@wales-lac/caller';
import { encodeCursor } from '@wales-lac/paging';
import { learnersArgumentsProblem, pageArgumentsProblem, type ListArguments } from './learner-list-arguments.ts';

// One table for both layers: the gateway and each authority call this function, so what it answers here is
// what a caller gets from either (the first problem, by argument, with its code).
const CASES: readonly [string, Role, ListArguments, { field: string; code: string } | null][] = [
  ['a plain page', 'virtual-school-head', { first: 50 }, null],
  [
    'every filter a lead may use',
    'virtual-school-head',
    { first: 10, placedOutOfCounty: true, overduePep: true, attendanceBelow: 0.9, excludedThisTerm: true, upn: null },
    null,
  ],
  ['a filter the role never reads', 'designated-teacher', { placedOutOfCounty: true }, { field: 'placedOutOfCounty', code: 'FORBIDDEN' }],
  ['a relationship not in the list', 'social-worker', { relationship: 'FRIENDS' }, { field: 'relationship', code: 'BAD_USER_INPUT' }],
  ['a relationship the role never holds', 'designated-teacher', { relationship: 'CASELOAD' }, { field: 'relationship', code: 'BAD_USER_INPUT' }],
  ['the relationship as the authority gets it (lower case)', 'social-worker', { relationship: 'caseload' }, null],
  ['a social worker’s HOME list without a reason', 'social-worker', { relationship: 'HOME' }, { field: 'reason', code: 'REASON_REQUIRED' }],
  ['a social worker’s HOME list with a reason', 'social-worker', { relationship: 'HOME', reason: { purpose: 'DUTY' } }, null],
  ['a reason of no known purpose', 'social-worker', { reason: { purpose: 'CURIOSITY' } }, { field: 'reason.purpose', code: 'BAD_USER_INPUT' }],
  ['a page over the limit', 'virtual-school-head', { first: 501 }, { field: 'first', code: 'BAD_USER_INPUT' }],
  ['a negative page', 'virtual-school-head', { first: -1 }, { field: 'first', code: 'BAD_USER_INPUT' }],
  ['a page size that is not a number', 'virtual-school-head', { first: 'ten' }, { field: 'first', code: 'BAD_USER_INPUT' }],
  ['a cursor this platform did not make', 'virtual-school-head', { after: 'not-a-cursor' }, { field: 'after', code: 'BAD_USER_INPUT' }],
  ['a cursor it made', 'virtual-school-head', { after: encodeCursor('W06000015:L000001') }, null],
  ['a home authority that is not a code', 'virtual-school-head', { homeAuthority: 'Cardiff' }, { field: 'homeAuthority', code: 'BAD_USER_INPUT' }],
  ['an attendance share over 1', 'virtual-school-head', { attendanceBelow: 90 }, { field: 'attendanceBelow', code: 'BAD_USER_INPUT' }],
  ['a UPN of the wrong length', 'virtual-school-head', { upn: 'A12345' }, { field: 'upn', code: 'BAD_USER_INPUT' }],
  ['a UPN that is not text', 'virtual-school-head', { upn: 12 }, { field: 'upn', code: 'BAD_USER_INPUT' }],
  // One order at both layers: who may ask comes before what is asked.
  [
    'a refused filter and a bad page: the filter first',
    'designated-teacher',
    { placedOutOfCounty: true, first: 9999 },
    { field: 'placedOutOfCounty', code: 'FORBIDDEN' },
  ],
  ['a bad page and a bad code: the page first', 'virtual-school-head', { first: 9999, homeAuthority: 'x' }, { field: 'first', code: 'BAD_USER_INPUT' }],
];

describe('learnersArgumentsProblem', () => {
  it.each(CASES)('%s', (_, role, args, expected) => {
    const problem = learnersArgumentsProblem(role, args);
    expect(problem && { field: problem.field, code: problem.text.code }).toEqual(expected);
  });
});

describe('pageArgumentsProblem', () => {
  it('checks only the page of any list (no learner filters)', () => {
    expect(pageArgumentsProblem({ first: 20, upn: 'anything' })).toBeNull();
    expect(pageArgumentsProblem({ first: 0 })?.field).toBe('first');
  });
});
