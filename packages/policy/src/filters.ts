// Caseload filters read a field class of every child they consider: a filter answers "which children
// were excluded this term" as surely as the field does. Each is tied to its class here.
import type { Role } from '@wales-lac/caller';
import { message, type Text } from '@wales-lac/errors';
import { GRANTS, type FieldClass } from './model.ts';

export const LEARNER_FILTER_CLASSES: Readonly<Record<string, FieldClass>> = {
  placedOutOfCounty: 'care',
  overduePep: 'pep',
  attendanceBelow: 'education',
  excludedThisTerm: 'education',
  upn: 'identity',
};

/** Why the role may not use this filter at all (it reads a class the role never reads), or null. */
export function filterRefusal(role: Role, argument: string): Text | null {
  const fieldClass = LEARNER_FILTER_CLASSES[argument];
  if (!fieldClass) return null;
  const ever = GRANTS.some((g) => g.role === role && g.relationship !== 'any' && g.read.includes(fieldClass));
  return ever ? null : message('FORBIDDEN', 'filterRefused', { role, argument, fieldClass });
}

/** The relationships a caller may list their own children by (`learners(relationship:)`). */
export const LISTED_RELATIONSHIPS = ['home', 'host', 'caseload', 'school'] as const;
export type ListedRelationship = (typeof LISTED_RELATIONSHIPS)[number];

/**
 * Why a role can never hold this relationship to any child, so a list by it would always be empty
 * (a designated teacher has no caseload), or null. From the grants: a role holds a relationship only
 * where some grant names the two together.
 */
export function relationshipRefusal(role: Role, relationship: string): Text | null {
  if (!(LISTED_RELATIONSHIPS as readonly string[]).includes(relationship))
    return message('BAD_USER_INPUT', 'relationshipUnknown', { values: LISTED_RELATIONSHIPS.map((r) => r.toUpperCase()).join(', ') });
  return GRANTS.some((g) => g.role === role && g.relationship === relationship)
    ? null
    : message('BAD_USER_INPUT', 'relationshipNever', { role, relationship: relationship.toUpperCase() });
}

/**
 * Why this list needs a reason the caller did not give (decision 0026), or null: every grant by which the
 * role holds this relationship needs one (a social worker's HOME list: their authority's every child).
 */
export function listReasonRefusal(role: Role, relationship: string, reasoned: boolean): Text | null {
  if (reasoned) return null;
  const grants = GRANTS.filter((g) => g.role === role && g.relationship === relationship);
  return grants.length > 0 && grants.every((g) => g.needsReason)
    ? message('REASON_REQUIRED', 'listNeedsReason', { role, relationship: relationship.toUpperCase() })
    : null;
}
