import { describe, expect, it } from 'vitest';
import { isCurrent, pepReviewState } from './records.ts';

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
