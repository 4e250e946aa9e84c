import { describe, expect, it } from 'vitest';
import { render } from '@wales-lac/errors';
import { REASON_NOTE_MAX, accessReasonOf, reasonProblem } from './reason.ts';

describe('a reason for reading beyond the caseload', () => {
  it.each([
    [{ purpose: 'DUTY' }, { purpose: 'duty', note: null }],
    [
      { purpose: 'covering-for-colleague', note: '  for Sam  ' },
      { purpose: 'covering-for-colleague', note: 'for Sam' },
    ],
    [
      { purpose: 'OTHER', note: 'ŵyr yn y llys' },
      { purpose: 'other', note: 'ŵyr yn y llys' },
    ],
    [
      { purpose: 'COURT', note: 'x'.repeat(REASON_NOTE_MAX) },
      { purpose: 'court', note: 'x'.repeat(REASON_NOTE_MAX) },
    ],
  ])('%j is taken as %j (the schema name or the stored one; the note trimmed)', (given, taken) => {
    expect(reasonProblem(given)).toBeNull();
    expect(accessReasonOf(given)).toEqual(taken);
  });

  it.each([
    [{ purpose: 'CURIOSITY' }, 'reason.purpose', /must be one of SAFEGUARDING, COVERING_FOR_COLLEAGUE, DUTY, COURT, OTHER, not CURIOSITY/],
    [{ purpose: 'OTHER' }, 'reason.note', /OTHER needs a note/],
    [{ purpose: 'DUTY', note: ' ' }, 'reason.note', /empty/],
    [{ purpose: 'DUTY', note: 'x'.repeat(REASON_NOTE_MAX + 1) }, 'reason.note', /301 characters long; at most 300/],
    [{ purpose: 'DUTY', note: 7 }, 'reason.note', /must be text/],
  ])('%j is refused, naming %s', (given, field, words) => {
    const problem = reasonProblem(given);
    expect(problem?.field).toBe(field);
    expect(render(problem!.text, 'en')).toMatch(words);
    expect(accessReasonOf(given)).toBeNull();
  });

  it('is none when not given', () => {
    expect(reasonProblem(null)).toBeNull();
    expect(accessReasonOf(undefined)).toBeNull();
  });
});
