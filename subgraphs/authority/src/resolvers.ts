// Thin resolvers: check input, call the data layer, map rows to the schema.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { CARE_STATUSES, GENDERS, LANGUAGES, PEP_STATUSES, PLACEMENT_TYPES, TARGET_PROGRESS } from '@wales-lac/db';
import { platformError } from '@wales-lac/errors';
import { decodeCursor, encodeCursor, pageSizeProblem } from '@wales-lac/paging';
import { isAuthorityCode, owningAuthority } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { pageOfLearners, type EnrolmentRow, type LearnerRow, type PepRow, type PlacementRow } from './data/index.ts';
import { enumValuesOf } from '@wales-lac/subgraph-edge';
import { currentEnrolment, currentPep, currentPlacement, pepReviewState } from './records.ts';

interface LearnersArgs {
  first: number;
  after?: string | null;
  homeAuthority?: string | null;
  placedOutOfCounty?: boolean | null;
}

/** A learner of this authority, visible to the caller; otherwise an error that says why. */
async function visibleLearner(id: string, ctx: AuthorityContext): Promise<LearnerRow> {
  const owner = owningAuthority(id);
  if (owner === null) throw platformError('BAD_USER_INPUT', `'${id}' is not a learner id`, { field: 'id' });
  if (owner !== ctx.authorityCode) throw platformError('NOT_FOUND', `learner ${id} is not held by ${ctx.authorityCode}`);
  const found = await ctx.loaders.learner.load(id);
  if (!found) throw platformError('NOT_FOUND', `no learner ${id} in ${ctx.authorityCode}`);
  if (!found.visible) throw platformError('FORBIDDEN', `you have no relationship with learner ${id} that lets you see their record`);
  return found.row;
}

function checkLearnersArgs(args: LearnersArgs): string | null {
  const sizeProblem = pageSizeProblem(args.first);
  if (sizeProblem) throw platformError('BAD_USER_INPUT', sizeProblem, { field: 'first' });
  if (args.homeAuthority && !isAuthorityCode(args.homeAuthority)) {
    throw platformError('BAD_USER_INPUT', `'${args.homeAuthority}' is not a Welsh authority GSS code`, { field: 'homeAuthority' });
  }
  if (!args.after) return null;
  const afterId = decodeCursor(args.after);
  if (afterId === null) throw platformError('BAD_USER_INPUT', 'after is not a cursor from this API', { field: 'after' });
  return afterId;
}

export const resolvers: GraphQLResolverMap<AuthorityContext> = {
  Query: {
    learner: (_: unknown, args: { id: string }, ctx: AuthorityContext) => visibleLearner(args.id, ctx),
    learners: async (_: unknown, args: LearnersArgs, ctx: AuthorityContext) => {
      const afterId = checkLearnersArgs(args);
      if (args.homeAuthority && args.homeAuthority !== ctx.authorityCode) {
        return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
      }
      const page = await pageOfLearners(ctx.db, ctx.caller, ctx.authorityCode, {
        first: args.first,
        afterId,
        placedOutOfCounty: args.placedOutOfCounty ?? null,
      });
      const edges = page.rows.map((row) => ({ cursor: encodeCursor(row.id), node: row }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
    },
  },
  Learner: {
    __resolveReference: (ref: { id: string }, ctx: AuthorityContext) => visibleLearner(ref.id, ctx),
    homeAuthority: (learner: LearnerRow) => ({ code: owningAuthority(learner.id) }),
    currentPlacement: async (learner: LearnerRow, _: unknown, ctx: AuthorityContext) =>
      currentPlacement(await ctx.loaders.placements.load(learner.id), ctx.today),
    placements: (learner: LearnerRow, _: unknown, ctx: AuthorityContext) => ctx.loaders.placements.load(learner.id),
    currentSchool: async (learner: LearnerRow, _: unknown, ctx: AuthorityContext) => {
      const enrolment = currentEnrolment(await ctx.loaders.enrolments.load(learner.id), ctx.today);
      return enrolment ? { id: enrolment.schoolId } : null;
    },
    enrolments: (learner: LearnerRow, _: unknown, ctx: AuthorityContext) => ctx.loaders.enrolments.load(learner.id),
    currentPep: async (learner: LearnerRow, _: unknown, ctx: AuthorityContext) => currentPep(await ctx.loaders.peps.load(learner.id)),
    peps: (learner: LearnerRow, _: unknown, ctx: AuthorityContext) => ctx.loaders.peps.load(learner.id),
  },
  Placement: {
    type: (p: PlacementRow) => p.placementType,
    authority: (p: PlacementRow) => ({ code: p.authorityCode }),
    placedOutOfCounty: (p: PlacementRow) => p.authorityCode !== owningAuthority(p.learnerId),
  },
  Enrolment: {
    school: (e: EnrolmentRow) => ({ id: e.schoolId }),
  },
  PersonalEducationPlan: {
    __resolveReference: async (ref: { id: string }, ctx: AuthorityContext) => {
      const pep = await ctx.loaders.pep.load(ref.id);
      if (!pep) throw platformError('NOT_FOUND', `no PEP ${ref.id} in ${ctx.authorityCode}`);
      await visibleLearner(pep.learnerId, ctx);
      return pep;
    },
    learner: (pep: PepRow, _: unknown, ctx: AuthorityContext) => visibleLearner(pep.learnerId, ctx),
    reviewState: (pep: PepRow, _: unknown, ctx: AuthorityContext) => pepReviewState(pep, ctx.today),
    targets: (pep: PepRow, _: unknown, ctx: AuthorityContext) => ctx.loaders.targets.load(pep.id),
  },
  Gender: enumValuesOf(GENDERS),
  Language: enumValuesOf(LANGUAGES),
  CareStatus: enumValuesOf(CARE_STATUSES),
  PlacementType: enumValuesOf(PLACEMENT_TYPES),
  PepStatus: enumValuesOf(PEP_STATUSES),
  PepReviewState: enumValuesOf(['on-track', 'due-soon', 'overdue', 'not-scheduled']),
  TargetProgress: enumValuesOf(TARGET_PROGRESS),
};
