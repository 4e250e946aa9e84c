// A child's attendance over a period: checked dates, one batched statement per page, the Welsh
// persistent-absence line.
import { message, platformError } from '@wales-lac/errors';
import { PERSISTENT_ABSENCE_SHARE, schoolYearOf } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { dateProblem } from './validation.ts';

export async function attendanceSummary(learnerId: string, args: { from?: string | null; to?: string | null }, ctx: AuthorityContext) {
  const to = args.to ?? ctx.today;
  const from = args.from ?? `${schoolYearOf(to)}-09-01`;
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const problem = dateProblem(field, value);
    if (problem) throw platformError(problem, { field });
  }
  if (from > to) throw platformError(message('BAD_USER_INPUT', 'fromAfterTo'), { field: 'from' });
  const counts = await ctx.loaders.attendance.load(`${learnerId}|${from}|${to}`);
  const rate = counts.possible > 0 ? counts.attended / counts.possible : null;
  return {
    from,
    to,
    possibleSessions: counts.possible,
    attendedSessions: counts.attended,
    authorisedAbsences: counts.authorised,
    unauthorisedAbsences: counts.unauthorised,
    rate,
    persistentlyAbsent: rate !== null && 1 - rate >= PERSISTENT_ABSENCE_SHARE,
  };
}
