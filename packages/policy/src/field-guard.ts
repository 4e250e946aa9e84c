// The rule tree of rules.ts compiled into plain field wrappers, for enforcement at the source (each
// authority). Same tree, same decisions, same errors as the shield; but a field whose child's access is
// already known this request is decided at once, with no promise. graphql-shield's middleware is async for
// every field of every type, which doubled what an authority spends on a page of 500 children (decision
// 0023). The gateway keeps graphql-shield over the fetched result.
import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Access } from './access.ts';
import { message } from '@wales-lac/errors';
import type { FieldClassification } from './schema-classes.ts';
import { forbidden, individualAccessRefusal, queryRootRules, readDecision, typeShapes, type PolicyContext } from './rules.ts';

type Resolve = (parent: unknown, args: unknown, context: never, info: GraphQLResolveInfo) => unknown;
export type FieldGuard<C> = (resolve: Resolve, parent: unknown, args: unknown, context: C, info: GraphQLResolveInfo) => unknown;

/** A root field's rule for the guard: open to every caller, or open to roles that see individual children. */
export type GuardedRootRule = 'open' | 'individual-access';

export interface FieldGuardOptions<C extends PolicyContext> {
  /** The caller's access to the child a value belongs to (at once when known); null when the child cannot be determined. */
  readonly accessOf: (typeName: string, parent: unknown, context: C) => Access | null | Promise<Access | null>;
  /** Rules for the subgraph's own root fields (queries and mutations its resolvers check themselves). */
  readonly rootRules?: Readonly<Record<string, Readonly<Record<string, GuardedRootRule>>>>;
}

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';

function classifiedGuard<C extends PolicyContext>(
  typeName: string,
  fieldName: string,
  classification: FieldClassification,
  options: FieldGuardOptions<C>,
): FieldGuard<C> {
  const unchecked = (error: unknown) =>
    error instanceof Error ? error : forbidden(message('FORBIDDEN', 'accessUnchecked', { type: typeName, field: fieldName }));
  // No closure is made per call where the access is known at once (the common case on a page).
  const decide = (access: Access | null, resolve: Resolve, parent: unknown, args: unknown, context: C, info: GraphQLResolveInfo) => {
    const decision = readDecision(access, classification, typeName, fieldName, context.caller.role, info);
    return decision === true ? resolve(parent, args, context as never, info) : decision;
  };
  return function guard(resolve, parent, args, context, info) {
    let access: Access | null | Promise<Access | null>;
    try {
      access = options.accessOf(typeName, parent, context);
    } catch (error) {
      return unchecked(error);
    }
    if (!isPromise(access)) return decide(access, resolve, parent, args, context, info);
    return access.then((known) => decide(known, resolve, parent, args, context, info), unchecked);
  };
}

const individualAccess: FieldGuard<PolicyContext> = (resolve, parent, args, context, info) =>
  individualAccessRefusal(context.caller.role) ?? resolve(parent, args, context as never, info);

const denied: FieldGuard<PolicyContext> = () => forbidden(message('FORBIDDEN', 'noRule'));

/**
 * Guards for every field of the schema's object types, as a graphql-middleware map, decided as the shield
 * decides (rules.ts): a root field by its rule; a classified field by its class; an open type's fields left
 * unwrapped; every other field denied. Given rules for Mutation, only the mutations they name are open.
 */
export function fieldGuards<C extends PolicyContext>(schema: GraphQLSchema, options: FieldGuardOptions<C>): Record<string, Record<string, FieldGuard<C>>> {
  const shapes = typeShapes(schema);
  const guards: Record<string, Record<string, FieldGuard<C>>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const own = options.rootRules?.[type.name];
    const rules: Readonly<Record<string, GuardedRootRule>> = { ...(type.name === 'Query' ? queryRootRules(schema) : {}), ...own };
    const shape = type.name === 'Mutation' && own ? undefined : shapes.get(type.name);
    const typeGuards: Record<string, FieldGuard<C>> = {};
    for (const fieldName of Object.keys(type.getFields())) {
      const rule = rules[fieldName];
      const classification = shape?.kind === 'classified' ? shape.fields[fieldName] : undefined;
      if (rule === 'individual-access') typeGuards[fieldName] = individualAccess;
      else if (rule === 'open' || shape?.kind === 'open') continue;
      else if (classification) typeGuards[fieldName] = classifiedGuard(type.name, fieldName, classification, options);
      else typeGuards[fieldName] = denied;
    }
    if (Object.keys(typeGuards).length > 0) guards[type.name] = typeGuards;
  }
  return guards;
}
