// PEP review meetings (issue 15, decision 0030): arrange one with a day, a start time, a place or an online
// link and invitees by role; each invitee answers for themselves; it can be moved or cancelled naming the
// version it was based on; its minutes become sections of the next version of the plan. Every change checks
// its input, then the caller's right (refusals audited), then the record, and applies once per key.
import { WORDS, message, platformError, type Text } from '@wales-lac/errors';
import { classesWritten, mayArrangeMeeting, sectionRefusal, type Access, type PepSectionKind } from '@wales-lac/policy';
import type { AuthorityContext } from './context.ts';
import { badInput, checkDate, checkText, ownRecordId, runChange, type Change, type ChangeStep, type KeyedInput, type Outcome } from './change.ts';
import { knowsRegister } from './existence.ts';
import { targetStandIn } from './nobodys-record.ts';
import {
  answerMeeting,
  changeMeeting,
  createDraftPep,
  insertMeeting,
  lockLearner,
  lockMeeting,
  meetingHeld,
  openPepsOf,
  writeSection,
  bumpPepVersion,
  type MeetingInvitee,
  type MeetingInviteeRole,
  type MeetingResponse,
  type PepMeetingInviteeRow,
  type PepMeetingRow,
  type PepRow,
  type Transaction,
} from './data/index.ts';
import { currentEnrolment, isCurrent, isEditable } from './records.ts';

/** The API's name of an invitee role (MeetingInviteeRole), for messages. */
const roleName = (role: string) => role.toUpperCase().replaceAll('-', '_');

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function yearAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** The day after `date`. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** When and where a meeting is, as given. */
export interface MeetingWhenInput {
  readonly date: string;
  readonly startTime: string;
  readonly place?: string | null;
  readonly onlineLink?: string | null;
}

function checkLink(value: string): string {
  const link = value.trim();
  let url: URL | null = null;
  try {
    url = new URL(link);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== 'https:' || url.hostname === '' || /\s/.test(link) || link.length > 500)
    badInput('onlineLink', 'meetingLinkNotHttps', { value: link.slice(0, 100) });
  return link;
}

/** The day (today or later, within a year), the start time and exactly one of a place or an https link. */
function checkWhen(ctx: AuthorityContext, input: MeetingWhenInput): { meetsOn: string; startsAt: string; place: string | null; onlineLink: string | null } {
  const meetsOn = checkDate(ctx, 'date', input.date, {
    notBefore: { date: ctx.today, what: WORDS.today },
    notAfter: { date: yearAfter(ctx.today), what: WORDS.yearFromToday },
  });
  if (!START_TIME.test(input.startTime)) badInput('startTime', 'meetingTime', { value: input.startTime.slice(0, 20) });
  const hasPlace = input.place != null;
  const hasLink = input.onlineLink != null;
  if (!hasPlace && !hasLink) badInput('place', 'meetingWhereMissing', {});
  if (hasPlace && hasLink) badInput('onlineLink', 'meetingWhereBoth', {});
  return {
    meetsOn,
    startsAt: input.startTime,
    place: input.place != null ? checkText('place', input.place, 300) : null,
    onlineLink: input.onlineLink != null ? checkLink(input.onlineLink) : null,
  };
}

const arrangerRefusal =
  (ctx: AuthorityContext) =>
  (access: Access): Text | null =>
    mayArrangeMeeting(ctx.caller.role, access) ? null : message('FORBIDDEN', 'meetingArrangers');

/**
 * The meeting a change names. A meeting id that is nobody's is NOT_FOUND only to a caller who can list the
 * register; to anyone else a stand-in that `requireWrite` refuses as a stranger's record (nobodys-record.ts).
 */
async function meetingToChange(ctx: AuthorityContext, id: string): Promise<Pick<PepMeetingRow, 'id' | 'learnerId' | 'pepId' | 'meetsOn'>> {
  ownRecordId(ctx, id, 'meeting', WORDS.meeting);
  const meeting = await ctx.loaders.meeting.load(id);
  if (meeting) return meeting;
  if (knowsRegister(ctx.caller, ctx.authorityCode, false))
    throw platformError(message('NOT_FOUND', 'noMeeting', { id, authority: ctx.authorityCode }), { field: 'meeting' });
  const standIn = targetStandIn(ctx, id);
  return { id, learnerId: standIn, pepId: standIn, meetsOn: '' };
}

function checkMeetingVersion(version: number): void {
  if (!Number.isInteger(version) || version < 1) badInput('meetingVersion', 'positiveWhole', {});
}

