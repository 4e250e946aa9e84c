// Notifications this authority raised for a recipient (a school, an authority or a child's social worker), newest first.
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import { currentOn } from './reach.ts';
import type { Transaction } from './writes.ts';

const { notifications, staffAllocations } = authoritySchema;
export type NotificationRow = typeof notifications.$inferSelect;

/** Whom a caller reads notifications as: a school, an authority, the social worker of the children on their caseload, or a child (their own meeting invitations). */
export type Recipient = { readonly kind: 'school' | 'authority' | 'child'; readonly id: string } | { readonly kind: 'caseload'; readonly subject: string };

export interface NotificationPageQuery {
  readonly recipients: readonly Recipient[];
  /** The request's day: a caseload is the children allocated to the social worker on it. */
  readonly today: string;
  readonly unreadOnly: boolean;
  readonly first: number;
  /** Position after which to continue: the createdAt and id of the last one seen. */
  readonly after: { readonly createdAt: Date; readonly id: string } | null;
}

function addressedToOne(r: Recipient, today: string): SQL {
  if (r.kind !== 'caseload') return sql`(${notifications.recipientKind} = ${r.kind} and ${notifications.recipient} = ${r.id})`;
  // Addressed to a child: read by whoever is their allocated social worker today.
  return sql`(${notifications.recipientKind} = 'learner' and exists (select 1 from ${staffAllocations} a where a.learner_id = ${notifications.recipient}
    and a.staff_role = 'social-worker' and a.staff_subject = ${r.subject} and ${currentOn(sql`a.started_on`, sql`a.ended_on`, today)}))`;
}

function addressedTo(recipients: readonly Recipient[], today: string): SQL {
  const each = recipients.map((r) => addressedToOne(r, today));
  return each.length === 0 ? sql`false` : sql`(${sql.join(each, sql` or `)})`;
}

/** True when the notification is addressed to one of these recipients (a caseload checked against today's allocations). */
export async function isAddressedTo(db: AuthorityDatabase, id: string, recipients: readonly Recipient[], today: string): Promise<boolean> {
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), addressedTo(recipients, today)));
  return rows.length > 0;
}

export async function notificationPage(
  db: AuthorityDatabase,
  query: NotificationPageQuery,
): Promise<{ rows: NotificationRow[]; hasNextPage: boolean; totalCount: number }> {
  const filters: SQL[] = [addressedTo(query.recipients, query.today)];
  if (query.unreadOnly) filters.push(isNull(notifications.readAt) as SQL);
  const matching = and(...filters);
  // Positions carry milliseconds (a JavaScript Date), so order and compare at that precision.
  const at = sql`date_trunc('milliseconds', ${notifications.createdAt})`;
  // Newest first, then ids ascending: the order of the positions the gateway merges by.
  const afterAt = query.after ? sql`${query.after.createdAt.toISOString()}::timestamptz` : null;
  const after = query.after && afterAt ? sql`(${at} < ${afterAt} or (${at} = ${afterAt} and ${notifications.id} > ${query.after.id}))` : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(after ? and(matching, after) : matching)
      .orderBy(sql`${at} desc`, asc(notifications.id))
      .limit(query.first + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(matching),
  ]);
  return { rows: rows.slice(0, query.first), hasNextPage: rows.length > query.first, totalCount: totals[0]?.n ?? 0 };
}

export async function notificationById(db: AuthorityDatabase, id: string): Promise<NotificationRow | null> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row ?? null;
}

/** Marks it read once: a second reader keeps the first reading's time. */
export async function markRead(tx: Transaction, id: string, readBySubject: string): Promise<void> {
  await tx
    .update(notifications)
    .set({ readAt: new Date(), readBySubject })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
}
