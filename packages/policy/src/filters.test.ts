// Which own lists each role has (learners(relationship:)): the table a reader of docs/entitlements.md expects.
import { render, type Text } from '@wales-lac/errors';
import { describe, expect, it } from 'vitest';
import type { Role } from '@wales-lac/caller';
import { relationshipRefusal } from './filters.ts';

const english = (text: Text | null) => text && render(text, 'en');

const LISTS: readonly [Role, readonly string[]][] = [
  ['virtual-school-head', ['home', 'host']],
  ['social-worker', ['home', 'caseload']],
  ['designated-teacher', ['school']],
  ['learner', []],
  ['consortium-analyst', []],
  ['national-analyst', []],
];

describe.each(LISTS)('a %s', (role, allowed) => {
  it.each(['home', 'host', 'caseload', 'school'])('%s list', (relationship) => {
    const refusal = relationshipRefusal(role, relationship);
    if (allowed.includes(relationship)) expect(refusal).toBeNull();
    else expect(english(refusal)).toContain(relationship.toUpperCase());
  });
});

it('names the relationships there are when given another', () => {
  expect(english(relationshipRefusal('social-worker', 'self'))).toBe('relationship must be one of HOME, HOST, CASELOAD, SCHOOL');
});
