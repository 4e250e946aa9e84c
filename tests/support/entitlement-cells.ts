// The callers of the entitlement matrix, one per role × relationship cell, around one child.
import type { CallerClaims } from '@wales-lac/caller';
import { FIELD_CLASSES, accessFor, opensWithReason, withReasonGiven, type Access, type FieldClass, type Relationship } from '@wales-lac/policy';
import type { Role } from '@wales-lac/caller';
import type { ChildUnderCare } from './child-under-care.ts';

export interface Cell {
  readonly name: string;
  readonly role: Role;
  /** The relationships this caller holds to the child, by construction of the claims. */
  readonly relationships: Relationship[];
  /** The reason given on the read (`learner(reason:)`), as the API takes it; none when absent. */
  readonly reason?: { readonly purpose: string; readonly note?: string };
  claims(child: ChildUnderCare, others: Others): CallerClaims;
}

export interface Others {
  /** An authority that is neither the child's home nor host. */
  readonly authority: string;
  /** Another learner of the home authority. */
  readonly learnerId: string;
}

export const CELLS: readonly Cell[] = [
  {
    name: 'virtual-school-head, home',
    role: 'virtual-school-head',
    relationships: ['home'],
    claims: (c) => ({ sub: 't-vsh-home', role: 'virtual-school-head', authority: c.home }),
  },
  {
    name: 'virtual-school-head, host',
    role: 'virtual-school-head',
    relationships: ['host'],
    claims: (c) => ({ sub: 't-vsh-host', role: 'virtual-school-head', authority: c.host }),
  },
  {
    name: 'virtual-school-head, none',
    role: 'virtual-school-head',
    relationships: ['none'],
    claims: (_, o) => ({ sub: 't-vsh-none', role: 'virtual-school-head', authority: o.authority }),
  },
  {
    name: 'social-worker, caseload',
    role: 'social-worker',
    relationships: ['home', 'caseload'],
    claims: (c) => ({ sub: c.socialWorker, role: 'social-worker', authority: c.home }),
  },
  // Not on their caseload: their home grant is opened only by a reason (decision 0026).
  {
    name: 'social-worker, home, no reason',
    role: 'social-worker',
    relationships: ['home'],
    claims: (c) => ({ sub: 't-sw-home', role: 'social-worker', authority: c.home }),
  },
  {
    name: 'social-worker, home, with a reason',
    role: 'social-worker',
    relationships: ['home'],
    reason: { purpose: 'COVERING_FOR_COLLEAGUE', note: 'covering while the allocated worker is on leave' },
    claims: (c) => ({ sub: 't-sw-home-reason', role: 'social-worker', authority: c.home }),
  },
  {
    name: 'social-worker, host (no grant)',
    role: 'social-worker',
    relationships: ['host'],
    claims: (c) => ({ sub: 't-sw-host', role: 'social-worker', authority: c.host }),
  },
  {
    name: 'designated-teacher, school',
    role: 'designated-teacher',
    relationships: ['host', 'school'],
    claims: (c) => ({ sub: 't-dt-school', role: 'designated-teacher', authority: c.host, school: c.schoolId }),
  },
  {
    name: 'designated-teacher, none',
    role: 'designated-teacher',
    relationships: ['none'],
    claims: (_, o) => ({ sub: 't-dt-none', role: 'designated-teacher', authority: o.authority, school: '0000000' }),
  },
  { name: 'learner, self', role: 'learner', relationships: ['self'], claims: (c) => ({ sub: 't-learner-self', role: 'learner', learner: c.learnerId }) },
  {
    name: 'learner, another child',
    role: 'learner',
    relationships: ['none'],
    claims: (_, o) => ({ sub: 't-learner-other', role: 'learner', learner: o.learnerId }),
  },
  {
    name: 'consortium-analyst',
    role: 'consortium-analyst',
    relationships: ['none'],
    claims: () => ({ sub: 't-consortium', role: 'consortium-analyst', region: 'CSC' }),
  },
  { name: 'national-analyst', role: 'national-analyst', relationships: ['none'], claims: () => ({ sub: 't-national', role: 'national-analyst' }) },
];

/** One field of the learner per field class that the schema has today, and how to select it. */
export const PROBES: readonly { readonly fieldClass: FieldClass; readonly field: string; readonly selection: string }[] = [
  { fieldClass: 'identity', field: 'legalGivenName', selection: 'legalGivenName' },
  { fieldClass: 'identity', field: 'upn', selection: 'upn' },
  { fieldClass: 'education', field: 'currentSchool', selection: 'currentSchool { id }' },
  { fieldClass: 'education', field: 'attendance', selection: 'attendance { possibleSessions attendedSessions rate persistentlyAbsent }' },
  { fieldClass: 'pep', field: 'currentPep', selection: 'currentPep { status version targets { description } }' },
  { fieldClass: 'care', field: 'currentPlacement', selection: 'currentPlacement { type }' },
  { fieldClass: 'care', field: 'careStatus', selection: 'careStatus' },
  { fieldClass: 'contacts', field: 'contacts', selection: 'contacts { role name }' },
  { fieldClass: 'education', field: 'exclusions', selection: 'exclusions { kind startsOn sessions }' },
  { fieldClass: 'education', field: 'educationOtherThanAtSchool', selection: 'educationOtherThanAtSchool { kind provider hoursPerWeek startedOn }' },
  { fieldClass: 'care', field: 'legalStatus', selection: 'legalStatus' },
  { fieldClass: 'wellbeing', field: 'sdqAssessments', selection: 'sdqAssessments { completedOn totalDifficulties }' },
];

/** What the cell reads on its read (with its reason, if it gives one). */
export function expectedAccess(cell: Cell): Access {
  const access = accessFor(cell.role, cell.relationships);
  return cell.reason ? withReasonGiven(access) : access;
}

/** The code a cell that does not see the child is refused with: REASON_REQUIRED where a reason would open it. */
export function refusalCode(cell: Cell): 'FORBIDDEN' | 'REASON_REQUIRED' {
  return !cell.reason && opensWithReason(accessFor(cell.role, cell.relationships), 'record') ? 'REASON_REQUIRED' : 'FORBIDDEN';
}

export function seesTheChild(cell: Cell): boolean {
  return FIELD_CLASSES.some((c) => c !== 'aggregate' && expectedAccess(cell).read.has(c));
}
