// PEP review meetings: when and where, whom they invite (by role) and their answers, for many plans or
// meetings at once; and the changes to them inside an open transaction (decision 0030).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase, type MEETING_INVITEE_ROLES, type MEETING_RESPONSES } from '@wales-lac/db';
import { groupBy } from './grouping.ts';
import { anyId, byIds } from './id-list.ts';
import { nextRecordId, type Transaction } from './writes.ts';

const { pepMeetings, pepMeetingInvitees, notifications } = authoritySchema;
export type PepMeetingRow = typeof pepMeetings.$inferSelect;
export type PepMeetingInviteeRow = typeof pepMeetingInvitees.$inferSelect;
/** An invitee role as stored (the API's MeetingInviteeRole). */
export type MeetingInviteeRole = (typeof MEETING_INVITEE_ROLES)[number];
export type MeetingResponse = (typeof MEETING_RESPONSES)[number];

export async function meetingsByIds(db: AuthorityDatabase, ids: readonly string[]): Promise<Map<string, PepMeetingRow>> {
  const rows = await byIds(db, ids, 'pep_meetings_by_id', (d, i) => d.select().from(pepMeetings).where(anyId(pepMeetings.id, i)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Each plan's meetings, soonest first. */
export async function meetingsOfPeps(db: AuthorityDatabase, pepIds: readonly string[]): Promise<Map<string, PepMeetingRow[]>> {
  const rows = await byIds(db, pepIds, 'pep_meetings_by_pep_id', (d, i) =>
    d.select().from(pepMeetings).where(anyId(pepMeetings.pepId, i)).orderBy(pepMeetings.meetsOn, pepMeetings.startsAt, pepMeetings.id),
  );
  return groupBy(rows, (r) => r.pepId);
}

export async function inviteesOfMeetings(db: AuthorityDatabase, meetingIds: readonly string[]): Promise<Map<string, PepMeetingInviteeRow[]>> {
  const rows = await byIds(db, meetingIds, 'pep_meeting_invitees_by_meeting_id', (d, i) =>
    d.select().from(pepMeetingInvitees).where(anyId(pepMeetingInvitees.meetingId, i)),
  );
  return groupBy(rows, (r) => r.meetingId);
}

/** Locks a meeting for a change; null when it does not exist. Concurrent changes of one meeting queue here. */
export async function lockMeeting(tx: Transaction, id: string): Promise<PepMeetingRow | null> {
  const [row] = await tx.select().from(pepMeetings).where(eq(pepMeetings.id, id)).for('update');
  return row ?? null;
}

export interface MeetingInvitee {
  readonly role: MeetingInviteeRole;
  /** How the invitee reads notifications; null for a carer (no sign-in). */
  readonly reach: { readonly kind: 'school' | 'authority' | 'learner' | 'child'; readonly id: string } | null;
}

export interface NewMeeting {
  readonly pepId: string;
  readonly learnerId: string;
  readonly meetsOn: string;
  readonly startsAt: string;
  readonly place: string | null;
  readonly onlineLink: string | null;
  readonly scheduledBySubject: string;
  readonly scheduledByRole: string;
  readonly invitees: readonly MeetingInvitee[];
}

/** The meeting, its invitees and an invitation in the notification feed for each invitee who signs in. */
export async function insertMeeting(tx: Transaction, authorityCode: string, meeting: NewMeeting): Promise<string> {
  const id = await nextRecordId(tx, 'pep_meetings', authorityCode, 'MT');
  const { invitees, ...row } = meeting;
  await tx.insert(pepMeetings).values({ id, ...row });
  await tx
    .insert(pepMeetingInvitees)
    .values(invitees.map((i) => ({ meetingId: id, role: i.role, recipientKind: i.reach?.kind ?? null, recipient: i.reach?.id ?? null })));
  for (const invitee of invitees) {
    if (!invitee.reach) continue;
    const notificationId = await nextRecordId(tx, 'notifications', authorityCode, 'N');
    await tx.insert(notifications).values({
      id: notificationId,
      recipientKind: invitee.reach.kind,
      recipient: invitee.reach.id,
      learnerId: meeting.learnerId,
      kind: 'pep-meeting-invitation',
      effectiveOn: meeting.meetsOn,
      movesTo: null,
      meetingId: id,
    });
  }
  return id;
}

/**
 * A new time or place (or a cancellation): the version is raised, and every invitation is shown unread again
 * on the new day. A new time clears the answers given to the old one.
 */
export async function changeMeeting(
  tx: Transaction,
  id: string,
  changes: Partial<Pick<PepMeetingRow, 'meetsOn' | 'startsAt' | 'place' | 'onlineLink' | 'status'>>,
  clearAnswers: boolean,
): Promise<void> {
  await tx
    .update(pepMeetings)
    .set({ ...changes, version: sql`${pepMeetings.version} + 1`, updatedAt: new Date() })
    .where(eq(pepMeetings.id, id));
  await tx
    .update(notifications)
    .set({ readAt: null, readBySubject: null, ...(changes.meetsOn ? { effectiveOn: changes.meetsOn } : {}) })
    .where(eq(notifications.meetingId, id));
  if (clearAnswers)
    await tx.update(pepMeetingInvitees).set({ response: null, respondedBySubject: null, respondedAt: null }).where(eq(pepMeetingInvitees.meetingId, id));
}

/** The minutes are recorded: the meeting is held, and names the plan its minutes went into. */
export async function meetingHeld(tx: Transaction, id: string, minutesPepId: string): Promise<void> {
  await tx
    .update(pepMeetings)
    .set({ status: 'held', minutesPepId, version: sql`${pepMeetings.version} + 1`, updatedAt: new Date() })
    .where(eq(pepMeetings.id, id));
}

/** An invitee's own answer, replacing any earlier one. */
export async function answerMeeting(
  tx: Transaction,
  meetingId: string,
  roles: readonly MeetingInviteeRole[],
  response: MeetingResponse,
  subject: string,
): Promise<void> {
  await tx
    .update(pepMeetingInvitees)
    .set({ response, respondedBySubject: subject, respondedAt: new Date() })
    .where(and(eq(pepMeetingInvitees.meetingId, meetingId), inArray(pepMeetingInvitees.role, [...roles])));
}

export async function inviteesOf(tx: Transaction, meetingId: string): Promise<PepMeetingInviteeRow[]> {
  return tx.select().from(pepMeetingInvitees).where(eq(pepMeetingInvitees.meetingId, meetingId));
}
