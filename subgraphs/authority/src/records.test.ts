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
  it.each([
    ['no plan since entering care', '2026-11-02', null, [], addSchoolDays('2026-11-02', PEP_START_SCHOOL_DAYS)],
    ['a plan started after entering care', '2026-11-02', null, ['2026-11-05'], null],
    ['a school move after the last plan', '2025-01-06', '2026-11-16', ['2025-01-10'], addSchoolDays('2026-11-16', PEP_START_SCHOOL_DAYS)],
    ['a plan started on the day of the move', '2025-01-06', '2026-11-16', ['2026-11-16'], null],
    ['nothing to start from', null, null, [], null],
  ] as const)('%s', (_, care, school, started, due) => {
    expect(
      pepStartDue(
        care,
        school,
        started.map((initiatedOn) => ({ initiatedOn })),
      ),
    ).toBe(due);
  });
});
