// Thin resolvers: check input, call the data layer, map rows to the schema.
import type { GraphQLResolverMap } from '@wales-lac/subgraph-edge';
import {
  AUDIT_ACTIONS,
  AUDIT_DECISIONS,
  CARE_STATUSES,
  GENDERS,
  LANGUAGES,
  MEETING_INVITEE_ROLES,
  MEETING_RESPONSES,
  MEETING_STATUSES,
  PEP_STATUSES,
  PLACEMENT_TYPES,
  STAFF_ROLES,
  TARGET_OWNER_ROLES,
  TARGET_PROGRESS,
} from '@wales-lac/db';
import type { GraphQLResolveInfo } from 'graphql';
import {
  ACCESS_PURPOSES,
  LEARNER_FILTER_CLASSES,
  LISTED_RELATIONSHIPS,
  inOrder,
  learnersArgumentsProblem,
  opensWithReason,
  reasonOnPath,
  reasonProblem,
  type Access,
  type AccessReason,
  type ListedRelationship,
} from '@wales-lac/policy';
import { WORDS, message, platformError } from '@wales-lac/errors';
import { decodeCursor, encodeCursor } from '@wales-lac/paging';
import { owningAuthority, schoolYearOf, termStartOf } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import {
  pageOfLearners,
  type PepMeetingInviteeRow,
  type PepMeetingRow,
  type NotificationRow,
  type AuditRow,
  type EnrolmentRow,
  type LearnerRow,
  type PepRow,
  type PlacementRow,
  type StaffAllocationRow,
} from './data/index.ts';
import { knowsRegister, noRelationship, reasonRequired } from './existence.ts';
import { outsideCaseload } from './audit-middleware.ts';
import { accessHistoryPage, type AccessHistoryArgs } from './access-history.ts';
import { attendanceSummary } from './attendance.ts';
import { recordTargetProgressChange, type RecordTargetProgressInput } from './target-progress.ts';
import { recordRefusedAccess } from './refused-access.ts';
import { recordResolvers } from './record-resolvers.ts';
import { addPepTarget, ratePepQuality, signOffPep, startPep, writePepSection } from './pep-changes.ts';
import {
  recordEducationOtherThanAtSchool,
  recordExclusion,
  recordIntervention,
  recordLanguagePreference,
  recordPlacementMove,
  recordReducedTimetable,
  recordSchoolMove,
  recordSdq,
} from './record-changes.ts';
import { recordAttendance } from './attendance-register.ts';
import { notificationPreferencesOf, setNotificationPreferences, type SetNotificationPreferencesInput } from './notification-preferences.ts';
import {
  NOTIFICATION_MEETING,
  NOTIFICATION_PLACES,
  markNotificationRead,
  type MarkNotificationReadInput,
  notificationsFor,
  recipientEntity,
} from './notifications.ts';
import { cancelPepMeeting, recordPepMeetingMinutes, reschedulePepMeeting, respondToPepMeeting, schedulePepMeeting } from './meetings.ts';
import { enumValuesOf } from '@wales-lac/subgraph-edge';
import { documentResolvers } from './document-resolvers.ts';
import { currentEnrolment, currentPep, currentPlacement, isCurrent, pepCompletionDue, pepCompletionState, pepReviewState } from './records.ts';

interface LearnersArgs {
  first: number;
  after?: string | null;
  homeAuthority?: string | null;
  placedOutOfCounty?: boolean | null;
  overduePep?: boolean | null;
  attendanceBelow?: number | null;
  excludedThisTerm?: boolean | null;
  upn?: string | null;
  relationship?: ListedRelationship | null;
  reason?: unknown;
}

/** A reason argument that is not well-formed: BAD_USER_INPUT naming its part, before anything is read. */
function checkReason(reason: unknown): void {
  const problem = reasonProblem(reason);
  if (problem) throw platformError(problem.text, { field: problem.field });
}

/**
 * A learner of this authority, visible to the caller; otherwise an error that says why. `reason` is the one
 * given to the root field the learner is reached through (none through an entity reference).
 */
