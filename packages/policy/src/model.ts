// The entitlement model of ../shared/design/ENTITLEMENTS.md (beside the repository; for front ends:
// docs/entitlements.md) as data. Anything not granted here is denied.
import type { Role } from '@wales-lac/caller';

export const RELATIONSHIPS = ['home', 'caseload', 'host', 'school', 'self', 'none'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const FIELD_CLASSES = ['identity', 'education', 'pep', 'voice', 'wellbeing', 'care', 'placement-address', 'contacts', 'aggregate'] as const;
export type FieldClass = (typeof FIELD_CLASSES)[number];

export const RELATIONSHIP_MEANING: Record<Relationship, string> = {
  home: "the caller works for the child's home authority (the corporate parent)",
  caseload: "the caller is the child's allocated social worker",
  host: 'the caller works for another authority where the child lives or is educated',
  school: "the caller is the designated teacher at the child's current school",
  self: 'the caller is the child',
  none: 'none of the above',
};

export const FIELD_CLASS_EXAMPLES: Record<FieldClass, string> = {
  identity: 'legal and preferred name, date of birth, gender, UPN, language preference',
  education: 'school and school history, attendance, exclusions, reduced timetable, ALN and IDP status, post-16 destination',
  pep: 'the PEP: targets, support, reviews, sign-offs, quality rating',
  voice: 'the learner\'s own words: "All about me", wishes and feelings, views on their PEP',
  wellbeing: 'SDQ scores, well-being assessments, CAMHS referrals',
  care: 'legal status, care history, placement type and history, number of social workers',
  'placement-address': "where the child lives and the carer's contact details",
  contacts: "the child's education lead, designated teacher, social worker (names and work contacts)",
  aggregate: 'anonymised counts and rates; no identities',
};

export interface Grant {
  readonly role: Role;
  /** 'any' grants regardless of relationship (the analysts' aggregate rows). */
  readonly relationship: Relationship | 'any';
  readonly read: readonly FieldClass[];
  readonly write: readonly FieldClass[];
  /**
   * Read only with a reason given on the query (`reason`: a purpose, and a note): a social worker's grant
   * to every child of their authority, beyond their caseload (issue 10, decision 0026). Its reads are
   * audited with the reason, marked outside the caseload.
   */
  readonly needsReason?: true;
}

const EVERYTHING = FIELD_CLASSES.filter((c) => c !== 'aggregate');

/** The matrix, row for row as in ../shared/design/ENTITLEMENTS.md. */
export const GRANTS: readonly Grant[] = [
  {
    role: 'virtual-school-head',
    relationship: 'home',
    read: ['identity', 'education', 'pep', 'voice', 'wellbeing', 'care', 'contacts'],
    write: ['education', 'pep'],
  },
  { role: 'virtual-school-head', relationship: 'host', read: ['identity', 'education', 'pep', 'voice', 'contacts'], write: [] },
  // Well-being (SDQ, CAMHS referrals) is written by the allocated social worker, who arranges SDQs with carers: decision 0009.
  { role: 'social-worker', relationship: 'caseload', read: EVERYTHING, write: ['care', 'placement-address', 'pep', 'voice', 'wellbeing'] },
  { role: 'social-worker', relationship: 'home', read: ['identity', 'education', 'care', 'contacts'], write: [], needsReason: true },
  { role: 'designated-teacher', relationship: 'school', read: ['identity', 'education', 'pep', 'voice', 'wellbeing', 'contacts'], write: ['education', 'pep'] },
  { role: 'learner', relationship: 'self', read: ['identity', 'pep', 'voice', 'contacts'], write: ['voice'] },
  { role: 'consortium-analyst', relationship: 'any', read: ['aggregate'], write: [] },
  { role: 'national-analyst', relationship: 'any', read: ['aggregate'], write: [] },
];
