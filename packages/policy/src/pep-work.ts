// Who does which part of the PEP work, on top of the field-class matrix: the matrix says a caller may
// write the `pep` class at all; these tables say which sections they write, who signs, who rates.
import type { Role } from '@wales-lac/caller';
import { message, type Text } from '@wales-lac/errors';
import type { Access } from './access.ts';
import type { FieldClass, Relationship } from './model.ts';

export const PEP_SECTION_KINDS = ['all-about-me', 'school-picture', 'support', 'carer-views', 'social-worker-views', 'review-actions'] as const;
export type PepSectionKind = (typeof PEP_SECTION_KINDS)[number];

export interface SectionRule {
  /** The field class the section's text belongs to. */
  readonly fieldClass: FieldClass;
  /** Roles that write it (each also needs write access to the field class through a relationship). */
  readonly writers: readonly Role[];
}

/** Each PEP section: its class and who writes it. The learner's own words are `voice`. */
export const PEP_SECTION_RULES: Readonly<Record<PepSectionKind, SectionRule>> = {
  'all-about-me': { fieldClass: 'voice', writers: ['learner', 'social-worker'] },
  'school-picture': { fieldClass: 'pep', writers: ['designated-teacher', 'virtual-school-head'] },
  support: { fieldClass: 'pep', writers: ['designated-teacher', 'virtual-school-head', 'social-worker'] },
  'carer-views': { fieldClass: 'pep', writers: ['social-worker', 'virtual-school-head'] },
  'social-worker-views': { fieldClass: 'pep', writers: ['social-worker'] },
  'review-actions': { fieldClass: 'pep', writers: ['virtual-school-head', 'designated-teacher', 'social-worker'] },
};

export const SIGNER_ROLES = ['education-lead', 'social-worker', 'designated-teacher'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

/** Who signs a PEP, as whom, through which relationship. */
const SIGNERS: readonly { readonly role: Role; readonly relationship: Relationship; readonly signsAs: SignerRole }[] = [
  { role: 'virtual-school-head', relationship: 'home', signsAs: 'education-lead' },
  { role: 'social-worker', relationship: 'caseload', signsAs: 'social-worker' },
  { role: 'designated-teacher', relationship: 'school', signsAs: 'designated-teacher' },
];

/** The signature a caller may give, or null when their role and relationship do not agree PEPs. */
export function signerRoleOf(role: Role, access: Access): SignerRole | null {
  return SIGNERS.find((s) => s.role === role && access.relationships.includes(s.relationship))?.signsAs ?? null;
}

/** The signatures that agree a PEP: the designated teacher's only while the child is on a school roll. */
export function requiredSigners(onSchoolRoll: boolean): SignerRole[] {
  return onSchoolRoll ? [...SIGNER_ROLES] : ['education-lead', 'social-worker'];
}

/** Only the home authority's virtual school rates the quality of its PEPs. */
export function mayRateQuality(role: Role, access: Access): boolean {
  return role === 'virtual-school-head' && access.relationships.includes('home');
}

/** Why the caller may not write this section, or null when they may. */
export function sectionRefusal(section: PepSectionKind, role: Role, access: Access): Text | null {
  const rule = PEP_SECTION_RULES[section];
  if (!rule.writers.includes(role)) return message('FORBIDDEN', 'sectionWriters', { role, section, writers: rule.writers.join(', ') });
  if (!access.write.has(rule.fieldClass)) return message('FORBIDDEN', 'mayNotWriteClass', { role, fieldClass: rule.fieldClass });
  return null;
}

/**
 * Who starts a plan, or its next version for a review: the home authority's education lead, the
 * allocated social worker and, once the child has joined a school since the last plan was started (the
 * review a school move calls for), the designated teacher of that school (decision 0027).
 */
export function mayStartPep(role: Role, access: Access, joinedSchoolSinceLastPlan: boolean): boolean {
  if (role === 'virtual-school-head' && access.relationships.includes('home')) return true;
  if (access.relationships.includes('caseload')) return true;
  return joinedSchoolSinceLastPlan && role === 'designated-teacher' && access.relationships.includes('school');
}

/**
 * Who arranges a PEP review meeting, moves or cancels it and records its minutes (decision 0030): the home
 * authority's education lead and the designated teacher of the child's current school.
 */
export function mayArrangeMeeting(role: Role, access: Access): boolean {
  if (role === 'virtual-school-head') return access.relationships.includes('home');
  return role === 'designated-teacher' && access.relationships.includes('school');
}