async function visibleLearner(id: string, ctx: AuthorityContext, reason: AccessReason | null): Promise<LearnerRow> {
  const owner = owningAuthority(id);
  if (owner === null) throw platformError(message('BAD_USER_INPUT', 'notALearnerId', { id }), { field: 'id' });
  if (owner !== ctx.authorityCode) throw platformError(message('NOT_FOUND', 'notHeld', { what: WORDS.learner, id, authority: ctx.authorityCode }));
  const [found, access] = await Promise.all([ctx.loaders.learner.load(id), ctx.access.load(id)]);
  // Asked before whether the id is anyone's: without a reason, an id that is nobody's answers as a child of the
  // authority not on the caller's caseload (its access is the same: home, and nothing read without a reason).
  if (!reason && opensWithReason(access, 'record')) {
    ctx.audit.note(
      id,
      'read',
      'denied',
      'record',
      'Query.learner',
      outsideCaseload(ctx, id, () => reason),
    );
    throw reasonRequired(id);
  }
  // Only a caller who can list the whole register learns that an id is nobody's (existence.ts).
  if (!found && knowsRegister(ctx.caller, ctx.authorityCode, reason !== null))
    throw platformError(message('NOT_FOUND', 'noLearner', { id, authority: ctx.authorityCode }));
  if (!found?.visible) {
    ctx.audit.note(
      id,
      'read',
      'denied',
      'record',
      'Query.learner',
      outsideCaseload(ctx, id, () => reason),
    );
    throw noRelationship(id);
  }
  return found.row;
}

/** Field classes as ../shared/design/ENTITLEMENTS.md names them. */
function accessJson(access: Access) {
  return { relationships: access.relationships, read: inOrder(access.read), write: inOrder(access.write), readWithReason: inOrder(access.readWithReason) };
}

const learnerAccess = async (learnerId: string, ctx: AuthorityContext) => accessJson(await ctx.access.load(learnerId));

/** The filters given, each with the field class it reads. */
function filtersUsed(args: LearnersArgs): [string, string][] {
  return Object.entries(LEARNER_FILTER_CLASSES).filter(([name]) => args[name as keyof LearnersArgs] != null);
}

/** The cursor to start after, once the arguments pass the checks the gateway ran first (learnersArgumentsProblem). */
function checkLearnersArgs(args: LearnersArgs, ctx: AuthorityContext): string | null {
  const problem = learnersArgumentsProblem(ctx.caller.role, { ...args });
  if (problem) throw platformError(problem.text, { field: problem.field });
  return args.after ? decodeCursor(args.after) : null;
}

const LEARNER_RESOLVERS = {
  // An entity reference comes with no root field's reason.
  __resolveReference: (ref: { id: string }, ctx: AuthorityContext) => visibleLearner(ref.id, ctx, null),
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
  contacts: async (learner: LearnerRow, _: unknown, ctx: AuthorityContext) =>
    (await ctx.loaders.allocations.load(learner.id)).filter((a) => isCurrent(a, ctx.today)),
  viewerAccess: (learner: LearnerRow, _: unknown, ctx: AuthorityContext) => learnerAccess(learner.id, ctx),
  attendance: (learner: LearnerRow, args: { from?: string | null; to?: string | null }, ctx: AuthorityContext) => attendanceSummary(learner.id, args, ctx),
};

const PEP_RESOLVERS = {
  __resolveReference: async (ref: { id: string }, ctx: AuthorityContext) => {
    const pep = await ctx.loaders.pep.load(ref.id);
    if (!pep) throw platformError(message('NOT_FOUND', 'noPep', { id: ref.id, authority: ctx.authorityCode }));
    await visibleLearner(pep.learnerId, ctx, null);
    return pep;
  },
  learner: (pep: PepRow, _: unknown, ctx: AuthorityContext, info: GraphQLResolveInfo) => visibleLearner(pep.learnerId, ctx, reasonOnPath(info)),
  // A superseded plan has no review of its own: the plan that replaced it has.
  reviewState: (pep: PepRow, _: unknown, ctx: AuthorityContext) => (pep.status === 'superseded' ? null : pepReviewState(pep, ctx.today)),
  completionDue: (pep: PepRow) => pepCompletionDue(pep),
  completionState: (pep: PepRow, _: unknown, ctx: AuthorityContext) => pepCompletionState(pep, ctx.today),
  targets: (pep: PepRow, _: unknown, ctx: AuthorityContext) => ctx.loaders.targets.load(pep.id),
  viewerAccess: (pep: PepRow, _: unknown, ctx: AuthorityContext) => learnerAccess(pep.learnerId, ctx),
  meetings: (pep: PepRow, _: unknown, ctx: AuthorityContext) => ctx.loaders.meetings.load(pep.id),
};

const MEETING_RESOLVERS = {
  pep: (m: PepMeetingRow, _: unknown, ctx: AuthorityContext) => ctx.loaders.pep.load(m.pepId),
  date: (m: PepMeetingRow) => m.meetsOn,
  startTime: (m: PepMeetingRow) => m.startsAt,
  invitees: (m: PepMeetingRow, _: unknown, ctx: AuthorityContext) => ctx.loaders.invitees.load(m.id),
  minutesRecordedIn: (m: PepMeetingRow, _: unknown, ctx: AuthorityContext) => (m.minutesPepId ? ctx.loaders.pep.load(m.minutesPepId) : null),
  viewerAccess: (m: PepMeetingRow, _: unknown, ctx: AuthorityContext) => learnerAccess(m.learnerId, ctx),
};

