import { render, type Text } from '@wales-lac/errors';
import { describe, expect, it } from 'vitest';
import type { Role } from '@wales-lac/caller';
import { accessFor } from './access.ts';
import type { Relationship } from './model.ts';
import { filterRefusal } from './filters.ts';
import {
  PEP_SECTION_KINDS,
  mayRateQuality,
  mayStartPep,
  mayArrangeMeeting,
  requiredSigners,
  sectionRefusal,
  signerRoleOf,
  type PepSectionKind,
} from './pep-work.ts';

const english = (text: Text | null) => text && render(text, 'en');

const CALLERS: readonly (readonly [Role, readonly Relationship[]])[] = [
  ['virtual-school-head', ['home']],
  ['virtual-school-head', ['host']],
  ['social-worker', ['home', 'caseload']],
  ['social-worker', ['home']],
  ['designated-teacher', ['host', 'school']],
  ['learner', ['self']],
  ['national-analyst', ['none']],
];

/** Who may write each section, as `role/relationships`: the table docs/decisions/0009 states. */
const SECTION_WRITERS: Record<PepSectionKind, string[]> = {
  'all-about-me': ['social-worker/home+caseload', 'learner/self'],
  'school-picture': ['virtual-school-head/home', 'designated-teacher/host+school'],
  support: ['virtual-school-head/home', 'social-worker/home+caseload', 'designated-teacher/host+school'],
  'carer-views': ['virtual-school-head/home', 'social-worker/home+caseload'],
  'social-worker-views': ['social-worker/home+caseload'],
  'review-actions': ['virtual-school-head/home', 'social-worker/home+caseload', 'designated-teacher/host+school'],
};

const name = ([role, relationships]: readonly [Role, readonly Relationship[]]) => `${role}/${relationships.join('+')}`;

describe('PEP section writers', () => {
  it.each(PEP_SECTION_KINDS)('%s is written by exactly the callers in the table', (section) => {
    const writers = CALLERS.filter(([role, rel]) => sectionRefusal(section, role, accessFor(role, rel)) === null).map(name);
    expect(writers).toEqual(SECTION_WRITERS[section]);
  });

  it('says why a refused caller may not write', () => {
    expect(english(sectionRefusal('school-picture', 'learner', accessFor('learner', ['self'])))).toMatch(/does not write the 'school-picture' section/);
    expect(english(sectionRefusal('support', 'virtual-school-head', accessFor('virtual-school-head', ['host'])))).toMatch(/may not write pep fields/);
  });
});

describe('sign-offs and quality ratings', () => {
  it.each([
    [['virtual-school-head', ['home']], 'education-lead'],
    [['virtual-school-head', ['host']], null],
    [['social-worker', ['home', 'caseload']], 'social-worker'],
    [['social-worker', ['home']], null],
    [['designated-teacher', ['host', 'school']], 'designated-teacher'],
    [['learner', ['self']], null],
  ] as const)('%j signs as %s', ([role, relationships], signsAs) => {
    expect(signerRoleOf(role, accessFor(role, relationships))).toBe(signsAs);
  });

  it('needs the designated teacher only while the child is on a school roll', () => {
    expect(requiredSigners(true)).toEqual(['education-lead', 'social-worker', 'designated-teacher']);
    expect(requiredSigners(false)).toEqual(['education-lead', 'social-worker']);
  });

  it('lets only the home education lead rate quality', () => {
    expect(CALLERS.filter(([role, rel]) => mayRateQuality(role, accessFor(role, rel))).map(name)).toEqual(['virtual-school-head/home']);
  });
});

describe('starting a plan or its review', () => {
  it('is for the home education lead and the social worker, and after a school move the new school’s designated teacher too', () => {
    const starters = (joined: boolean) => CALLERS.filter(([role, rel]) => mayStartPep(role, accessFor(role, rel), joined)).map(name);
    expect(starters(false)).toEqual(['virtual-school-head/home', 'social-worker/home+caseload']);
    expect(starters(true)).toEqual(['virtual-school-head/home', 'social-worker/home+caseload', 'designated-teacher/host+school']);
  });
});

describe('arranging a review meeting', () => {
  it('is for the home education lead and the designated teacher of the child’s school', () => {
    expect(CALLERS.filter(([role, rel]) => mayArrangeMeeting(role, accessFor(role, rel))).map(name)).toEqual([
      'virtual-school-head/home',
      'designated-teacher/host+school',
    ]);
  });
});

describe('caseload filters', () => {
  it.each([
    ['learner', 'excludedThisTerm', false],
    ['learner', 'attendanceBelow', false],
    ['learner', 'placedOutOfCounty', false],
    ['learner', 'overduePep', true],
    ['designated-teacher', 'placedOutOfCounty', false],
    ['designated-teacher', 'excludedThisTerm', true],
    ['social-worker', 'overduePep', true],
    ['virtual-school-head', 'placedOutOfCounty', true],
  ] as const)('a %s may filter by %s: %s', (role, argument, allowed) => {
    expect(filterRefusal(role, argument) === null).toBe(allowed);
  });
});
