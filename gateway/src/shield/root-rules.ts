// Who may ask for which root field at all, decided from the role alone: checked before anything is
// fetched (so a refused field never reaches a subgraph) and again by the shield over the result.
import type { GraphQLSchema } from 'graphql';
import type { Role } from '@wales-lac/caller';
import { eitherOf, message, type Text } from '@wales-lac/errors';
import { GRANTS, ROLES_WITH_INDIVIDUAL_ACCESS, forbidden, rule, type FieldClass, type ShieldRule } from '@wales-lac/policy';

export type RootOperation = 'query' | 'mutation' | 'subscription';

/** Query root fields open only to some roles; every other query root field is open to every caller. */
export const QUERY_FIELD_ROLES: Readonly<Record<string, readonly Role[]>> = {
  learner: ROLES_WITH_INDIVIDUAL_ACCESS,
  learners: ROLES_WITH_INDIVIDUAL_ACCESS,
  accessHistory: ['virtual-school-head'],
  benchmarks: ['national-analyst', 'consortium-analyst', 'virtual-school-head'],
  benchmarkReleases: ['national-analyst', 'consortium-analyst', 'virtual-school-head'],
  benchmarkTrend: ['national-analyst', 'consortium-analyst', 'virtual-school-head'],
  notifications: ['designated-teacher', 'virtual-school-head', 'social-worker'],
};

const QUERY_REFUSALS: Readonly<Record<string, (role: Role) => Text>> = {
  accessHistory: (role) => message('FORBIDDEN', 'accessHistoryRole', { role }),
  benchmarks: (role) => message('FORBIDDEN', 'noBenchmarks', { role }),
  benchmarkReleases: (role) => message('FORBIDDEN', 'noBenchmarks', { role }),
  benchmarkTrend: (role) => message('FORBIDDEN', 'noBenchmarks', { role }),
  notifications: (role) => message('FORBIDDEN', 'noNotifications', { role }),
};

/** Mutations that write no child's data, open to some roles only. */
export const MUTATION_ROLES: Readonly<Record<string, readonly Role[]>> = {
  refreshBenchmarks: ['national-analyst'],
  markNotificationRead: ['designated-teacher', 'virtual-school-head', 'social-worker'],
};

/**
 * The field classes each mutation may write (a role that can never write any of them is refused
 * before routing; the owning authority decides the rest). A mutation missing here is refused to everyone.
 */
export const MUTATION_WRITES: Readonly<Record<string, readonly FieldClass[]>> = {
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
};

/** True when some relationship could give the role write access to the class. */
export function mayEverWrite(role: Role, fieldClass: FieldClass): boolean {
  return GRANTS.some((g) => g.role === role && g.write.includes(fieldClass));
}

/** Why the role may not ask for this root field, or null when it may. */
export function refusalOf(operation: RootOperation, fieldName: string, role: Role): Text | null {
  if (fieldName.startsWith('__')) return null;
  if (operation === 'query') {
    const roles = QUERY_FIELD_ROLES[fieldName];
    if (!roles || roles.includes(role)) return null;
    return QUERY_REFUSALS[fieldName]?.(role) ?? message('FORBIDDEN', 'anonymisedOnly', { role });
  }
  if (operation === 'mutation') {
    const roles = MUTATION_ROLES[fieldName];
    if (roles) return roles.includes(role) ? null : message('FORBIDDEN', 'onlyRoles', { operation: fieldName, roles: eitherOf(roles) });
    const writes = MUTATION_WRITES[fieldName];
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
        const refusal = refusalOf(operation, fieldName, context.caller.role);
        return refusal === null || forbidden(refusal);
      },
    );
  };
  Object.keys(QUERY_FIELD_ROLES).forEach((name) => add('query', name));
  Object.keys(schema.getMutationType()?.getFields() ?? {}).forEach((name) => add('mutation', name));
  return rules;
}
