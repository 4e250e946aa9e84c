// Notes every read of a classified field of a child's record, allowed or denied, for the audit log.
// It wraps the field guards (it is applied first), so it sees their FORBIDDEN answers too. A field
// answered at once is noted at once: no promise per field (decision 0023).
import type { GraphQLResolveInfo } from 'graphql';
import { LEARNER_DATA, classificationOf, reasonOnPath, type AccessReason } from '@wales-lac/policy';
import type { OutsideCaseload } from './audit.ts';
import type { AuthorityContext } from './context.ts';

type Resolve = (parent: unknown, args: unknown, context: AuthorityContext, info: GraphQLResolveInfo) => unknown;

function learnerIdOf(typeName: string, parent: unknown): string | null {
  const key = LEARNER_DATA[typeName]?.learnerIdOf;
  const value = key && parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : null;
  return typeof value === 'string' ? value : null;
}

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';
/** Refused: not entitled, or entitled only with a reason that was not given (decision 0026). */
const isRefusal = (value: unknown) => {
  const code = (value as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return code === 'FORBIDDEN' || code === 'REASON_REQUIRED';
};

/**
 * An access to a child whose record only a reason opens to this caller (a social worker's child of their
 * authority not on their caseload), with the reason given on the query; null for any other. Read once the
 * guard has decided, so the child's access is known.
 */
export function outsideCaseload(context: AuthorityContext, learnerId: string, reason: () => AccessReason | null): OutsideCaseload | null {
  const access = context.access.known(learnerId);
  return access && access.readWithReason.size > 0 ? { reason: reason() } : null;
}

const outsideCaseloadOf = (context: AuthorityContext, learnerId: string, info: GraphQLResolveInfo) =>
  outsideCaseload(context, learnerId, () => reasonOnPath(info));

type Note = (
  context: AuthorityContext,
  learnerId: string,
  fieldClass: string,
  field: string,
  answer: unknown,
  failed: boolean,
  info: GraphQLResolveInfo,
) => void;

/** A read is allowed when answered, denied when the answer (or what was thrown) is a refusal; a fault is no read. */
const noteRead: Note = (context, learnerId, fieldClass, field, answer, failed, info) => {
  const denied = isRefusal(answer) && (failed || answer instanceof Error);
  if (denied || !failed) context.audit.note(learnerId, 'read', denied ? 'denied' : 'allowed', fieldClass, field, outsideCaseloadOf(context, learnerId, info));
};

/** A root lookup of one child refused (by the guard or the resolver) is a denied access to that child too. */
const noteLookup: Note = (context, learnerId, _fieldClass, _field, answer, failed, info) => {
  if (isRefusal(answer) && (failed || answer instanceof Error))
    context.audit.note(learnerId, 'read', 'denied', 'record', 'Query.learner', outsideCaseloadOf(context, learnerId, info));
};

/**
 * Resolves the field and notes the outcome: at once when the answer is not a promise (no closure per
 * field then). The answer, or the error, passes through unchanged.
 */
function resolveNoting(
  note: Note,
  learnerId: string,
  fieldClass: string,
  field: string,
  resolve: Resolve,
  parent: unknown,
  args: unknown,
  context: AuthorityContext,
  info: GraphQLResolveInfo,
): unknown {
  let answer: unknown;
  try {
    answer = resolve(parent, args, context, info);
  } catch (error) {
    note(context, learnerId, fieldClass, field, error, true, info);
    throw error;
  }
  if (!isPromise(answer)) {
    note(context, learnerId, fieldClass, field, answer, false, info);
    return answer;
  }
  return answer.then(
    (value) => (note(context, learnerId, fieldClass, field, value, false, info), value),
    (error: unknown) => {
      note(context, learnerId, fieldClass, field, error, true, info);
      throw error;
    },
  );
}

function auditedRead(resolve: Resolve, parent: unknown, args: unknown, context: AuthorityContext, info: GraphQLResolveInfo): unknown {
  const typeName = info.parentType.name;
  const fieldClass = classificationOf(typeName, info.fieldName);
  const learnerId = learnerIdOf(typeName, parent);
  if (!fieldClass || fieldClass === 'record' || !learnerId) return resolve(parent, args, context, info);
  return resolveNoting(noteRead, learnerId, fieldClass, `${typeName}.${info.fieldName}`, resolve, parent, args, context, info);
}

function auditedLookup(resolve: Resolve, parent: unknown, args: unknown, context: AuthorityContext, info: GraphQLResolveInfo): unknown {
  const learnerId = (args as { id?: unknown }).id;
  if (typeof learnerId !== 'string') return resolve(parent, args, context, info);
  return resolveNoting(noteLookup, learnerId, 'record', 'Query.learner', resolve, parent, args, context, info);
}

export const auditMiddleware = {
  ...Object.fromEntries(Object.keys(LEARNER_DATA).map((typeName) => [typeName, auditedRead])),
  Query: { learner: auditedLookup },
};
