// The register's routing: every authority validates before any applies, row numbers in errors are the
// caller's, and an authority lost between the two steps is named with who recorded their rows.
import { message } from '@wales-lac/errors';
import { describe, expect, it } from 'vitest';
import { routeAttendanceRegister } from './attendance-register.ts';
import { collectFields, parseOperation } from './operation.ts';
import type { SubgraphOutcome, SubgraphRequest } from './subgraph-client.ts';

const QUERY = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { recorded applied } }';
const CARDIFF = 'W06000015';
const SWANSEA = 'W06000011';
const marks = [
  { learner: `${CARDIFF}:L000001`, am: '/', pm: '/' },
  { learner: `${SWANSEA}:L000001`, am: '/', pm: '/' },
  { learner: `${CARDIFF}:L000002`, am: '/', pm: 'N' },
];

type Answer = (code: string, input: { validateOnly: boolean; marks: unknown[] }) => SubgraphOutcome;

async function route(answer: Answer, extra: Record<string, unknown> = {}) {
  const calls: { code: string; validateOnly: boolean; rows: number }[] = [];
  const parsed = parseOperation(QUERY);
  const variables = { input: { school: '6812345', date: '2026-11-20', marks, idempotencyKey: 'register-key-1', ...extra } };
  const [field] = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);
  const send = async (code: string, request: SubgraphRequest) => {
    const input = (request.variables?.['input'] ?? {}) as { validateOnly: boolean; marks: unknown[] };
    calls.push({ code, validateOnly: input.validateOnly, rows: input.marks.length });
    return answer(code, input);
  };
  if (!field) throw new Error('no field');
  return { result: await routeAttendanceRegister(parsed, field, variables, send, 'en'), calls };
}

const accepted = (input: { validateOnly: boolean; marks: unknown[] }): SubgraphOutcome => ({
  kind: 'answered',
  response: { data: { register: { recorded: input.marks.length, applied: !input.validateOnly } } },
});

describe('a register across authorities', () => {
  it('is validated by every owning authority, then applied by each, and answered as one', async () => {
    const { result, calls } = await route((_, input) => accepted(input));
    expect(result).toEqual({ data: { recordAttendance: { recorded: 3, applied: true } }, errors: [] });
    expect(calls.slice(0, 2).every((c) => c.validateOnly)).toBe(true);
    expect(calls.slice(2).every((c) => !c.validateOnly)).toBe(true);
    expect(calls.filter((c) => c.code === CARDIFF).map((c) => c.rows)).toEqual([2, 2]);
  });

  it('applies nothing anywhere when one authority refuses a row, and names the row as the caller numbered it', async () => {
    const { result, calls } = await route((code, input) =>
      code === CARDIFF
        ? {
            kind: 'answered',
            response: {
              data: { register: null },
              errors: [
                {
                  message: 'marks[1] (learner W06000015:L000002): pm mark',
                  extensions: { code: 'BAD_USER_INPUT', field: 'marks', row: 1, rows: [{ row: 1 }] },
                },
              ],
            },
          }
        : accepted(input),
    );
    expect(calls.every((c) => c.validateOnly)).toBe(true);
    expect(result.data).toEqual({ recordAttendance: null });
    expect(result.errors[0]?.message).toContain('marks[2]');
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', row: 2, rows: [{ row: 2 }], authority: CARDIFF });
  });

  it('applies nothing when an authority cannot be reached to validate', async () => {
    const { result, calls } = await route((code, input) =>
      code === SWANSEA ? { kind: 'unavailable', reason: message('AUTHORITY_UNAVAILABLE', 'unreachable') } : accepted(input),
    );
    expect(calls.every((c) => c.validateOnly)).toBe(true);
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'AUTHORITY_UNAVAILABLE', authority: SWANSEA });
    expect(result.errors[0]?.message).toContain('nothing was recorded');
  });

  it('names who recorded their rows when an authority is lost between validating and applying', async () => {
    const { result } = await route((code, input) =>
      code === SWANSEA && !input.validateOnly ? { kind: 'unavailable', reason: message('AUTHORITY_UNAVAILABLE', 'unreachable') } : accepted(input),
    );
    expect(result.data).toEqual({ recordAttendance: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'AUTHORITY_UNAVAILABLE', authority: SWANSEA });
    expect(result.errors[0]?.message).toContain(`recorded by: ${CARDIFF}`);
    expect(result.errors[0]?.message).toContain('retry with the same idempotencyKey');
  });

  it('passes on an authority’s own refusal at the second step, saying who recorded', async () => {
    const { result } = await route((code, input) =>
      code === SWANSEA && !input.validateOnly
        ? {
            kind: 'answered',
            response: { data: { register: null }, errors: [{ message: 'database refused the marks', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
          }
        : accepted(input),
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', authority: SWANSEA });
    expect(result.errors[0]?.message).toContain(`recorded by: ${CARDIFF}`);
  });

  it('only validates when asked to', async () => {
    const { result, calls } = await route((_, input) => accepted(input), { validateOnly: true });
    expect(result.data).toEqual({ recordAttendance: { recorded: 3, applied: false } });
    expect(calls.every((c) => c.validateOnly)).toBe(true);
  });

  it('refuses a row whose learner id names no authority without asking anyone', async () => {
    const calls: string[] = [];
    const parsed = parseOperation(QUERY);
    const variables = {
      input: { school: '6812345', date: '2026-11-20', marks: [...marks, { learner: 'nobody', am: '/', pm: '/' }], idempotencyKey: 'register-key-2' },
    };
    const [field] = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);
    if (!field) throw new Error('no field');
    const result = await routeAttendanceRegister(
      parsed,
      field,
      variables,
      async (code) => (calls.push(code), { kind: 'unavailable', reason: message('AUTHORITY_UNAVAILABLE', 'unreachable') }),
      'en',
    );
    expect(calls).toEqual([]);
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', row: 3 });
  });
});
