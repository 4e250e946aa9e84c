// A school's register holds children of many authorities. All or nothing across them: every owning
// authority first validates its rows (changing nothing); only when all accept does each apply its
// rows, with the same idempotency key. If an authority fails between the two steps, the answer says
// which authorities recorded their rows and a retry with the same key completes the rest once.
import { Kind, type FieldNode } from 'graphql';
import { owningAuthority } from '@wales-lac/wales';
import { argumentValue, collectFields, responseKey, type ParsedOperation, type Variables } from './operation.ts';
import { WORDS, message, render, type Language } from '@wales-lac/errors';
import { authorityUnavailable, badUserInput, fromAuthority, gatewayError, type ResponseError } from './response.ts';
import type { SubgraphOutcome, SubgraphRequest } from './subgraph-client.ts';

type Send = (code: string, request: SubgraphRequest) => Promise<SubgraphOutcome>;
type Result = { data: Record<string, unknown> | null; errors: ResponseError[] };

interface MarkRow {
  readonly learner?: unknown;
}

const OPERATION = 'mutation RecordAttendance($input: RecordAttendanceInput!) { register: recordAttendance(input: $input) { recorded applied } }';

interface Part {
  readonly owner: string;
  /** Positions of this authority's rows in the whole register. */
  readonly rows: number[];
}

function partsOf(marks: readonly MarkRow[]): Part[] | { badRow: number } {
  const parts = new Map<string, number[]>();
  for (const [i, mark] of marks.entries()) {
    const owner = typeof mark.learner === 'string' ? owningAuthority(mark.learner) : null;
    if (owner === null) return { badRow: i };
    parts.set(owner, [...(parts.get(owner) ?? []), i]);
  }
  return [...parts].map(([owner, rows]) => ({ owner, rows }));
}

/** An authority's error about its row i, renumbered to the row's place in the whole register. */
function renumbered(error: ResponseError, part: Part, key: string): ResponseError {
  const local = error.extensions?.['row'];
  const global = typeof local === 'number' ? (part.rows[local] ?? local) : undefined;
  const said = global === undefined ? error.message : error.message.replace(`marks[${local}]`, `marks[${global}]`);
  const rows = Array.isArray(error.extensions?.['rows'])
    ? (error.extensions['rows'] as { row: number }[]).map((r) => ({ ...r, row: part.rows[r.row] ?? r.row }))
    : undefined;
  return {
    ...error,
    message: said,
    path: [key],
    extensions: { ...error.extensions, ...(global === undefined ? {} : { row: global }), ...(rows ? { rows } : {}) },
  };
}

function payload(field: FieldNode, parsed: ParsedOperation, variables: Variables, recorded: number, applied: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = { recorded, applied, __typename: 'RecordAttendancePayload' };
  const out: Record<string, unknown> = {};
  for (const f of collectFields(field.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, parsed.fragments, variables))
    out[responseKey(f)] = values[f.name.value] ?? null;
  return out;
}

export async function routeAttendanceRegister(
  parsed: ParsedOperation,
  field: FieldNode,
  variables: Variables,
  send: Send,
  language: Language,
): Promise<Result> {
  const key = responseKey(field);
  const input = (argumentValue(field, 'input', variables) ?? {}) as { marks?: unknown; validateOnly?: unknown };
  const marks = Array.isArray(input.marks) ? (input.marks as MarkRow[]) : [];
  if (marks.length === 0)
    return { data: { [key]: null }, errors: [badUserInput(message('BAD_USER_INPUT', 'registerEmpty', { field: 'marks' }), 'marks', [key])] };
  const parts = partsOf(marks);
  if (!Array.isArray(parts)) {
    const text = message('BAD_USER_INPUT', 'registerBadLearner', { row: parts.badRow, id: String(marks[parts.badRow]?.learner) });
    return { data: { [key]: null }, errors: [gatewayError(text, { path: [key], extensions: { field: 'marks', row: parts.badRow } })] };
  }
  const call = (part: Part, validateOnly: boolean) =>
    send(part.owner, {
      query: OPERATION,
      operationName: 'RecordAttendance',
      variables: { input: { ...input, validateOnly, marks: part.rows.map((i) => marks[i]) } },
    });

  const checks = await Promise.all(parts.map((part) => call(part, true)));
  const refusals = checks.flatMap((outcome, i): ResponseError[] => {
    const part = parts[i] as Part;
    if (outcome.kind === 'unavailable')
      return [authorityUnavailable(part.owner, message('AUTHORITY_UNAVAILABLE', 'nothingRecorded', { reason: outcome.reason }), [key])];
    return fromAuthority(part.owner, outcome.response.errors).map((e) => renumbered(e, part, key));
  });
  if (refusals.length > 0) return { data: { [key]: null }, errors: refusals };
  if (input.validateOnly === true) return { data: { [key]: payload(field, parsed, variables, marks.length, false) }, errors: [] };

  const applied = await Promise.all(parts.map((part) => call(part, false)));
  const failed = applied.flatMap((outcome, i) =>
    outcome.kind === 'unavailable' || outcome.response.errors?.length ? [{ part: parts[i] as Part, outcome }] : [],
  );
  if (failed.length > 0) {
    const done = parts.filter((p) => !failed.some((f) => f.part === p)).map((p) => p.owner);
    const recorded = message('AUTHORITY_UNAVAILABLE', 'recordedBy', { authorities: done.length > 0 ? done.join(', ') : WORDS.nobody });
    // An authority's own error is already in the request's language: what is added to it must be too.
    const recordedBy = render(recorded, language);
    const errors = failed.flatMap(({ part, outcome }): ResponseError[] =>
      outcome.kind === 'unavailable'
        ? [authorityUnavailable(part.owner, message('AUTHORITY_UNAVAILABLE', 'rowsNotRecorded', { recorded }), [key])]
        : fromAuthority(part.owner, outcome.response.errors).map((e) => {
            const error = renumbered(e, part, key);
            return { ...error, message: `${error.message} (${recordedBy})` };
          }),
    );
    return { data: { [key]: null }, errors };
  }
  const answers = applied.map((outcome) =>
    outcome.kind === 'answered' ? (outcome.response.data?.['register'] as { recorded?: number; applied?: boolean } | null) : null,
  );
  const recorded = answers.reduce((sum, a) => sum + (a?.recorded ?? 0), 0);
  return {
    data: {
      [key]: payload(
        field,
        parsed,
        variables,
        recorded,
        answers.some((a) => a?.applied === true),
      ),
    },
    errors: [],
  };
}
