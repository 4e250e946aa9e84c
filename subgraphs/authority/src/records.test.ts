import { describe, expect, it } from 'vitest';
import { addSchoolDays } from '@wales-lac/wales';
import {
  PEP_REVIEW_SCHOOL_DAYS,
  PEP_START_SCHOOL_DAYS,
  pepStartDue,
  isCurrent,
  isEditable,
  nextReviewAfter,
  pepCompletionDue,
  pepCompletionState,
  pepReviewState,
} from './records.ts';

describe('isCurrent', () => {
  it.each([
    [{ startedOn: '2026-01-01', endedOn: null }, true],
    [{ startedOn: '2026-11-23', endedOn: '2026-11-23' }, true],
    [{ startedOn: '2026-11-24', endedOn: null }, false],
    [{ startedOn: '2025-01-01', endedOn: '2026-11-22' }, false],
  ])('%j on 2026-11-23 is current: %s', (period, expected) => {
    expect(isCurrent(period, '2026-11-23')).toBe(expected);
  });
});

describe('pepReviewState', () => {
  it.each([
    [null, 'not-scheduled'],
    ['2026-11-22', 'overdue'],
    ['2026-11-23', 'due-soon'],
    ['2026-12-07', 'due-soon'],
    ['2026-12-08', 'on-track'],
  ])('next review %s on 2026-11-23 is %s', (nextReviewDue, state) => {
    expect(pepReviewState({ nextReviewDue }, '2026-11-23')).toBe(state);
  });
});

describe('PEP completion within 20 school days', () => {
  const pep = { initiatedOn: '2025-11-24' };
  it('is due on the 20th school day after it was started', () => {
    expect(pepCompletionDue(pep)).toBe('2026-01-05');
  });
  it.each([
    [null, '2025-12-01', 'due'],
    [null, '2026-01-06', 'overdue'],
    ['2026-01-05', '2026-02-01', 'completed-on-time'],
    ['2026-01-06', '2026-02-01', 'completed-late'],
  ])('completed on %s, seen on %s: %s', (completedOn, today, state) => {
    expect(pepCompletionState({ ...pep, completedOn }, today)).toBe(state);
  });
});

describe('PEP lifecycle rules', () => {
  it.each([
    ['draft', true],
    ['in-review', true],
    ['agreed', false],
    ['superseded', false],
  ])('a %s plan is editable: %s', (status, editable) => {
    expect(isEditable({ status })).toBe(editable);
  });

  it('sets the next review about a term of school days after agreement', () => {
    expect(nextReviewAfter('2026-11-23')).toBe(addSchoolDays('2026-11-23', PEP_REVIEW_SCHOOL_DAYS));
    expect(nextReviewAfter('2026-11-23') > '2027-02-01').toBe(true);
  });
});

describe('when a PEP must be started', () => {
  const TODAY = '2026-11-25';
  const child = { dateOfBirth: '2014-05-02', enteredCareOn: null, joinedSchoolOn: null };
  const plan = (initiatedOn: string, more: { completedOn?: string; lastReviewedOn?: string } = {}) => ({
    initiatedOn,
    completedOn: more.completedOn ?? null,
    lastReviewedOn: more.lastReviewedOn ?? null,
  });
  const after = (date: string) => addSchoolDays(date, PEP_START_SCHOOL_DAYS);
  it.each([
    ['no plan since entering care', { enteredCareOn: '2026-11-02' }, [], after('2026-11-02')],
    ['a plan started after entering care', { enteredCareOn: '2026-11-02' }, [plan('2026-11-05')], null],
    [
      'a school move after the last plan, not reviewed since',
      { enteredCareOn: '2025-01-06', joinedSchoolOn: '2026-11-16' },
      [plan('2025-01-10')],
      after('2026-11-16'),
    ],
    ['a plan started on the day of the move', { enteredCareOn: '2025-01-06', joinedSchoolOn: '2026-11-16' }, [plan('2026-11-16')], null],
    [
      'the plan reviewed after the move',
      { enteredCareOn: '2025-01-06', joinedSchoolOn: '2026-09-01' },
      [plan('2025-01-10', { lastReviewedOn: '2026-09-10' })],
      null,
    ],
    ['in care since before school age: owed from Reception', { dateOfBirth: '2021-03-01', enteredCareOn: '2022-06-01' }, [], after('2025-09-01')],
    ['under school age', { dateOfBirth: '2023-03-01', enteredCareOn: '2024-06-01' }, [], null],
    ['past Year 11 and on no school roll', { dateOfBirth: '2009-03-01', enteredCareOn: '2019-06-01' }, [], null],
    ['past Year 11 and on a school roll', { dateOfBirth: '2009-03-01', enteredCareOn: '2019-06-01', joinedSchoolOn: '2025-09-01' }, [], after('2019-06-01')],
    ['both owed: the first decides', { enteredCareOn: '2026-10-01', joinedSchoolOn: '2026-11-02' }, [], after('2026-10-01')],
    ['nothing to start from', {}, [], null],
  ] as const)('%s', (_, facts, plans, due) => {
    expect(pepStartDue({ ...child, ...facts }, plans, TODAY)).toBe(due);
  });
});
