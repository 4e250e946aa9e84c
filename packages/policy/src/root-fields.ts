// Who may ask for which root field at all, decided from the role alone: the gateway checks it before anything
// is fetched (so a refused field never reaches a subgraph) and again by the shield over the result; the
// authorities take each mutation's field classes from MUTATION_WRITES.
import type { GraphQLSchema } from 'graphql';
import type { Role } from '@wales-lac/caller';
import { eitherOf, message, type Text } from '@wales-lac/errors';
import { GRANTS, type FieldClass } from './model.ts';
import { ROLES_WITH_INDIVIDUAL_ACCESS, forbidden, rule, type ShieldRule } from './rules.ts';

export type RootOperation = 'query' | 'mutation' | 'subscription';

/** Query root fields open only to some roles; every other query root field is open to every caller. */
export const QUERY_FIELD_ROLES: Readonly<Record<string, readonly Role[]>> = {
  learner: ROLES_WITH_INDIVIDUAL_ACCESS,
  learners: ROLES_WITH_INDIVIDUAL_ACCESS,
  accessHistory: ['virtual-school-head'],
  benchmarks: ['national-analyst', 'consortium-analyst', 'virtual-school-head'],
  benchmarkReleases: ['national-analyst', 'consortium-analyst', 'virtual-school-head'],
  benchmarkTrend: ['national-analyst', 'consortium-analyst', 'virtual-school-head'],
  // One's own choice of delivery for the feed (decision 0029): those who have a feed.
  notificationPreferences: ['designated-teacher', 'virtual-school-head', 'social-worker'],
  // The child reads the PEP meeting invitations addressed to them (decision 0030).
  notifications: ['designated-teacher', 'virtual-school-head', 'social-worker', 'learner'],
  // A document's bytes (the gateway's GET /documents/{id}): the owning authority decides per document.
  documentContent: ROLES_WITH_INDIVIDUAL_ACCESS,
};

const QUERY_REFUSALS: Readonly<Record<string, (role: Role) => Text>> = {
  accessHistory: (role) => message('FORBIDDEN', 'accessHistoryRole', { role }),
  benchmarks: (role) => message('FORBIDDEN', 'noBenchmarks', { role }),
  benchmarkReleases: (role) => message('FORBIDDEN', 'noBenchmarks', { role }),
  benchmarkTrend: (role) => message('FORBIDDEN', 'noBenchmarks', { role }),
  notifications: (role) => message('FORBIDDEN', 'noNotifications', { role }),
  notificationPreferences: (role) => message('FORBIDDEN', 'noNotifications', { role }),
};

/** Mutations that write no child's data, open to some roles only. */
export const MUTATION_ROLES: Readonly<Record<string, readonly Role[]>> = {
  refreshBenchmarks: ['national-analyst'],
  setNotificationPreferences: ['designated-teacher', 'virtual-school-head', 'social-worker'],
  markNotificationRead: ['designated-teacher', 'virtual-school-head', 'social-worker', 'learner'],
};

/**
 * The field classes each mutation may write (a role that can never write any of them is refused
 * before routing; the owning authority decides the rest). A mutation missing here is refused to everyone.
 */
export const MUTATION_WRITES = {
  recordTargetProgress: ['pep'],
  startPep: ['pep'],
  // The learner's "All about me" is voice; every other section is pep.
  writePepSection: ['pep', 'voice'],
  addPepTarget: ['pep'],
  signOffPep: ['pep'],
  ratePepQuality: ['pep'],
  recordExclusion: ['education'],
  recordReducedTimetable: ['education'],
  recordEducationOtherThanAtSchool: ['education'],
  recordSdq: ['wellbeing'],
  // A CAMHS referral is well-being; other support is pep.
  recordIntervention: ['pep', 'wellbeing'],
  recordPlacementMove: ['care'],
  recordSchoolMove: ['education'],
  recordAttendance: ['education'],
  // The child's wish about the language they are addressed in (decision 0009).
  recordLanguagePreference: ['voice'],
  // PEP review meetings (decision 0030): arranging, moving and cancelling one, and its minutes, are pep.
  schedulePepMeeting: ['pep'],
  reschedulePepMeeting: ['pep'],
  cancelPepMeeting: ['pep'],
  recordPepMeetingMinutes: ['pep'],
  // An invitee's own answer: the child's is their voice, a professional's pep.
  respondToPepMeeting: ['pep', 'voice'],
  // A document is written under the class of the section it is kept in (decision 0034).
  uploadDocument: ['education', 'wellbeing', 'pep'],
} as const satisfies Readonly<Record<string, readonly FieldClass[]>>;