/** Changes that take one `input`: each checks its own input, grants and PEP work rules. */
const CHANGES = {
  schedulePepMeeting,
  reschedulePepMeeting,
  cancelPepMeeting,
  respondToPepMeeting,
  recordPepMeetingMinutes,
  startPep,
  writePepSection,
  addPepTarget,
  signOffPep,
  ratePepQuality,
  recordExclusion,
  recordReducedTimetable,
  recordEducationOtherThanAtSchool,
  recordSdq,
  recordIntervention,
  recordPlacementMove,
  recordSchoolMove,
  recordAttendance,
  recordLanguagePreference,
};
// Each change's input type is checked by GraphQL against the schema before it arrives here.
type ChangeFunction = (input: never, ctx: AuthorityContext) => Promise<unknown>;
const changes = Object.fromEntries(
  Object.entries(CHANGES as Record<string, ChangeFunction>).map(([name, change]) => [
    name,
    (_: unknown, args: { input: never }, ctx: AuthorityContext) => change(args.input, ctx),
  ]),
);

/** Every mutation of the authority subgraph. */
export const MUTATIONS = [
  'recordTargetProgress',
  'recordRefusedAccess',
  'markNotificationRead',
  'setNotificationPreferences',
  ...Object.keys(documentResolvers.Mutation),
  ...Object.keys(CHANGES),
];

