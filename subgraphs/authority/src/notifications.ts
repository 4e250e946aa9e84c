// The feed of moves and meeting invitations addressed to the caller: a designated teacher sees those for
// their school, an education lead those for their authority, a social worker those for the children on their
// caseload, a child their own meeting invitations.
// Positions sort newest first across every authority.
import { WORDS, message, platformError } from '@wales-lac/errors';
import { MAX_PAGE_SIZE, decodeCursor, encodeCursor, pageSizeProblem } from '@wales-lac/paging';
import type { Caller } from '@wales-lac/caller';
import { schoolAuthorityCode } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { badInput, checkIdempotencyKey, fingerprintOf, ownRecordId } from './change.ts';
import { dayAfter } from './meetings.ts';
import { appendAuditRows, applyOnce, isAddressedTo, markRead, notificationById, notificationPage, type NotificationRow, type Recipient } from './data/index.ts';

/** Whom the caller reads notifications as. */
export function recipientsOf(caller: Caller): Recipient[] {
  if (caller.role === 'designated-teacher' && caller.schoolId) return [{ kind: 'school', id: caller.schoolId }];
  if (caller.role === 'virtual-school-head' && caller.authorityCode) return [{ kind: 'authority', id: caller.authorityCode }];
  if (caller.role === 'social-worker') return [{ kind: 'caseload', subject: caller.subject }];
  // The child reads the meeting invitations addressed to them (decision 0030).
  if (caller.role === 'learner' && caller.learnerId) return [{ kind: 'child', id: caller.learnerId }];
  return [];
}

// Newest first as an ascending string, so pages from many authorities merge by position like learners.
const LATEST = 9_000_000_000_000_000;
export function notificationPosition(row: Pick<NotificationRow, 'createdAt' | 'id'>): string {
  return `${String(LATEST - row.createdAt.getTime() * 1000).padStart(16, '0')}~${row.id}`;
}

function positionFrom(cursor: string): { createdAt: Date; id: string } | null {
  const position = decodeCursor(cursor);
  const match = position ? /^(\d{16})~(.+)$/.exec(position) : null;
  if (!match) return null;
  return { createdAt: new Date((LATEST - Number(match[1])) / 1000), id: match[2] ?? '' };
}

export async function notificationsFor(args: { unreadOnly?: boolean | null; first: number; after?: string | null }, ctx: AuthorityContext) {
  const sizeProblem = pageSizeProblem(args.first);
  if (sizeProblem) badInput('first', 'fieldPageSize', { max: MAX_PAGE_SIZE });
  const after = args.after ? positionFrom(args.after) : null;
  if (args.after && !after) badInput('after', 'fieldNotACursor', {});
  const page = await notificationPage(ctx.db, {
    recipients: recipientsOf(ctx.caller),
    today: ctx.today,
    unreadOnly: args.unreadOnly ?? false,
    first: args.first,
    after,
  });
  // A notification tells its recipient about a child's move: each one read is audited for that child.
  // A meeting invitation tells of the child's PEP review: a read of pep.
  for (const row of page.rows)
    ctx.audit.note(row.learnerId, 'read', 'allowed', row.kind === 'pep-meeting-invitation' ? 'pep' : 'education', 'Query.notifications');
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(notificationPosition(row)), node: row }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
}

/**
 * A notification addressed to the caller. Someone else's gets the same NOT_FOUND as an id that is nobody's
 * (the attempt audited), so ids cannot be tried to learn how many notifications an authority holds.
 */
export async function addressedNotification(id: string, ctx: AuthorityContext, field = 'notification'): Promise<NotificationRow> {
  ownRecordId(ctx, id, field, WORDS.notification);
  const row = await notificationById(ctx.db, id);
  const notFound = () => platformError(message('NOT_FOUND', 'noNotification', { id, authority: ctx.authorityCode }), { field });
  if (!row) throw notFound();
  if (!(await isAddressedTo(ctx.db, id, recipientsOf(ctx.caller), ctx.today))) {
    await appendAuditRows(ctx.db, [
      {
        actorSubject: ctx.caller.subject,
        actorRole: ctx.caller.role,
        actorAuthority: ctx.caller.authorityCode,
        learnerId: row.learnerId,
        action: 'read',
        decision: 'denied',
        fieldClasses: ['education'],
        fields: ['Notification'],
        operationName: 'notification',
      },
    ]);
    throw notFound();
  }
  return row;
}