/** Locks the meeting, still at the version the change was based on and still to be held. */
async function lockScheduled(tx: Transaction, id: string, version: number | null): Promise<PepMeetingRow> {
  const meeting = await lockMeeting(tx, id);
  if (!meeting) throw platformError(message('NOT_FOUND', 'noMeeting', { id, authority: id.split(':')[0] ?? '' }), { field: 'meeting' });
  if (version !== null && meeting.version !== version) {
    throw platformError(message('CONFLICT', 'meetingChangedMeanwhile', { current: meeting.version, given: version }), { currentVersion: meeting.version });
  }
  if (meeting.status !== 'scheduled')
    throw platformError(message('CONFLICT', 'meetingClosed', { status: meeting.status }), { currentVersion: meeting.version, status: meeting.status });
  return meeting;
}

interface MeetingResult {
  readonly meetingId: string;
  readonly pepId?: string;
}

async function payload({ ctx }: ChangeStep<unknown, unknown>, outcome: Outcome<MeetingResult>) {
  // Read afresh: this request's loaders may hold the meeting (or the plan) from before the change.
  ctx.loaders.meeting.clear(outcome.result.meetingId);
  ctx.loaders.invitees.clear(outcome.result.meetingId);
  ctx.loaders.meetings.clearAll();
  if (outcome.result.pepId) {
    ctx.loaders.pep.clear(outcome.result.pepId);
    ctx.loaders.peps.clearAll();
    ctx.loaders.sections.clear(outcome.result.pepId);
    ctx.loaders.targets.clear(outcome.result.pepId);
  }
  return { meeting: await ctx.loaders.meeting.load(outcome.result.meetingId), applied: outcome.applied };
}

type MeetingPayload = Awaited<ReturnType<typeof payload>>;
type MeetingSubject = Pick<PepMeetingRow, 'id' | 'learnerId' | 'pepId' | 'meetsOn'>;

/**
 * A change to a meeting, declared with what every such change shares (runChange keeps the order): it is about
 * one child, a retry gets the first answer once the checks pass (as the plan's changes), a refusal names the
 * argument it is about, and it answers with the meeting read afresh.
 */
function meetingChange<I extends KeyedInput, S extends { readonly learnerId: string }, C = void, K = void>(
  change: Omit<Change<I, S, C, K, MeetingResult, MeetingPayload>, 'learnersOf' | 'retry' | 'payload'>,
) {
  const spec: Change<I, S, C, K, MeetingResult, MeetingPayload> = { ...change, learnersOf: ({ subject }) => [subject.learnerId], retry: 'applying', payload };
  return (input: I, ctx: AuthorityContext) => runChange(spec, input, ctx);
}

/** The plan a meeting is arranged for; a stand-in's child for an id that is nobody's (refused as a stranger's). */
async function pepToArrange(ctx: AuthorityContext, id: string): Promise<{ pep: PepRow | null; learnerId: string }> {
  ownRecordId(ctx, id, 'pep', WORDS.pep);
  const pep = await ctx.loaders.pep.load(id);
  const learnerId = pep?.learnerId ?? (knowsRegister(ctx.caller, ctx.authorityCode, false) ? null : targetStandIn(ctx, id));
  if (!learnerId) throw platformError(message('NOT_FOUND', 'noPep', { id, authority: ctx.authorityCode }), { field: 'pep' });
  return { pep, learnerId };
}

/** Only an arranger (the home lead, the child's designated teacher) arranges, moves, cancels or minutes a meeting. */
const arrangersOnly = (access: Access, { ctx }: { ctx: AuthorityContext }) => arrangerRefusal(ctx)(access);

export interface SchedulePepMeetingInput extends MeetingWhenInput {
  readonly pep: string;
  /** GraphQL has already mapped the MeetingInviteeRole enum to its stored value (resolvers.ts). */
  readonly invitees: readonly MeetingInviteeRole[];
  readonly idempotencyKey: string;
}

/** Whom each invited role reaches today, as a notification recipient; BAD_USER_INPUT naming the invitee when the child has no such person. */
async function reachOf(ctx: AuthorityContext, learnerId: string, roles: readonly MeetingInviteeRole[]): Promise<MeetingInvitee[]> {
  const [enrolments, allocations] = await Promise.all([ctx.loaders.enrolments.load(learnerId), ctx.loaders.allocations.load(learnerId)]);
  return roles.map((role, i) => {
    const field = `invitees[${i}]`;
    switch (role) {
      case 'designated-teacher': {
        const school = currentEnrolment(enrolments, ctx.today)?.schoolId;
        if (!school) return badInput(field, 'inviteeUnreachable', { role: roleName(role), why: WORDS.noSchoolRoll });
        return { role, reach: { kind: 'school', id: school } };
      }
      case 'virtual-school-head':
        return { role, reach: { kind: 'authority', id: ctx.authorityCode } };
      case 'social-worker': {
        const allocated = allocations.some((a) => a.staffRole === 'social-worker' && isCurrent(a, ctx.today));
        if (!allocated) return badInput(field, 'inviteeUnreachable', { role: roleName(role), why: WORDS.noSocialWorker });
        return { role, reach: { kind: 'learner', id: learnerId } };
      }
      case 'learner':
        return { role, reach: { kind: 'child', id: learnerId } };
      case 'carer':
        // No sign-in: invited, without a notification or an answer of their own in the platform.
        return { role, reach: null };
    }
    return badInput(field, 'notAnEnum', { name: String(role) });
  });
}