/**
 * Root fields of the authority schema that are not in the public API (`@inaccessible`): only the gateway
 * calls them, for its own endpoints (the audit of a refusal, and /documents: decision 0034).
 */
export const GATEWAY_ONLY_ROOT_FIELDS: readonly string[] = ['recordRefusedAccess', 'uploadDocument', 'documentContent'];

/** A mutation that writes a child's data. */
export type WritingMutation = keyof typeof MUTATION_WRITES;

/**
 * The field classes a change writes, as MUTATION_WRITES declares them: the authorities' change specs and
 * audit rows take them from here. `only` names the one class this input writes, of a mutation declared
 * to write several; naming a class the mutation is not declared to write is a programming error.
 */
export function classesWritten(operation: WritingMutation, only?: FieldClass): readonly FieldClass[] {
  const declared: readonly FieldClass[] = MUTATION_WRITES[operation];
  if (only === undefined) return declared;
  if (!declared.includes(only)) throw new Error(`${operation} is not declared to write ${only} (MUTATION_WRITES)`);
  return [only];
}

/** True when some relationship could give the role write access to the class. */
export function mayEverWrite(role: Role, fieldClass: FieldClass): boolean {
  return GRANTS.some((g) => g.role === role && g.write.includes(fieldClass));
}

/** Why the role may not ask for this root field, or null when it may. */
export function rootFieldRefusal(operation: RootOperation, fieldName: string, role: Role): Text | null {
  if (fieldName.startsWith('__')) return null;
  if (operation === 'query') {
    const roles = QUERY_FIELD_ROLES[fieldName];
    if (!roles || roles.includes(role)) return null;
    return QUERY_REFUSALS[fieldName]?.(role) ?? message('FORBIDDEN', 'anonymisedOnly', { role });
  }
  if (operation === 'mutation') {
    const roles = MUTATION_ROLES[fieldName];
    if (roles) return roles.includes(role) ? null : message('FORBIDDEN', 'onlyRoles', { operation: fieldName, roles: eitherOf(roles) });
    const writes: readonly FieldClass[] | undefined = (MUTATION_WRITES as Readonly<Record<string, readonly FieldClass[]>>)[fieldName];
    if (!writes) return message('FORBIDDEN', 'noWriteRule', { operation: fieldName });
    return writes.some((c) => mayEverWrite(role, c)) ? null : message('FORBIDDEN', 'mayNeverWrite', { operation: fieldName, role, classes: eitherOf(writes) });
  }
  return message('FORBIDDEN', 'noSubscriptions');
}

/** The same decisions as shield rules, for the root types the schema has. */
export function rootRules(schema: GraphQLSchema): Record<string, Record<string, ShieldRule>> {
  const rules: Record<string, Record<string, ShieldRule>> = {};
  const add = (operation: RootOperation, fieldName: string) => {
    // The policy takes root rules under these two names.
    const [typeName, type] = operation === 'query' ? ['Query', schema.getQueryType()] : ['Mutation', schema.getMutationType()];
    if (!type?.getFields()[fieldName]) return;
    (rules[typeName] ??= {})[fieldName] = rule(`root ${operation} ${fieldName}`, { cache: 'no_cache' })(
      (_parent: unknown, _args: unknown, context: { caller: { role: Role } }) => {
        const refusal = rootFieldRefusal(operation, fieldName, context.caller.role);
        return refusal === null || forbidden(refusal);
      },
    );
  };
  Object.keys(QUERY_FIELD_ROLES).forEach((name) => add('query', name));
  Object.keys(schema.getMutationType()?.getFields() ?? {}).forEach((name) => add('mutation', name));
  return rules;
}
