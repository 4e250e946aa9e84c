// "Who has looked at this child's record": the home authority's education lead reads the audit log.
import { knowsRegister } from './existence.ts';
import { WORDS, message, platformError } from '@wales-lac/errors';
import { decodeCursor, encodeCursor, pageSizeProblem } from '@wales-lac/paging';
import { owningAuthority } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { accessHistory } from './data/index.ts';
import { dateProblem } from './validation.ts';

export interface AccessHistoryArgs {
  learner: string;
  from?: string | null;
  to?: string | null;
  first: number;
  after?: string | null;
}

function checkArgs(args: AccessHistoryArgs): number | null {
  for (const field of ['from', 'to'] as const) {
    const value = args[field];
    const problem = value ? dateProblem(field, value) : null;
    if (problem) throw platformError(problem, { field });
  }
  if (args.from && args.to && args.from > args.to) throw platformError(message('BAD_USER_INPUT', 'fromAfterTo'), { field: 'from' });
  const sizeProblem = pageSizeProblem(args.first);
  if (sizeProblem) throw platformError(sizeProblem, { field: 'first' });
  if (!args.after) return null;
  const position = Number(decodeCursor(args.after));
  if (!Number.isSafeInteger(position) || position < 1) throw platformError(message('BAD_USER_INPUT', 'notACursorOfList'), { field: 'after' });
  return position;
}

export async function accessHistoryPage(args: AccessHistoryArgs, ctx: AuthorityContext) {
  const owner = owningAuthority(args.learner);
  if (owner === null) throw platformError(message('BAD_USER_INPUT', 'notALearnerId', { id: args.learner }), { field: 'learner' });
  if (owner !== ctx.authorityCode)
    throw platformError(message('NOT_FOUND', 'notHeld', { what: WORDS.learner, id: args.learner, authority: ctx.authorityCode }));
  const beforeId = checkArgs(args);
  const refusal = () => platformError(message('FORBIDDEN', 'accessHistoryLead'));
  // Refused before the id is looked up: the refusal must not say whether the child exists (existence.ts).
  if (ctx.caller.role !== 'virtual-school-head' || !knowsRegister(ctx.caller, ctx.authorityCode, false)) throw refusal();
  if (!(await ctx.loaders.learner.load(args.learner)))
    throw platformError(message('NOT_FOUND', 'noLearner', { id: args.learner, authority: ctx.authorityCode }));
  const access = await ctx.access.load(args.learner);
  if (!access.relationships.includes('home')) throw refusal();
  const page = await accessHistory(ctx.db, { learnerId: args.learner, from: args.from ?? null, to: args.to ?? null, first: args.first, beforeId });
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(String(row.id)), node: row }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