export const schedulePepMeeting = meetingChange<
  SchedulePepMeetingInput,
  { pep: PepRow | null; learnerId: string },
  ReturnType<typeof checkWhen>,
  { pep: PepRow; invitees: MeetingInvitee[] }
>({
  operation: 'schedulePepMeeting',
  refusalField: 'pep',
  subject: (input, ctx) => pepToArrange(ctx, input.pep),
  fields: ['PersonalEducationPlan.meetings'],
  checkInput: ({ ctx, input }) => {
    const when = checkWhen(ctx, input);
    if (input.invitees.length === 0) badInput('invitees', 'empty', {});
    input.invitees.forEach((role, i) => {
      if (input.invitees.indexOf(role) !== i) badInput(`invitees[${i}]`, 'inviteeTwice', { role: roleName(role) });
    });
    return when;
  },
  extraRefusal: arrangersOnly,
  checkRecord: async ({ ctx, input, subject: { pep } }) => {
    if (!pep) throw platformError(message('NOT_FOUND', 'noPep', { id: input.pep, authority: ctx.authorityCode }), { field: 'pep' });
    return { pep, invitees: await reachOf(ctx, pep.learnerId, input.invitees) };
  },
  apply: async (tx, { ctx, checked: when, record: { pep, invitees } }) => {
    const [open] = (await openPepsOf(tx, pep.learnerId)).filter((p) => p.id === pep.id);
    if (!open) throw platformError(message('CONFLICT', 'meetingPepSuperseded', { id: pep.id }), { field: 'pep' });
    const meetingId = await insertMeeting(tx, ctx.authorityCode, {
      pepId: pep.id,
      learnerId: pep.learnerId,
      ...when,
      scheduledBySubject: ctx.caller.subject,
      scheduledByRole: ctx.caller.role,
      invitees,
    });
    return { meetingId };
  },
});

export interface ReschedulePepMeetingInput extends MeetingWhenInput {
  readonly meeting: string;
  readonly meetingVersion: number;
  readonly idempotencyKey: string;
}

export const reschedulePepMeeting = meetingChange<ReschedulePepMeetingInput, MeetingSubject, ReturnType<typeof checkWhen>>({
  operation: 'reschedulePepMeeting',
  refusalField: 'meeting',
  subject: (input, ctx) => meetingToChange(ctx, input.meeting),
  fields: ['PepMeeting.date', 'PepMeeting.startTime', 'PepMeeting.place', 'PepMeeting.onlineLink'],
  checkInput: ({ ctx, input }) => {
    checkMeetingVersion(input.meetingVersion);
    return checkWhen(ctx, input);
  },
  extraRefusal: arrangersOnly,
  apply: async (tx, { input, subject: meeting, checked: when }) => {
    const locked = await lockScheduled(tx, meeting.id, input.meetingVersion);
    const newTime = locked.meetsOn !== when.meetsOn || locked.startsAt !== when.startsAt;
    await changeMeeting(tx, meeting.id, when, newTime);
    return { meetingId: meeting.id };
  },
});

export const cancelPepMeeting = meetingChange<{ meeting: string; meetingVersion: number; idempotencyKey: string }, MeetingSubject>({
  operation: 'cancelPepMeeting',
  refusalField: 'meeting',
  subject: (input, ctx) => meetingToChange(ctx, input.meeting),
  fields: ['PepMeeting.status'],
  checkInput: ({ input }) => checkMeetingVersion(input.meetingVersion),
  extraRefusal: arrangersOnly,
  apply: async (tx, { input, subject: meeting }) => {
    await lockScheduled(tx, meeting.id, input.meetingVersion);
    await changeMeeting(tx, meeting.id, { status: 'cancelled' }, false);
    return { meetingId: meeting.id };
  },
});

/** The invitee roles the caller answers as: each invitee only for themselves. */
export function rolesAnsweredBy(ctx: AuthorityContext, access: Access, invitees: readonly PepMeetingInviteeRow[], learnerId: string): MeetingInviteeRole[] {
  const { caller } = ctx;
  return invitees
    .filter((i) => {
      if (i.role === 'designated-teacher') return caller.role === 'designated-teacher' && i.recipientKind === 'school' && i.recipient === caller.schoolId;
      if (i.role === 'virtual-school-head')
        return caller.role === 'virtual-school-head' && i.recipient === caller.authorityCode && access.relationships.includes('home');
      if (i.role === 'social-worker') return caller.role === 'social-worker' && access.relationships.includes('caseload');
      if (i.role === 'learner') return caller.role === 'learner' && caller.learnerId === learnerId && access.relationships.includes('self');
      return false;
    })
    .map((i) => i.role as MeetingInviteeRole);
}

