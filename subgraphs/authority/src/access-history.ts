// "Who has looked at this child's record": the home authority's education lead reads the audit log.
import { knowsRegister } from './existence.ts';
import { platformError } from '@wales-lac/errors';
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
    const problem = value ? dateProblem(value) : null;
    if (problem) throw platformError('BAD_USER_INPUT', `${field}: ${problem}`, { field });
  }
  if (args.from && args.to && args.from > args.to) throw platformError('BAD_USER_INPUT', 'from must not be after to', { field: 'from' });
  const sizeProblem = pageSizeProblem(args.first);
  if (sizeProblem) throw platformError('BAD_USER_INPUT', sizeProblem, { field: 'first' });
  if (!args.after) return null;
  const position = Number(decodeCursor(args.after));
  if (!Number.isSafeInteger(position) || position < 1) throw platformError('BAD_USER_INPUT', 'after is not a cursor from this list', { field: 'after' });
  return position;
}

export async function accessHistoryPage(args: AccessHistoryArgs, ctx: AuthorityContext) {
  const owner = owningAuthority(args.learner);
  if (owner === null) throw platformError('BAD_USER_INPUT', `'${args.learner}' is not a learner id`, { field: 'learner' });
  if (owner !== ctx.authorityCode) throw platformError('NOT_FOUND', `learner ${args.learner} is not held by ${ctx.authorityCode}`);
  const beforeId = checkArgs(args);
  const refusal = () => platformError('FORBIDDEN', "only the home authority's education lead may read a child's access history");
  // Refused before the id is looked up: the refusal must not say whether the child exists (existence.ts).
  if (ctx.caller.role !== 'virtual-school-head' || !knowsRegister(ctx.caller, ctx.authorityCode)) throw refusal();
  if (!(await ctx.loaders.learner.load(args.learner))) throw platformError('NOT_FOUND', `no learner ${args.learner} in ${ctx.authorityCode}`);
  const access = await ctx.access.load(args.learner);
  if (!access.relationships.includes('home')) throw refusal();
  const page = await accessHistory(ctx.db, { learnerId: args.learner, from: args.from ?? null, to: args.to ?? null, first: args.first, beforeId });
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(String(row.id)), node: row }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
