// graphql-shield rules built from the model: the same rules run in every authority (at the source)
// and at the gateway (over the fetched result). Deny by default.
import { isObjectType, type GraphQLSchema } from 'graphql';
import { allow, deny, rule, shield, type IRule, type IRules } from 'graphql-shield';
type ShieldRule = IRule | typeof allow;
import type { Caller, Role } from '@wales-lac/caller';
import { WORDS, message, platformError, type Text } from '@wales-lac/errors';
import { seesRecord, type Access } from './access.ts';
import { LEARNER_DATA, NOT_PERSONAL, REACHED_THROUGH_CLASSIFIED_FIELDS, type FieldClassification } from './schema-classes.ts';

/** Roles that may ask about individual children at all (analysts see only aggregates). */
export const ROLES_WITH_INDIVIDUAL_ACCESS: readonly Role[] = ['virtual-school-head', 'social-worker', 'designated-teacher', 'learner'];

export interface PolicyContext {
  readonly caller: Caller;
}

export type { ShieldRule };

export interface PermissionsOptions<C extends PolicyContext> {
  /** The caller's access to the child a value belongs to; null when the child cannot be determined. */
  readonly accessOf: (typeName: string, parent: unknown, context: C) => Promise<Access | null>;
  /** Rules for root fields beyond the defaults (e.g. the gateway's or a subgraph's own fields). */
  readonly rootRules?: Readonly<Record<string, Readonly<Record<string, ShieldRule>>>>;
}

export function forbidden(text: Text) {
  return platformError(text);
}

function permitted(access: Access | null, classification: FieldClassification): boolean {
  if (!access) return false;
  return classification === 'record' ? seesRecord(access) : access.read.has(classification);
}

/** A rule per classified field; `no_cache` because the answer depends on the parent (see FEDERATION-NOTES). */
function fieldRule<C extends PolicyContext>(typeName: string, fieldName: string, classification: FieldClassification, options: PermissionsOptions<C>): ShieldRule {
  const what = classification === 'record' ? WORDS.thisRecord : message('FORBIDDEN', 'classFields', { fieldClass: classification });
  return rule(`read ${typeName}.${fieldName}`, { cache: 'no_cache' })(async (parent: unknown, _args: unknown, context: C) => {
    let access: Access | null;
    try {
      access = await options.accessOf(typeName, parent, context);
    } catch (error) {
      // The field stays unread either way; the answer says why (a lost database connection is not a refusal,
      // and a read retried on it succeeds), where a thrown rule would read as "no rule grants access".
      return error instanceof Error ? error : forbidden(message('FORBIDDEN', 'accessUnchecked', { type: typeName, field: fieldName }));
    }
    return permitted(access, classification) || forbidden(message('FORBIDDEN', 'readRefused', { type: typeName, field: fieldName, role: context.caller.role, what }));
  });
}

export const individualAccessRule = rule('individual access', { cache: 'contextual' })(
  (_parent: unknown, _args: unknown, context: PolicyContext) =>
    ROLES_WITH_INDIVIDUAL_ACCESS.includes(context.caller.role) ||
    forbidden(message('FORBIDDEN', 'anonymisedOnly', { role: context.caller.role })),
);

/** The rule tree for a schema: classified fields by class, non-personal types open, everything else denied. */
export function permissionRules<C extends PolicyContext>(schema: GraphQLSchema, options: PermissionsOptions<C>): IRules {
  const tree: Record<string, Record<string, ShieldRule>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const classified = LEARNER_DATA[type.name];
    if (classified) {
      tree[type.name] = Object.fromEntries(Object.entries(classified.fields).map(([field, c]) => [field, fieldRule(type.name, field, c, options)]));
    } else if (NOT_PERSONAL.includes(type.name) || REACHED_THROUGH_CLASSIFIED_FIELDS.includes(type.name) || type.name === '_Service') {
      tree[type.name] = { '*': allow };
    }
  }
  // Federation's own fields exist in a subgraph's schema, not in the gateway's API schema.
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  const federation = Object.fromEntries(['_service', '_entities'].filter((f) => f in queryFields).map((f) => [f, allow]));
  tree['Query'] = { ...tree['Query'], ...federation, learner: individualAccessRule, learners: individualAccessRule, ...options.rootRules?.['Query'] };
  if (options.rootRules?.['Mutation']) tree['Mutation'] = { ...options.rootRules['Mutation'] };
  return tree;
}

export function permissionsMiddleware<C extends PolicyContext>(schema: GraphQLSchema, options: PermissionsOptions<C>) {
  return shield(permissionRules(schema, options), {
    fallbackRule: deny,
    fallbackError: forbidden(message('FORBIDDEN', 'noRule')),
    allowExternalErrors: true,
  });
}

export { allow, deny, rule };