export const respondToPepMeeting = meetingChange<
  { meeting: string; response: MeetingResponse; idempotencyKey: string },
  MeetingSubject & { invitees: readonly PepMeetingInviteeRow[] }
>({
  operation: 'respondToPepMeeting',
  refusalField: 'meeting',
  subject: async (input, ctx) => {
    const meeting = await meetingToChange(ctx, input.meeting);
    return { ...meeting, invitees: await ctx.loaders.invitees.load(meeting.id) };
  },
  // The child's own answer is their voice; a professional's is part of the plan.
  classes: (_, ctx) => classesWritten('respondToPepMeeting', ctx.caller.role === 'learner' ? 'voice' : 'pep'),
  fields: ['PepMeeting.invitees'],
  extraRefusal: (access, { ctx, subject: meeting }) =>
    rolesAnsweredBy(ctx, access, meeting.invitees, meeting.learnerId).length > 0
      ? null
      : message('FORBIDDEN', 'notInvited', { roles: meeting.invitees.map((i) => roleName(i.role)).join(', ') }),
  apply: async (tx, { ctx, input, subject: meeting, access }) => {
    await lockScheduled(tx, meeting.id, null);
    await answerMeeting(tx, meeting.id, rolesAnsweredBy(ctx, access, meeting.invitees, meeting.learnerId), input.response, ctx.caller.subject);
    return { meetingId: meeting.id };
  },
});

export interface MinutesSection {
  readonly section: PepSectionKind;
  readonly body: string;
  readonly language: string;
}

export interface RecordPepMeetingMinutesInput {
  readonly meeting: string;
  readonly meetingVersion: number;
  readonly minutes: readonly MinutesSection[];
  readonly idempotencyKey: string;
}

export const recordPepMeetingMinutes = meetingChange<RecordPepMeetingMinutesInput, MeetingSubject, MinutesSection[]>({
  operation: 'recordPepMeetingMinutes',
  refusalField: 'meeting',
  subject: (input, ctx) => meetingToChange(ctx, input.meeting),
  fields: (input) => ['PepMeeting.minutesRecordedIn', ...input.minutes.map((m) => `PersonalEducationPlan.${m.section}`)],
  checkInput: ({ input }) => {
    checkMeetingVersion(input.meetingVersion);
    if (input.minutes.length === 0) badInput('minutes', 'empty', {});
    return input.minutes.map((m, i) => {
      if (m.section === 'all-about-me') badInput(`minutes[${i}].section`, 'minutesNotChildsWords', {});
      if (input.minutes.findIndex((o) => o.section === m.section) !== i)
        badInput(`minutes[${i}].section`, 'minutesSectionTwice', { section: roleName(m.section) });
      const body = checkText(`minutes[${i}].body`, m.body, 10_000);
      if (m.language !== 'cy' && m.language !== 'en') badInput(`minutes[${i}].language`, 'sectionLanguage', {});
      return { ...m, body };
    });
  },
  // The minutes are sections of the plan: each is written only by a role that writes that section.
  extraRefusal: (access, { ctx, checked: minutes }) =>
    arrangerRefusal(ctx)(access) ?? minutes.map((m) => sectionRefusal(m.section, ctx.caller.role, access)).find((r) => r !== null) ?? null,
  checkRecord: ({ ctx, subject: meeting }) => {
    if (meeting.meetsOn > ctx.today) badInput('meeting', 'meetingNotYetHeld', { date: meeting.meetsOn });
  },
  apply: async (tx, { ctx, input, subject: meeting, checked: minutes }) => {
    await lockScheduled(tx, meeting.id, input.meetingVersion);
    // Two changes that start the next version queue on the child (as startPep does).
    await lockLearner(tx, meeting.learnerId);
    const open = await openPepsOf(tx, meeting.learnerId);
    const writing = open.find(isEditable);
    // The review's outcome is the next version of the plan: the draft being written, or a new one carrying the agreed plan.
    const pepId = writing?.id ?? (await createDraftPep(tx, ctx.authorityCode, meeting.learnerId, ctx.today, open.find((p) => p.status === 'agreed') ?? null));
    for (const m of minutes) {
      await writeSection(tx, {
        pepId,
        section: m.section,
        body: m.body,
        language: m.language,
        writtenBySubject: ctx.caller.subject,
        writtenByRole: ctx.caller.role,
        onBehalf: false,
      });
    }
    if (writing) await bumpPepVersion(tx, pepId);
    await meetingHeld(tx, meeting.id, pepId);
    return { meetingId: meeting.id, pepId };
  },
});
