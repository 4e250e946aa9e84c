// Reasons for reading beyond the caseload (issue 10, decision 0026). A social worker reads a child of their
// own authority who is not on their caseload only by saying why: `reason: { purpose, note }` on the root
// field (`learner`, `learners`) the child is reached through. The same function finds that reason at both
// layers (the authority's field guards, the gateway's shield): from the operation and its variables, by the
// root of the field's path, so a reason given to one root field opens nothing under another.
import { Kind, valueFromASTUntyped, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { message, type Text } from '@wales-lac/errors';

/** Why a record outside the caseload is read; stored in the audit log as written here. */
export const ACCESS_PURPOSES = ['safeguarding', 'covering-for-colleague', 'duty', 'court', 'other'] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

/** Longest note, in characters: a sentence or two, not a case note. */
export const REASON_NOTE_MAX = 300;

export interface AccessReason {
  readonly purpose: AccessPurpose;
  readonly note: string | null;
}

/** Root fields that take a reason. */
export const REASON_FIELDS: readonly string[] = ['learner', 'learners'];

export interface ReasonProblem {
  readonly text: Text;
  /** The argument it is about: `reason.purpose` or `reason.note`. */
  readonly field: string;
}

/** The schema's enum name (COVERING_FOR_COLLEAGUE) or the stored one (covering-for-colleague), as stored. */
const purposeOf = (value: unknown): AccessPurpose | null => {
  const stored = typeof value === 'string' ? value.toLowerCase().replaceAll('_', '-') : null;
  return (ACCESS_PURPOSES as readonly (string | null)[]).includes(stored) ? (stored as AccessPurpose) : null;
};

const schemaName = (purpose: string) => purpose.toUpperCase().replaceAll('-', '_');

/** What is wrong with a `reason` argument, or null (also for none given). */
export function reasonProblem(value: unknown): ReasonProblem | null {
  if (value === undefined || value === null) return null;
  const given = (typeof value === 'object' ? value : {}) as { purpose?: unknown; note?: unknown };
  if (!purposeOf(given.purpose)) {
    return {
      field: 'reason.purpose',
      text: message('BAD_USER_INPUT', 'reasonPurposeUnknown', { values: ACCESS_PURPOSES.map(schemaName).join(', '), value: String(given.purpose) }),
    };
  }
  const note = given.note;
  if (note === undefined || note === null) {
    return purposeOf(given.purpose) === 'other' ? { field: 'reason.note', text: message('BAD_USER_INPUT', 'reasonOtherNeedsNote') } : null;
  }
  if (typeof note !== 'string') return { field: 'reason.note', text: message('BAD_USER_INPUT', 'reasonNoteNotText') };
  const length = [...note.trim()].length;
  if (length === 0) return { field: 'reason.note', text: message('BAD_USER_INPUT', 'reasonNoteEmpty') };
  if (length > REASON_NOTE_MAX) return { field: 'reason.note', text: message('BAD_USER_INPUT', 'reasonNoteTooLong', { length, max: REASON_NOTE_MAX }) };
  return null;
}

/** A well-formed reason, as stored (the note trimmed); null when none is given or it is not well-formed. */
export function accessReasonOf(value: unknown): AccessReason | null {
  if (value === undefined || value === null || reasonProblem(value)) return null;
  const given = value as { purpose: unknown; note?: unknown };
  const note = typeof given.note === 'string' ? given.note.trim() : null;
  return { purpose: purposeOf(given.purpose) as AccessPurpose, note };
}

type PathInfo = Pick<GraphQLResolveInfo, 'path' | 'operation' | 'fragments' | 'variableValues'>;

function rootField(set: SelectionSetNode, key: string, fragments: PathInfo['fragments'], seen: Set<string>): FieldNode | null {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias ?? selection.name).value === key) return selection;
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value)) continue;
    if (selection.kind === Kind.FRAGMENT_SPREAD) seen.add(selection.name.value);
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
    const found = inner ? rootField(inner, key, fragments, seen) : null;
    if (found) return found;
  }
  return null;
}

/** Per execution (its variables object), per root response key: fields of many children ask again and again. */
const found = new WeakMap<object, Map<string, AccessReason | null>>();

/** The reason given to the root field this field was reached through, or null. */
export function reasonOnPath(info: PathInfo): AccessReason | null {
  let path = info.path;
  while (path.prev) path = path.prev;
  const key = String(path.key);
  let known = found.get(info.variableValues);
  if (!known) found.set(info.variableValues, (known = new Map()));
  if (known.has(key)) return known.get(key) ?? null;
  const field = rootField(info.operation.selectionSet, key, info.fragments, new Set());
  const argument = field && REASON_FIELDS.includes(field.name.value) ? field.arguments?.find((a) => a.name.value === 'reason') : undefined;
  const reason = argument ? accessReasonOf(valueFromASTUntyped(argument.value, info.variableValues)) : null;
  known.set(key, reason);
  return reason;
}