export const resolvers: GraphQLResolverMap<AuthorityContext> = {
  Query: {
    learner: (_: unknown, args: { id: string; reason?: unknown }, ctx: AuthorityContext, info: GraphQLResolveInfo) => {
      checkReason(args.reason);
      return visibleLearner(args.id, ctx, reasonOnPath(info));
    },
    learners: async (_: unknown, args: LearnersArgs, ctx: AuthorityContext, info: GraphQLResolveInfo) => {
      const afterId = checkLearnersArgs(args, ctx);
      if (args.homeAuthority && args.homeAuthority !== ctx.authorityCode) {
        return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
      }
      const page = await pageOfLearners(ctx.db, ctx.caller, ctx.authorityCode, ctx.today, {
        first: args.first,
        afterId,
        placedOutOfCounty: args.placedOutOfCounty ?? null,
        overduePep: args.overduePep ?? null,
        attendanceBelow: args.attendanceBelow == null ? null : { share: args.attendanceBelow, since: `${schoolYearOf(ctx.today)}-09-01` },
        upn: args.upn ?? null,
        relationship: args.relationship ?? null,
        excludedSince: args.excludedThisTerm == null ? null : { wanted: args.excludedThisTerm, since: termStartOf(ctx.today) },
        reasoned: args.reason != null,
      });
      // A filter read a field class of each child it returned: audited like reading the field (outside the caseload with the reason).
      const filters = filtersUsed(args);
      if (filters.length > 0 && args.reason != null) await Promise.all(page.rows.map((row) => ctx.access.load(row.id)));
      for (const [name, fieldClass] of filters)
        for (const row of page.rows)
          ctx.audit.note(
            row.id,
            'read',
            'allowed',
            fieldClass,
            `Query.learners(${name})`,
            outsideCaseload(ctx, row.id, () => reasonOnPath(info)),
          );
      const edges = page.rows.map((row) => ({ cursor: encodeCursor(row.id), node: row }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
    },
    accessHistory: (_: unknown, args: AccessHistoryArgs, ctx: AuthorityContext) => accessHistoryPage(args, ctx),
    notifications: (_: unknown, args: { unreadOnly?: boolean | null; first: number; after?: string | null }, ctx: AuthorityContext) =>
      notificationsFor(args, ctx),
    notificationPreferences: (_: unknown, __: unknown, ctx: AuthorityContext) => notificationPreferencesOf(ctx),
    ...documentResolvers.Query,
  },
  Mutation: {
    recordTargetProgress: (_: unknown, args: { input: RecordTargetProgressInput }, ctx: AuthorityContext) => recordTargetProgressChange(args.input, ctx),
    recordRefusedAccess: (_: unknown, args: { record: string; field: string; action: 'read' | 'write' }, ctx: AuthorityContext) =>
      recordRefusedAccess(args, ctx),
    ...changes,
    markNotificationRead: (_: unknown, args: { input: MarkNotificationReadInput }, ctx: AuthorityContext) => markNotificationRead(args.input, ctx),
    setNotificationPreferences: (_: unknown, args: { input: SetNotificationPreferencesInput }, ctx: AuthorityContext) =>
      setNotificationPreferences(args.input, ctx),
    ...documentResolvers.Mutation,
  },
  Me: {
    __resolveReference: (ref: { subject: string }) => ({ subject: ref.subject }),
    // Answered only by the child's owning authority; the others return null and the gateway keeps the owner's answer.
    access: async (_: unknown, args: { learner: string }, ctx: AuthorityContext) => {
      const owner = owningAuthority(args.learner);
      if (owner === null) throw platformError(message('BAD_USER_INPUT', 'notALearnerId', { id: args.learner }), { field: 'learner' });
      if (owner !== ctx.authorityCode) return null;
      // To a caller who cannot list the register, an id that is nobody's has the access of a stranger's child: none.
      if (!(await ctx.loaders.learner.load(args.learner)) && knowsRegister(ctx.caller, ctx.authorityCode, false))
        throw platformError(message('NOT_FOUND', 'noLearner', { id: args.learner, authority: ctx.authorityCode }));
      return learnerAccess(args.learner, ctx);
    },
  },
  AccessEntry: {
    at: (row: AuditRow) => row.at.toISOString(),
    actorAuthority: (row: AuditRow) => (row.actorAuthority ? { code: row.actorAuthority } : null),
    reason: (row: AuditRow) => (row.reasonPurpose ? { purpose: row.reasonPurpose, note: row.reasonNote } : null),
  },
  Contact: {
    role: (a: StaffAllocationRow) => a.staffRole,
    subject: (a: StaffAllocationRow) => a.staffSubject,
    name: (a: StaffAllocationRow) => a.staffName,
    since: (a: StaffAllocationRow) => a.startedOn,
  },
  Placement: {
    type: (p: PlacementRow) => p.placementType,
    authority: (p: PlacementRow) => ({ code: p.authorityCode }),
    placedOutOfCounty: (p: PlacementRow) => p.authorityCode !== owningAuthority(p.learnerId),
  },
  Enrolment: {
    school: (e: EnrolmentRow) => ({ id: e.schoolId }),
  },
  ...recordResolvers,
  Notification: {
    ...recordResolvers.Notification,
    ...NOTIFICATION_PLACES,
    ...NOTIFICATION_MEETING,
    learner: (n: NotificationRow, _: unknown, ctx: AuthorityContext, info: GraphQLResolveInfo) => visibleLearner(n.learnerId, ctx, reasonOnPath(info)),
    addressedTo: async (n: NotificationRow, _: unknown, ctx: AuthorityContext, info: GraphQLResolveInfo) =>
      recipientEntity(n) ?? { __typename: 'Learner', ...(await visibleLearner(n.recipient, ctx, reasonOnPath(info))) },
  },
  NotificationRecipient: { __resolveType: (r: { __typename: string }) => r.__typename },
  Learner: { ...LEARNER_RESOLVERS, ...recordResolvers.Learner, ...documentResolvers.Learner },
  PersonalEducationPlan: { ...PEP_RESOLVERS, ...recordResolvers.PersonalEducationPlan, ...documentResolvers.PersonalEducationPlan },
  Document: documentResolvers.Document,
  DocumentSection: documentResolvers.DocumentSection,
  DocumentKind: documentResolvers.DocumentKind,
  PepMeeting: MEETING_RESOLVERS,
  PepMeetingInvitee: { respondedAt: (i: PepMeetingInviteeRow) => i.respondedAt?.toISOString() ?? null },
  MeetingInviteeRole: enumValuesOf(MEETING_INVITEE_ROLES),
  MeetingResponse: enumValuesOf(MEETING_RESPONSES),
  PepMeetingStatus: enumValuesOf(MEETING_STATUSES),
  LearnerRelationship: enumValuesOf(LISTED_RELATIONSHIPS),
  Gender: enumValuesOf(GENDERS),
  Language: enumValuesOf(LANGUAGES),
  CareStatus: enumValuesOf(CARE_STATUSES),
  PlacementType: enumValuesOf(PLACEMENT_TYPES),
  PepStatus: enumValuesOf(PEP_STATUSES),
  PepReviewState: enumValuesOf(['on-track', 'due-soon', 'overdue', 'not-scheduled']),
  PepCompletionState: enumValuesOf(['completed-on-time', 'completed-late', 'due', 'overdue']),
  TargetProgress: enumValuesOf(TARGET_PROGRESS),
  TargetOwnerRole: enumValuesOf(TARGET_OWNER_ROLES),
  StaffRole: enumValuesOf(STAFF_ROLES),
  AccessAction: enumValuesOf(AUDIT_ACTIONS),
  AccessDecision: enumValuesOf(AUDIT_DECISIONS),
  AccessPurpose: enumValuesOf(ACCESS_PURPOSES),
};
