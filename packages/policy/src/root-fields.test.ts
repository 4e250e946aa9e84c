// The root-field and mutation rules as a table: which role may ask for which root field at all, and the
// classes each change writes (the authorities take them from classesWritten).
import { describe, expect, it } from 'vitest';
import type { Role } from '@wales-lac/caller';
import { MUTATION_ROLES, MUTATION_WRITES, QUERY_FIELD_ROLES, classesWritten, rootFieldRefusal } from './root-fields.ts';

const ROLES: readonly Role[] = ['virtual-school-head', 'social-worker', 'designated-teacher', 'learner', 'national-analyst', 'consortium-analyst'];

describe('root fields', () => {
  it.each([
    ['learner', 'national-analyst', false],
    ['learner', 'designated-teacher', true],
    ['accessHistory', 'social-worker', false],
    ['accessHistory', 'virtual-school-head', true],
    ['benchmarks', 'learner', false],
    ['benchmarks', 'consortium-analyst', true],
    ['notifications', 'social-worker', true],
    ['notificationPreferences', 'designated-teacher', true],
    ['notificationPreferences', 'learner', false],
    ['notificationPreferences', 'national-analyst', false],
    ['notifications', 'learner', true],
    ['notifications', 'national-analyst', false],
    ['regions', 'learner', true],
  ] as const)('query %s as %s: allowed %s', (field, role, allowed) => {
    expect(rootFieldRefusal('query', field, role) === null).toBe(allowed);
  });

  it('agrees with QUERY_FIELD_ROLES for every role', () => {
    for (const [field, roles] of Object.entries(QUERY_FIELD_ROLES))
      for (const role of ROLES) expect(rootFieldRefusal('query', field, role) === null, `${field} ${role}`).toBe(roles.includes(role));
  });

  it.each([
    ['startPep', 'national-analyst', false],
    ['startPep', 'designated-teacher', true],
    ['recordPlacementMove', 'designated-teacher', false],
    ['recordPlacementMove', 'social-worker', true],
    ['refreshBenchmarks', 'virtual-school-head', false],
    ['refreshBenchmarks', 'national-analyst', true],
    ['setNotificationPreferences', 'social-worker', true],
    ['setNotificationPreferences', 'virtual-school-head', true],
    ['setNotificationPreferences', 'learner', false],
    ['setNotificationPreferences', 'consortium-analyst', false],
    ['notAMutation', 'virtual-school-head', false],
    ['schedulePepMeeting', 'virtual-school-head', true],
    ['schedulePepMeeting', 'designated-teacher', true],
    ['schedulePepMeeting', 'learner', false],
    ['schedulePepMeeting', 'national-analyst', false],
    ['reschedulePepMeeting', 'designated-teacher', true],
    ['reschedulePepMeeting', 'learner', false],
    ['cancelPepMeeting', 'virtual-school-head', true],
    ['cancelPepMeeting', 'consortium-analyst', false],
    ['recordPepMeetingMinutes', 'designated-teacher', true],
    ['recordPepMeetingMinutes', 'learner', false],
    ['respondToPepMeeting', 'learner', true],
    ['respondToPepMeeting', 'social-worker', true],
    ['respondToPepMeeting', 'national-analyst', false],
    ['markNotificationRead', 'learner', true],
    ['markNotificationRead', 'consortium-analyst', false],
  ] as const)('mutation %s as %s: allowed %s', (field, role, allowed) => {
    expect(rootFieldRefusal('mutation', field, role) === null).toBe(allowed);
  });

  it('refuses subscriptions to everyone', () => expect(rootFieldRefusal('subscription', 'anything', 'virtual-school-head')).not.toBeNull());

  it('declares every mutation once, either by role or by the classes it writes', () => {
    expect(Object.keys(MUTATION_ROLES).filter((m) => m in MUTATION_WRITES)).toEqual([]);
  });
});

describe('classesWritten', () => {
  it('gives the declared classes', () => expect(classesWritten('recordSdq')).toEqual(['wellbeing']));
  it('picks the one class an input writes', () => expect(classesWritten('writePepSection', 'voice')).toEqual(['voice']));
  it('writes a child’s answer to a meeting as voice, a professional’s as pep', () => {
    expect(classesWritten('respondToPepMeeting', 'voice')).toEqual(['voice']);
    expect(classesWritten('respondToPepMeeting', 'pep')).toEqual(['pep']);
    expect(classesWritten('schedulePepMeeting')).toEqual(['pep']);
  });
  it('refuses a class the mutation is not declared to write', () =>
    expect(() => classesWritten('recordSdq', 'care')).toThrow(/recordSdq is not declared to write care/));
});
