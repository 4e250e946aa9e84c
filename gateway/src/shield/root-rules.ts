// Who may ask for which root field at all, decided from the role alone: checked before anything is
// fetched (so a refused field never reaches a subgraph) and again by the shield over the result.
import type { GraphQLSchema } from 'graphql';
import type { Role } from '@wales-lac/caller';
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
  notifications: ['designated-teacher', 'virtual-school-head'],
};

const QUERY_REFUSALS: Readonly<Record<string, string>> = {
  accessHistory: "may not read a child's access history; it is for the home authority's virtual school head",
  benchmarks: 'does not see national benchmarks',
  benchmarkReleases: 'does not see national benchmarks',
  benchmarkTrend: 'does not see national benchmarks',
  notifications: 'has no notifications: they go to schools and authorities’ education leads',
};

/** Mutations that write no child's data, open to some roles only. */
export const MUTATION_ROLES: Readonly<Record<string, readonly Role[]>> = {
  refreshBenchmarks: ['national-analyst'],
  markNotificationRead: ['designated-teacher', 'virtual-school-head'],
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
export function refusalOf(operation: RootOperation, fieldName: string, role: Role): string | null {
  if (fieldName.startsWith('__')) return null;
  if (operation === 'query') {
    const roles = QUERY_FIELD_ROLES[fieldName];
    if (!roles || roles.includes(role)) return null;
    return `a ${role} ${QUERY_REFUSALS[fieldName] ?? 'sees anonymised figures only, never an individual child'}`;
  }
  if (operation === 'mutation') {
    const roles = MUTATION_ROLES[fieldName];
    if (roles) return roles.includes(role) ? null : `${fieldName}: only a ${roles.join(' or ')} may do this`;
    const writes = MUTATION_WRITES[fieldName];
    if (!writes) return `${fieldName}: no write rule covers this change`;
    return writes.some((c) => mayEverWrite(role, c)) ? null : `${fieldName}: a ${role} may not write ${writes.join(' or ')} fields`;
  }
  return 'subscriptions are not served';
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
