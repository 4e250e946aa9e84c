// Notes every read of a classified field of a child's record, allowed or denied, for the audit log.
// It wraps the field guards (it is applied first), so it sees their FORBIDDEN answers too. A field
// answered at once is noted at once: no promise per field (decision 0023).
import type { GraphQLResolveInfo } from 'graphql';
import { LEARNER_DATA, classificationOf } from '@wales-lac/policy';
import type { AuthorityContext } from './context.ts';

type Resolve = (parent: unknown, args: unknown, context: AuthorityContext, info: GraphQLResolveInfo) => unknown;

function learnerIdOf(typeName: string, parent: unknown): string | null {
  const key = LEARNER_DATA[typeName]?.learnerIdOf;
  const value = key && parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : null;
  return typeof value === 'string' ? value : null;
}

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';
const isForbidden = (value: unknown) => (value as { extensions?: { code?: unknown } } | null)?.extensions?.code === 'FORBIDDEN';

/**
 * Runs `resolve`, then `settled(answer, failed)` with its answer or what it threw; at once when the answer
 * is not a promise. The answer (or the error) passes through unchanged.
 */
function afterResolve(resolve: () => unknown, settled: (answer: unknown, failed: boolean) => void): unknown {
  let answer: unknown;
  try {
    answer = resolve();
  } catch (error) {
    settled(error, true);
    throw error;
  }
  if (!isPromise(answer)) {
    settled(answer, false);
    return answer;
  }
  return answer.then(
    (value) => (settled(value, false), value),
    (error: unknown) => {
      settled(error, true);
      throw error;
    },
  );
}

function auditedRead(resolve: Resolve, parent: unknown, args: unknown, context: AuthorityContext, info: GraphQLResolveInfo): unknown {
  const typeName = info.parentType.name;
  const fieldClass = classificationOf(typeName, info.fieldName);
  const learnerId = learnerIdOf(typeName, parent);
  if (!fieldClass || fieldClass === 'record' || !learnerId) return resolve(parent, args, context, info);
  const field = `${typeName}.${info.fieldName}`;
  return afterResolve(
    () => resolve(parent, args, context, info),
    (answer, failed) => {
      const denied = isForbidden(answer) && (failed || answer instanceof Error);
      if (denied || !failed) context.audit.note(learnerId, 'read', denied ? 'denied' : 'allowed', fieldClass, field);
    },
  );
}

/** A root lookup of one child refused (by the shield or the resolver) is a denied access to that child too. */
function auditedLookup(resolve: Resolve, parent: unknown, args: unknown, context: AuthorityContext, info: GraphQLResolveInfo): unknown {
  const learnerId = (args as { id?: unknown }).id;
  return afterResolve(
    () => resolve(parent, args, context, info),
    (answer, failed) => {
      if (typeof learnerId === 'string' && isForbidden(answer) && (failed || answer instanceof Error)) context.audit.note(learnerId, 'read', 'denied', 'record', 'Query.learner');
    },
  );
}

export const auditMiddleware = {
  ...Object.fromEntries(Object.keys(LEARNER_DATA).map((typeName) => [typeName, auditedRead])),
  Query: { learner: auditedLookup },
};
