import { describe, expect, it } from 'vitest';
import { schoolMoveRecipients } from './school-move.ts';

const CARDIFF = 'W06000015';
const learnerId = `${CARDIFF}:L000042`;
// School numbers begin with their authority's number: 681 Cardiff, 673 Vale of Glamorgan, 663 Denbighshire.
const move = (school: string, leftSchool: string | null) => ({ learnerId, home: CARDIFF, startsOn: '2026-12-03', school, leftSchool });

describe('who is told of a school move', () => {
  it('across a border: both schools, both other authorities, the social worker', () => {
    expect(schoolMoveRecipients(move('6632113', '6732105'))).toEqual([
      { recipientKind: 'school', recipient: '6632113' },
      { recipientKind: 'school', recipient: '6732105' },
      { recipientKind: 'authority', recipient: 'W06000004' },
      { recipientKind: 'authority', recipient: 'W06000014' },
      { recipientKind: 'learner', recipient: learnerId },
    ]);
  });

  it('tells an authority once when both schools are its own, and never the home authority that made the move', () => {
    expect(schoolMoveRecipients(move('6632113', '6632200')).filter((r) => r.recipientKind === 'authority')).toEqual([
      { recipientKind: 'authority', recipient: 'W06000004' },
    ]);
    expect(schoolMoveRecipients(move('6812345', '6810001')).filter((r) => r.recipientKind === 'authority')).toEqual([]);
  });

  it('has no school left to tell for a child who was on no roll', () => {
    expect(schoolMoveRecipients(move('6812345', null))).toEqual([
      { recipientKind: 'school', recipient: '6812345' },
      { recipientKind: 'learner', recipient: learnerId },
    ]);
  });
});
