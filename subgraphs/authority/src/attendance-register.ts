// A school's register for one day, for this authority's children in it. The gateway sends each
// authority its rows twice: first to validate (changing nothing), then, when every authority accepted
// its rows, to apply. A bad or forbidden row refuses the whole batch and names the row. The caller's
// right to record each child is checked before anything is looked up about them, so a refused caller
// cannot learn which school a child attends by trying schools.
import { platformError } from '@wales-lac/errors';
import { ATTENDANCE_MARKS, owningAuthority, schoolAuthorityCode } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { badInput, checkDate, checkIdempotencyKey, fingerprintOf } from './change.ts';
import { appendAuditRows, applyOnce, recordRegister, type NewAuditRow } from './data/index.ts';
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
  readonly problem: string;
}

type Mark = RecordAttendanceInput['marks'][number];

/** What is wrong with a row from its own content (no lookups). */
function shapeProblem(ctx: AuthorityContext, mark: Mark, seen: Set<string>): string | null {
  if (owningAuthority(mark.learner) !== ctx.authorityCode) return `'${mark.learner}' is not a learner of ${ctx.authorityCode}`;
  if (seen.has(mark.learner)) return 'the child appears twice in the register';
  seen.add(mark.learner);
  for (const [session, code] of [['am', mark.am], ['pm', mark.pm]] as const) {
    if (!Object.hasOwn(ATTENDANCE_MARKS, code)) return `${session} mark '${code}' is not a Welsh register code`;
  }
  return null;
}

/** What is wrong with a row against the record: only asked once the caller may record the child. */
async function recordProblem(ctx: AuthorityContext, input: RecordAttendanceInput, mark: Mark): Promise<string | null> {
  if (!(await ctx.loaders.learner.load(mark.learner))) return `no learner ${mark.learner} in ${ctx.authorityCode}`;
  const onRoll = (await ctx.loaders.enrolments.load(mark.learner)).some((e) => e.schoolId === input.school && isCurrent(e, input.date));
  return onRoll ? null : `the child was not on the roll of school ${input.school} on ${input.date}`;
}

async function problemsOf(input: RecordAttendanceInput, check: (mark: Mark) => Promise<string | null> | string | null): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  for (const [row, mark] of input.marks.entries()) {
    const problem = await check(mark);
    if (problem) problems.push({ row, learner: mark.learner, problem });
  }
  return problems;
}

function refuse(code: 'BAD_USER_INPUT' | 'FORBIDDEN', problems: readonly RowProblem[]): never {
  const [first] = problems;
  const message = `marks[${first?.row}] (learner ${first?.learner}): ${first?.problem}; the register was not recorded (${problems.length} row${problems.length === 1 ? '' : 's'} refused)`;
  throw platformError(code, message, { field: 'marks', row: first?.row, rows: problems });
}

function auditRow(ctx: AuthorityContext, learnerId: string, decision: 'allowed' | 'denied'): NewAuditRow {
  return { actorSubject: ctx.caller.subject, actorRole: ctx.caller.role, actorAuthority: ctx.caller.authorityCode, learnerId, action: 'write', decision, fieldClasses: ['education'], fields: ['Learner.attendance'], operationName: 'recordAttendance' };
}

async function mayRecord(ctx: AuthorityContext, input: RecordAttendanceInput, mark: Mark): Promise<string | null> {
  const access = await ctx.access.load(mark.learner);
  const ownSchool = ctx.caller.role !== 'designated-teacher' || ctx.caller.schoolId === input.school;
  return access.write.has('education') && ownSchool ? null : `a ${ctx.caller.role} may not record this child's attendance at school ${input.school}`;
}

export async function recordAttendance(input: RecordAttendanceInput, ctx: AuthorityContext) {
  checkIdempotencyKey(input.idempotencyKey);
  if (schoolAuthorityCode(input.school) === null) badInput('school', `'${input.school}' is not a Welsh school number`);
  checkDate(ctx, 'date', input.date, { notFuture: true, schoolDay: true });
  if (input.marks.length === 0 || input.marks.length > MAX_REGISTER_ROWS) badInput('marks', `a register holds 1 to ${MAX_REGISTER_ROWS} rows (got ${input.marks.length})`);

  const seen = new Set<string>();
  const malformed = await problemsOf(input, (mark) => shapeProblem(ctx, mark, seen));
  if (malformed.length > 0) refuse('BAD_USER_INPUT', malformed);
  const forbidden = await problemsOf(input, (mark) => mayRecord(ctx, input, mark));
  if (forbidden.length > 0) {
    await appendAuditRows(ctx.db, forbidden.map((f) => auditRow(ctx, f.learner, 'denied')));
    refuse('FORBIDDEN', forbidden);
  }
  const wrong = await problemsOf(input, (mark) => recordProblem(ctx, input, mark));
  if (wrong.length > 0) refuse('BAD_USER_INPUT', wrong);
  if (input.validateOnly) return { recorded: input.marks.length, applied: false };

  const { validateOnly: _, ...change } = input;
  const request = {
    idempotencyKey: input.idempotencyKey,
    actorSubject: ctx.caller.subject,
    operation: 'recordAttendance',
    fingerprint: fingerprintOf('recordAttendance', change),
    audit: input.marks.map((m) => auditRow(ctx, m.learner, 'allowed')),
  };
  const outcome = await applyOnce(ctx.db, request, async (tx) => {
    await recordRegister(tx, input.school, input.date, input.marks.map((m) => ({ learnerId: m.learner, am: m.am, pm: m.pm })));
    return { recorded: input.marks.length };
  });
  if (outcome.kind === 'key-reused') badInput('idempotencyKey', 'this idempotency key was already used for a different change');
  return { recorded: outcome.result.recorded, applied: outcome.kind === 'applied' };
}
