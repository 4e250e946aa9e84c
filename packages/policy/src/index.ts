export { RELATIONSHIPS, FIELD_CLASSES, GRANTS, RELATIONSHIP_MEANING, FIELD_CLASS_EXAMPLES } from './model.ts';
export type { Relationship, FieldClass, Grant } from './model.ts';
export { accessFor, seesRecord, opensWithReason, withReasonGiven, inOrder, relationshipsBetween } from './access.ts';
export type { Access, ChildFacts } from './access.ts';
export { LEARNER_DATA, NOT_PERSONAL, REACHED_THROUGH_CLASSIFIED_FIELDS, classificationOf } from './schema-classes.ts';
export type { ClassifiedType, FieldClassification } from './schema-classes.ts';
export {
  permissionRules,
  permissionsMiddleware,
  individualAccessRule,
  readDecision,
  reasonRequiredOf,
  forbidden,
  ROLES_WITH_INDIVIDUAL_ACCESS,
  allow,
  deny,
  rule,
} from './rules.ts';
export type { PermissionsOptions, PolicyContext, ShieldRule } from './rules.ts';
export {
  PEP_SECTION_KINDS,
  PEP_SECTION_RULES,
  SIGNER_ROLES,
  signerRoleOf,
  requiredSigners,
  mayRateQuality,
  mayStartPep,
  mayArrangeMeeting,
  sectionRefusal,
} from './pep-work.ts';
export type { PepSectionKind, SectionRule, SignerRole } from './pep-work.ts';
export { LEARNER_FILTER_CLASSES, LISTED_RELATIONSHIPS, filterRefusal, listReasonRefusal, relationshipRefusal, type ListedRelationship } from './filters.ts';
export { learnersArgumentsProblem, pageArgumentsProblem, type ArgumentProblem, type ListArguments } from './learner-list-arguments.ts';
export { ACCESS_PURPOSES, REASON_FIELDS, REASON_NOTE_MAX, accessReasonOf, reasonOnPath, reasonProblem } from './reason.ts';
export type { AccessPurpose, AccessReason, ReasonProblem } from './reason.ts';
export { fieldGuards } from './field-guard.ts';
export type { FieldGuard, FieldGuardOptions, GuardedRootRule } from './field-guard.ts';
export {
  QUERY_FIELD_ROLES,
  MUTATION_ROLES,
  MUTATION_WRITES,
  GATEWAY_ONLY_ROOT_FIELDS,
  classesWritten,
  mayEverWrite,
  rootFieldRefusal,
  rootRules,
} from './root-fields.ts';
export type { RootOperation, WritingMutation } from './root-fields.ts';
