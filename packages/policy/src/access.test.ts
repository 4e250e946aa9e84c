import { describe, expect, it } from 'vitest';
import type { Caller, Role } from '@wales-lac/caller';
import { accessFor, inOrder, relationshipsBetween, type ChildFacts } from './access.ts';
import type { Relationship } from './model.ts';

// ../shared/design/ENTITLEMENTS.md (docs/entitlements.md), row for row, written out again by hand so a change to GRANTS must be deliberate.
const MATRIX: [Role, Relationship, string, string][] = [
  ['virtual-school-head', 'home', 'identity education pep voice wellbeing care contacts', 'education pep'],
  ['virtual-school-head', 'host', 'identity education pep voice contacts', ''],
  ['virtual-school-head', 'none', '', ''],
  // One cell beyond ../shared/design/ENTITLEMENTS.md: the allocated social worker writes wellbeing (decision 0009).
  ['social-worker', 'caseload', 'identity education pep voice wellbeing care placement-address contacts', 'pep voice care placement-address wellbeing'],
  // Read only with a reason given (decision 0026): see readWithReason below.
  ['social-worker', 'home', '', ''],
  ['social-worker', 'host', '', ''],
  ['designated-teacher', 'school', 'identity education pep voice wellbeing contacts', 'education pep'],
  ['designated-teacher', 'home', '', ''],
  ['learner', 'self', 'identity pep voice contacts', 'voice'],
  ['learner', 'none', '', ''],
  ['consortium-analyst', 'none', 'aggregate', ''],
  ['national-analyst', 'home', 'aggregate', ''],
];

const sorted = (words: string) => words.split(' ').filter(Boolean).sort();

describe('the entitlement matrix', () => {
  it.each(MATRIX)('%s with relationship %s reads [%s] and writes [%s]', (role, relationship, read, write) => {
    const access = accessFor(role, [relationship]);
    expect([...access.read].sort()).toEqual(sorted(read));
    expect([...access.write].sort()).toEqual(sorted(write));
  });

  it("opens a social worker's home grant only with a reason, and never beyond what the caseload gives", () => {
    expect([...accessFor('social-worker', ['home']).readWithReason].sort()).toEqual(sorted('identity education care contacts'));
    expect([...accessFor('social-worker', ['home', 'caseload']).readWithReason]).toEqual([]);
    expect([...accessFor('virtual-school-head', ['home']).readWithReason]).toEqual([]);
  });

  it('adds up the grants of every relationship held', () => {
    const access = accessFor('social-worker', ['home', 'caseload']);
    expect(inOrder(access.read)).toContain('placement-address');
  });
});

const child: ChildFacts = {
  learnerId: 'W06000015:L000001',
  homeAuthority: 'W06000015',
  livesIn: 'W06000022',
  schoolId: '6801234',
  schoolAuthority: 'W06000022',
  socialWorkers: ['sw-1'],
};
const caller = (role: Role, extra: Partial<Caller> = {}): Caller => ({
  subject: 'someone',
  role,
  authorityCode: null,
  schoolId: null,
  learnerId: null,
  regionCode: null,
  ...extra,
});

describe('relationships to a child of Cardiff living and at school in Newport', () => {
  it.each<[string, Caller, Relationship[]]>([
    ['Cardiff virtual school head', caller('virtual-school-head', { authorityCode: 'W06000015' }), ['home']],
    ['Newport virtual school head', caller('virtual-school-head', { authorityCode: 'W06000022' }), ['host']],
    ['Swansea virtual school head', caller('virtual-school-head', { authorityCode: 'W06000011' }), ['none']],
    ['the allocated social worker', caller('social-worker', { subject: 'sw-1', authorityCode: 'W06000015' }), ['home', 'caseload']],
    ['another Cardiff social worker', caller('social-worker', { subject: 'sw-2', authorityCode: 'W06000015' }), ['home']],
    ['the designated teacher of their school', caller('designated-teacher', { authorityCode: 'W06000022', schoolId: '6801234' }), ['host', 'school']],
    ['a designated teacher of another Newport school', caller('designated-teacher', { authorityCode: 'W06000022', schoolId: '6809999' }), ['host']],
    ['the child', caller('learner', { learnerId: 'W06000015:L000001', authorityCode: 'W06000015' }), ['self']],
    ['another child of Cardiff', caller('learner', { learnerId: 'W06000015:L000002', authorityCode: 'W06000015' }), ['none']],
    ['a national analyst', caller('national-analyst'), ['none']],
  ])('%s', (_, who, expected) => {
    expect(relationshipsBetween(who, child)).toEqual(expected);
  });

  it('gives a designated teacher of another school in the host authority nothing, as the matrix has no host row for them', () => {
    const who = caller('designated-teacher', { authorityCode: 'W06000022', schoolId: '6809999' });
    expect(accessFor(who.role, relationshipsBetween(who, child)).read.size).toBe(0);
  });
});
