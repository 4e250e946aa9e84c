// A school's register for one day, for this authority's children in it. The gateway sends each
// authority its rows twice: first to validate (changing nothing), then, when every authority accepted
// its rows, to apply. A bad or forbidden row refuses the whole batch and names the row. The caller's
// right to record each child is checked before anything is looked up about them, so a refused caller
// cannot learn which school a child attends by trying schools. A `Change` run by `runChange` (change.ts):
// it concerns many children, so the right is a rule per row (`right`) and each child gets its audit row.
import { WORDS, message, platformError, render, type Text } from '@wales-lac/errors';
import { ATTENDANCE_MARKS, owningAuthority, schoolAuthorityCode } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { badInput, checkDate, runChange, type Change, type Refusal } from './change.ts';
import { recordRegister } from './data/index.ts';
import { isCurrent } from './records.ts';

export interface RecordAttendanceInput {
  school: string;
  date: string;
  marks: readonly { learner: string; am: string; pm: string }[];
  validateOnly?: boolean | null;
  idempotencyKey: string;
}

/** Most rows a register may hold in one call. */
export const MAX_REGISTER_ROWS = 2000;

interface RowProblem {
  readonly row: number;
  readonly learner: string;
  readonly problem: Text;
}

type Mark = RecordAttendanceInput['marks'][number];

/** What is wrong with a row from its own content (no lookups). */
function shapeProblem(ctx: AuthorityContext, mark: Mark, seen: Set<string>): Text | null {
  if (owningAuthority(mark.learner) !== ctx.authorityCode)
    return message('BAD_USER_INPUT', 'rowNotOfAuthority', { id: mark.learner, authority: ctx.authorityCode });
  if (seen.has(mark.learner)) return message('BAD_USER_INPUT', 'rowTwice');
  seen.add(mark.learner);
  for (const [session, code] of [
    ['am', mark.am],
    ['pm', mark.pm],
  ] as const) {
    if (!Object.hasOwn(ATTENDANCE_MARKS, code)) return message('BAD_USER_INPUT', 'rowBadMark', { session, mark: code });
  }
  return null;
}

/** What is wrong with a row against the record: only asked once the caller may record the child. */
async function recordProblem(ctx: AuthorityContext, input: RecordAttendanceInput, mark: Mark): Promise<Text | null> {
  if (!(await ctx.loaders.learner.load(mark.learner))) return message('BAD_USER_INPUT', 'rowNoLearner', { id: mark.learner, authority: ctx.authorityCode });
  const onRoll = (await ctx.loaders.enrolments.load(mark.learner)).some((e) => e.schoolId === input.school && isCurrent(e, input.date));
  return onRoll ? null : message('BAD_USER_INPUT', 'rowNotOnRoll', { school: input.school, date: input.date });
}

async function problemsOf(input: RecordAttendanceInput, check: (mark: Mark) => Promise<Text | null> | Text | null): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  for (const [row, mark] of input.marks.entries()) {
    const problem = await check(mark);
    if (problem) problems.push({ row, learner: mark.learner, problem });
  }
  return problems;
}

function refuse(code: 'BAD_USER_INPUT' | 'FORBIDDEN', problems: readonly RowProblem[]): never {
  const [first] = problems;
  const params = {
    row: first?.row ?? 0,
    learner: first?.learner ?? '',
    problem: first?.problem ?? '',
    count: problems.length,
    rows: problems.length === 1 ? WORDS.row : WORDS.rows,
  };
  // Each row's problem is detail in English, as the codes are; the message is worded for the request.
  const rows = problems.map((p) => ({ ...p, problem: render(p.problem, 'en') }));
  throw platformError(message(code, 'registerRefused', params), { field: 'marks', row: first?.row, rows });
}

/** BAD_USER_INPUT naming every row with a problem, if any has one. */
async function refuseBadRows(input: RecordAttendanceInput, check: (mark: Mark) => Promise<Text | null> | Text | null): Promise<void> {
  const problems = await problemsOf(input, check);
  if (problems.length > 0) refuse('BAD_USER_INPUT', problems);
}

interface Recorded {
  readonly recorded: number;
}

const RECORD_ATTENDANCE: Change<RecordAttendanceInput, null, void, void, Recorded, Recorded & { applied: boolean }> = {
  operation: 'recordAttendance',
  subject: () => null,
  learnersOf: ({ input }) => input.marks.map((m) => m.learner),
  retry: 'applying',
  checkInput: async ({ ctx, input }) => {
    if (schoolAuthorityCode(input.school) === null) badInput('school', 'notASchool', { id: input.school });
    checkDate(ctx, 'date', input.date, { notFuture: true, schoolDay: true });
    if (input.marks.length === 0 || input.marks.length > MAX_REGISTER_ROWS)
      badInput('marks', 'registerRows', { max: MAX_REGISTER_ROWS, count: input.marks.length });
    const seen = new Set<string>();
    await refuseBadRows(input, (mark) => shapeProblem(ctx, mark, seen));
  },
  fields: ['Learner.attendance'],
  right: (access, { ctx, input }) => {
    const ownSchool = ctx.caller.role !== 'designated-teacher' || ctx.caller.schoolId === input.school;
    return access.write.has('education') && ownSchool ? null : message('FORBIDDEN', 'attendanceRefused', { role: ctx.caller.role, school: input.school });
  },
  refuse: (refusals: readonly Refusal[]) =>
    refuse(
      'FORBIDDEN',
      refusals.map((r) => ({ row: r.index, learner: r.learnerId, problem: r.reason })),
    ),
  checkRecord: ({ ctx, input }) => refuseBadRows(input, (mark) => recordProblem(ctx, input, mark)),
  preview: ({ input }) => (input.validateOnly ? { recorded: input.marks.length } : null),
  // Validating or applying, the register asks for the same change.
  asked: ({ validateOnly: _, ...change }) => change,
  apply: async (tx, { input }) => {
    await recordRegister(
      tx,
      input.school,
      input.date,
      input.marks.map((m) => ({ learnerId: m.learner, am: m.am, pm: m.pm })),
    );
    return { recorded: input.marks.length };
  },
  payload: async (_step, outcome) => ({ recorded: outcome.result.recorded, applied: outcome.applied }),
};

export const recordAttendance = (input: RecordAttendanceInput, ctx: AuthorityContext) => runChange(RECORD_ATTENDANCE, input, ctx);
