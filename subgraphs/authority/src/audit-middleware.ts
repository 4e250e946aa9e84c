// Notes every read of a classified field of a child's record, allowed or denied, for the audit log.
// It wraps the shield (it is applied first), so it sees the shield's FORBIDDEN answers too.
import type { GraphQLResolveInfo } from 'graphql';
import { LEARNER_DATA, classificationOf } from '@wales-lac/policy';
import type { AuthorityContext } from './context.ts';

type Resolve = (parent: unknown, args: unknown, context: AuthorityContext, info: GraphQLResolveInfo) => unknown;

function learnerIdOf(typeName: string, parent: unknown): string | null {
  const key = LEARNER_DATA[typeName]?.learnerIdOf;
  const value = key && parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : null;
  return typeof value === 'string' ? value : null;
}

async function auditedRead(resolve: Resolve, parent: unknown, args: unknown, context: AuthorityContext, info: GraphQLResolveInfo): Promise<unknown> {
  const typeName = info.parentType.name;
  const fieldClass = classificationOf(typeName, info.fieldName);
  const learnerId = learnerIdOf(typeName, parent);
  if (!fieldClass || fieldClass === 'record' || !learnerId) return resolve(parent, args, context, info);
  const field = `${typeName}.${info.fieldName}`;
  try {
    const result = await resolve(parent, args, context, info);
    const denied = result instanceof Error && (result as { extensions?: { code?: unknown } }).extensions?.code === 'FORBIDDEN';
    context.audit.note(learnerId, 'read', denied ? 'denied' : 'allowed', fieldClass, field);
    return result;
  } catch (error) {
    if ((error as { extensions?: { code?: unknown } }).extensions?.code === 'FORBIDDEN') context.audit.note(learnerId, 'read', 'denied', fieldClass, field);
    throw error;
  }
}

const isForbidden = (value: unknown) => (value as { extensions?: { code?: unknown } } | null)?.extensions?.code === 'FORBIDDEN';

/** A root lookup of one child refused (by the shield or the resolver) is a denied access to that child too. */
async function auditedLookup(resolve: Resolve, parent: unknown, args: unknown, context: AuthorityContext, info: GraphQLResolveInfo): Promise<unknown> {
  const learnerId = (args as { id?: unknown }).id;
  const note = () => typeof learnerId === 'string' && context.audit.note(learnerId, 'read', 'denied', 'record', 'Query.learner');
  try {
    const result = await resolve(parent, args, context, info);
    if (result instanceof Error && isForbidden(result)) note();
    return result;
  } catch (error) {
    if (isForbidden(error)) note();
    throw error;
  }
}

export const auditMiddleware = {
  ...Object.fromEntries(Object.keys(LEARNER_DATA).map((typeName) => [typeName, auditedRead])),
  Query: { learner: auditedLookup },
};
