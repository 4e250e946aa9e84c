// graphql-shield rules built from the model: the same rules run in every authority (at the source)
// and at the gateway (over the fetched result). Deny by default.
import { isObjectType, type GraphQLSchema } from 'graphql';
import { allow, deny, rule, shield, type IRule, type IRules } from 'graphql-shield';
type ShieldRule = IRule | typeof allow;
import type { Caller, Role } from '@wales-lac/caller';
import { WORDS, message, platformError, type Text } from '@wales-lac/errors';
import type { GraphQLResolveInfo } from 'graphql';
import { opensWithReason, seesRecord, type Access } from './access.ts';
import { reasonOnPath } from './reason.ts';
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

export function permitted(access: Access | null, classification: FieldClassification): boolean {
  if (!access) return false;
  return classification === 'record' ? seesRecord(access) : access.read.has(classification);
}

/** The error for a classified field the caller's relationship to the child does not open. */
export function refusalOf(typeName: string, fieldName: string, classification: FieldClassification, role: Role) {
  const what = classification === 'record' ? WORDS.thisRecord : message('FORBIDDEN', 'classFields', { fieldClass: classification });
  return forbidden(message('FORBIDDEN', 'readRefused', { type: typeName, field: fieldName, role, what }));
}

/** The error for a classified field that a reason on the query would open (decision 0026): `extensions.field` names the argument. */
export function reasonRequiredOf(typeName: string, fieldName: string, classification: FieldClassification) {
  const what = classification === 'record' ? WORDS.thisRecord : message('FORBIDDEN', 'classFields', { fieldClass: classification });
  return platformError(message('REASON_REQUIRED', 'fieldNeedsReason', { type: typeName, field: fieldName, what }), { field: 'reason' });
}

/**
 * The one decision on a classified field, at both layers: granted without a reason; granted by the reason
 * given to the root field it was reached through (looked for only when that is what decides); or refused.
 */
export function readDecision(
  access: Access | null,
  classification: FieldClassification,
  typeName: string,
  fieldName: string,
  role: Role,
  info: GraphQLResolveInfo,
) {
  if (permitted(access, classification)) return true;
  if (access && opensWithReason(access, classification)) return reasonOnPath(info) ? true : reasonRequiredOf(typeName, fieldName, classification);
  return refusalOf(typeName, fieldName, classification, role);
}

/** The error for a role that sees aggregates only asking about an individual child; null for the others. */
export function individualAccessRefusal(role: Role) {
  return ROLES_WITH_INDIVIDUAL_ACCESS.includes(role) ? null : forbidden(message('FORBIDDEN', 'anonymisedOnly', { role }));
}

/** How the fields of one object type are decided: by their classes, or open to every caller. */
export type TypeShape = { readonly kind: 'classified'; readonly fields: Readonly<Record<string, FieldClassification>> } | { readonly kind: 'open' };

/** Each object type's shape; a type in neither list (and any field of a classified type not listed) is denied. */
export function typeShapes(schema: GraphQLSchema): Map<string, TypeShape> {
  const shapes = new Map<string, TypeShape>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const classified = LEARNER_DATA[type.name];
    if (classified) shapes.set(type.name, { kind: 'classified', fields: classified.fields });
    else if (NOT_PERSONAL.includes(type.name) || REACHED_THROUGH_CLASSIFIED_FIELDS.includes(type.name) || type.name === '_Service')
      shapes.set(type.name, { kind: 'open' });
  }
  return shapes;
}

/** Query fields with a rule of their own in every schema: federation's (open) and the individual lookups. */
export function queryRootRules(schema: GraphQLSchema): Record<string, 'open' | 'individual-access'> {
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  const federation = Object.fromEntries(['_service', '_entities'].filter((f) => f in queryFields).map((f) => [f, 'open' as const]));
  return { ...federation, learner: 'individual-access', learners: 'individual-access' };
}

/** A rule per classified field; `no_cache` because the answer depends on the parent (see ../shared/design/FEDERATION-NOTES.md). */
function fieldRule<C extends PolicyContext>(
  typeName: string,
  fieldName: string,
  classification: FieldClassification,
  options: PermissionsOptions<C>,
): ShieldRule {
  return rule(`read ${typeName}.${fieldName}`, { cache: 'no_cache' })(async (parent: unknown, _args: unknown, context: C, info: GraphQLResolveInfo) => {
    let access: Access | null;
    try {
      access = await options.accessOf(typeName, parent, context);
    } catch (error) {
      // The field stays unread either way; the answer says why (a lost database connection is not a refusal,
      // and a read retried on it succeeds), where a thrown rule would read as "no rule grants access".
      return error instanceof Error ? error : forbidden(message('FORBIDDEN', 'accessUnchecked', { type: typeName, field: fieldName }));
    }
    return readDecision(access, classification, typeName, fieldName, context.caller.role, info);
  });
}

export const individualAccessRule = rule('individual access', { cache: 'contextual' })(
  (_parent: unknown, _args: unknown, context: PolicyContext) => individualAccessRefusal(context.caller.role) ?? true,
);

/** The rule tree for a schema: classified fields by class, non-personal types open, everything else denied. */
export function permissionRules<C extends PolicyContext>(schema: GraphQLSchema, options: PermissionsOptions<C>): IRules {
  const tree: Record<string, Record<string, ShieldRule>> = {};
  for (const [typeName, shape] of typeShapes(schema)) {
    tree[typeName] =
      shape.kind === 'open'
        ? { '*': allow }
        : Object.fromEntries(Object.entries(shape.fields).map(([field, c]) => [field, fieldRule(typeName, field, c, options)]));
  }
  // Federation's own fields exist in a subgraph's schema, not in the gateway's API schema.
  const roots = Object.fromEntries(Object.entries(queryRootRules(schema)).map(([field, r]) => [field, r === 'open' ? allow : individualAccessRule]));
  tree['Query'] = { ...tree['Query'], ...roots, ...options.rootRules?.['Query'] };
  if (options.rootRules?.['Mutation']) tree['Mutation'] = { ...options.rootRules['Mutation'] };
  return tree;
}

/**
 * The shield for a schema, as a graphql-middleware map. A field whose rule is `allow` is left unwrapped:
 * the shield would answer it the same, but through an async wrapper, a promise per field of every open
 * type (docs/performance.md). Every field with any other rule, and every field with none (denied), is the
 * shield's.
 */
export function permissionsMiddleware<C extends PolicyContext>(schema: GraphQLSchema, options: PermissionsOptions<C>): Record<string, Record<string, unknown>> {
  const tree = permissionRules(schema, options) as Record<string, Readonly<Record<string, ShieldRule>>>;
  const generated = shield(tree, { fallbackRule: deny, fallbackError: forbidden(message('FORBIDDEN', 'noRule')), allowExternalErrors: true }).generate(
    schema,
  ) as Record<string, Record<string, unknown>>;
  for (const [typeName, fields] of Object.entries(generated)) {
    for (const field of Object.keys(fields)) if ((tree[typeName]?.[field] ?? tree[typeName]?.['*']) === allow) delete fields[field];
  }
  return generated;
}

export { allow, deny, rule };