/** A notification to mark as read, with the change's key. */
export interface MarkNotificationReadInput {
  readonly notification: string;
  readonly idempotencyKey: string;
}

const MARK_READ = 'markNotificationRead';

/**
 * Marks it read once per key, like every change; marking a read notification again changes nothing. The
 * answer shows the move again, so it is audited as a read of it (released only once durable, as every read);
 * marking writes none of the child's data, so the change itself adds no audit row of its own.
 */
export async function markNotificationRead(input: MarkNotificationReadInput, ctx: AuthorityContext): Promise<NotificationRow | null> {
  checkIdempotencyKey(input.idempotencyKey);
  const row = await addressedNotification(input.notification, ctx, 'notification');
  const request = {
    idempotencyKey: input.idempotencyKey,
    actorSubject: ctx.caller.subject,
    operation: MARK_READ,
    fingerprint: fingerprintOf(MARK_READ, input),
    audit: [],
  };
  const outcome = await applyOnce(ctx.db, request, async (tx) => {
    await markRead(tx, row.id, ctx.caller.subject);
    return row.id;
  });
  if (outcome.kind === 'key-reused') badInput('idempotencyKey', 'keyReused', {});
  ctx.audit.note(row.learnerId, 'read', 'allowed', row.kind === 'pep-meeting-invitation' ? 'pep' : 'education', `Mutation.${MARK_READ}`);
  return notificationById(ctx.db, row.id);
}

/** The authority of a place a move names: a school's maintaining authority, or the authority itself (a placement move). */
function authorityOfPlace(n: Pick<NotificationRow, 'kind'>, place: string | null): { code: string } | null {
  if (place === null) return null;
  const code = n.kind === 'school-move' ? schoolAuthorityCode(place) : place;
  return code ? { code } : null;
}

/** Where a move takes the child, and whence, as the School and Authority entities the reference service names. */
export const NOTIFICATION_PLACES = {
  movesToSchool: (n: NotificationRow) => (n.kind === 'school-move' ? { id: n.movesTo } : null),
  movesToAuthority: (n: NotificationRow) => authorityOfPlace(n, n.movesTo),
  movesFromSchool: (n: NotificationRow) => (n.kind === 'school-move' && n.movesFrom ? { id: n.movesFrom } : null),
  movesFromAuthority: (n: NotificationRow) => authorityOfPlace(n, n.movesFrom),
};

/** Whom it is addressed to, typed: a School or an Authority here; a Learner is resolved by the caller (read under the usual rules). */
export function recipientEntity(n: NotificationRow): { __typename: 'School'; id: string } | { __typename: 'Authority'; code: string } | null {
  if (n.recipientKind === 'school') return { __typename: 'School', id: n.recipient };
  if (n.recipientKind === 'authority') return { __typename: 'Authority', code: n.recipient };
  return null;
}

/** For a meeting invitation: its meeting, and whether it is still to be held tomorrow (the reminder, from the request's day). */
export const NOTIFICATION_MEETING = {
  meeting: (n: NotificationRow, _: unknown, ctx: AuthorityContext) => (n.meetingId ? ctx.loaders.meeting.load(n.meetingId) : null),
  meetingTomorrow: async (n: NotificationRow, _: unknown, ctx: AuthorityContext) => {
    if (!n.meetingId) return false;
    const meeting = await ctx.loaders.meeting.load(n.meetingId);
    return meeting !== null && meeting.status === 'scheduled' && meeting.meetsOn === dayAfter(ctx.today);
  },
};
