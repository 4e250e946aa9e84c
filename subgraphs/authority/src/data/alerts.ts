// The daily alerts' SQL (decision 0029): the facts of every child in care on a day, batched by table; the
// alerts written once under the unique key notifications_alert_once, with their outbox rows in the same
// transaction; the outbox read and marked by the dispatcher; each person's delivery preferences.
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import { attendanceOfLearners } from './attendance.ts';
import { anyId } from './id-list.ts';
import { currentOn } from './reach.ts';
import type { Transaction } from './writes.ts';

const { careEpisodes, learners, enrolments, exclusions, notificationOutbox, notificationPreferences, notifications, peps, sdqAssessments, staffAllocations } =
  authoritySchema;

export interface Window {
  readonly from: string;
  readonly to: string;
}

/** The children in care on the day with the facts the alert rules read, each table in one statement. */
export async function alertFactsOn(
  db: AuthorityDatabase,
  today: string,
  windows: { readonly thisTerm: Window; readonly lastFourWeeks: Window; readonly fourWeeksBefore: Window; readonly newSince: string },
) {
  const inCare = await db
    .select({ learnerId: careEpisodes.learnerId, startedOn: careEpisodes.startedOn })
    .from(careEpisodes)
    .where(currentOn(sql`${careEpisodes.startedOn}`, sql`${careEpisodes.endedOn}`, today))
    .orderBy(asc(careEpisodes.learnerId));
  const ids = [...new Set(inCare.map((c) => c.learnerId))];
  if (ids.length === 0) return [];
  const [born, schools, plans, excluded, sdqs, thisTerm, lastFour, fourBefore] = await Promise.all([
    db.select({ learnerId: learners.id, dateOfBirth: learners.dateOfBirth }).from(learners).where(anyId(learners.id, ids)),
    db
      .select({ learnerId: enrolments.learnerId, schoolId: enrolments.schoolId, startedOn: enrolments.startedOn })
      .from(enrolments)
      .where(and(anyId(enrolments.learnerId, ids), currentOn(sql`${enrolments.startedOn}`, sql`${enrolments.endedOn}`, today))),
    db
      .select({
        learnerId: peps.learnerId,
        initiatedOn: peps.initiatedOn,
        completedOn: peps.completedOn,
        lastReviewedOn: peps.lastReviewedOn,
        status: peps.status,
        nextReviewDue: peps.nextReviewDue,
      })
      .from(peps)
      .where(anyId(peps.learnerId, ids))
      .orderBy(desc(peps.initiatedOn), desc(peps.version)),
    db
      .select({ learnerId: exclusions.learnerId, id: exclusions.id, startsOn: exclusions.startsOn })
      .from(exclusions)
      .where(and(anyId(exclusions.learnerId, ids), gte(exclusions.startsOn, windows.newSince), lte(exclusions.startsOn, today))),
    db
      .select()
      .from(sdqAssessments)
      .where(and(anyId(sdqAssessments.learnerId, ids), gte(sdqAssessments.completedOn, windows.newSince), lte(sdqAssessments.completedOn, today))),
    attendanceOfLearners(db, ids, windows.thisTerm.from, windows.thisTerm.to),
    attendanceOfLearners(db, ids, windows.lastFourWeeks.from, windows.lastFourWeeks.to),
    attendanceOfLearners(db, ids, windows.fourWeeksBefore.from, windows.fourWeeksBefore.to),
  ]);
  const by = <T extends { learnerId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) (map.get(r.learnerId) ?? map.set(r.learnerId, []).get(r.learnerId)!).push(r);
    return map;
  };
  const schoolOf = new Map(schools.map((s) => [s.learnerId, s]));
  const birthOf = new Map(born.map((b) => [b.learnerId, b.dateOfBirth]));
  const careOf = new Map(inCare.map((c) => [c.learnerId, c.startedOn]));
  const [planMap, exclusionMap, sdqMap] = [by(plans), by(excluded), by(sdqs)];
  return ids.map((learnerId) => ({
    learnerId,
    schoolId: schoolOf.get(learnerId)?.schoolId ?? null,
    dateOfBirth: birthOf.get(learnerId) ?? '',
    enteredCareOn: careOf.get(learnerId) ?? null,
    joinedSchoolOn: schoolOf.get(learnerId)?.startedOn ?? null,
    peps: planMap.get(learnerId) ?? [],
    attendance: {
      thisTerm: thisTerm.get(learnerId) ?? null,
      lastFourWeeks: lastFour.get(learnerId) ?? null,
      fourWeeksBefore: fourBefore.get(learnerId) ?? null,
    },
    exclusions: exclusionMap.get(learnerId) ?? [],
    sdqs: sdqMap.get(learnerId) ?? [],
  }));
}

export interface NewAlert {
  readonly learnerId: string;
  readonly kind: string;
  readonly period: string;
  readonly effectiveOn: string;
  readonly recipientKind: 'school' | 'authority' | 'learner';
  readonly recipient: string;
}

/** The staff allocation role of the person who reads a recipient's alerts by email: a child's social worker, designated teacher, education lead. */
export const STAFF_ROLE_OF_RECIPIENT = { learner: 'social-worker', school: 'designated-teacher', authority: 'education-lead' } as const;

const BATCH = 500;

/**
 * Writes the alerts not yet raised, and in the same transaction an outbox row for each person allocated to
 * the child in the recipient's role on the day who chose email for the kind. The unique key skips those
 * already raised (by an earlier run, or another worker's at the same time: the id lock serialises them; a
 * skipped row's id is simply not used). Batched: one insert of notifications and one of outbox rows per 500.
 */
export async function raiseAlerts(
  db: AuthorityDatabase,
  authorityCode: string,
  alerts: readonly NewAlert[],
  today: string,
): Promise<{ notifications: number; emails: number }> {
  if (alerts.length === 0) return { notifications: 0, emails: 0 };
  return db.transaction(async (tx) => {
    // The lock nextRecordId takes for notification ids: move notifications and alerts never share an id.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('next-id:N'))`);
    const pattern = `^${authorityCode}:N[0-9]+$`;
    const rows = await tx.execute(sql`select coalesce(max(substring(id from 'N([0-9]+)$')::bigint), 0) as last from ${notifications} where id ~ ${pattern}`);
    let next = Number((rows as unknown as { last: string | number }[])[0]?.last ?? 0) + 1;
    let added = 0;
    let emails = 0;
    const role = sql.raw(
      `case n.recipient_kind ${Object.entries(STAFF_ROLE_OF_RECIPIENT)
        .map(([kind, staff]) => `when '${kind}' then '${staff}'`)
        .join(' ')} end`,
    );
    for (let at = 0; at < alerts.length; at += BATCH) {
      const batch = alerts.slice(at, at + BATCH).map((alert) => ({ id: `${authorityCode}:N${String(next++).padStart(6, '0')}`, ...alert }));
      const inserted = await tx
        .insert(notifications)
        .values(batch)
        .onConflictDoNothing({
          target: [notifications.learnerId, notifications.kind, notifications.period, notifications.recipientKind, notifications.recipient],
          where: sql`period is not null`,
        })
        .returning({ id: notifications.id });
      added += inserted.length;
      if (inserted.length === 0) continue;
      const ids = inserted.map((r) => r.id);
      const queued = await tx.execute(sql`
        insert into ${notificationOutbox} (notification_id, subject, email, kind)
        select n.id, a.staff_subject, a.work_email, n.kind
          from ${notifications} n
          join ${staffAllocations} a on a.learner_id = n.learner_id and a.staff_role = ${role} and ${currentOn(sql`a.started_on`, sql`a.ended_on`, today)}
          join ${notificationPreferences} p on p.subject = a.staff_subject and p.kind = n.kind and p.delivery = 'feed-and-email'
         where n.id = any(${sql.param(ids)}::text[])
        on conflict do nothing
        returning id`);
      emails += (queued as unknown as unknown[]).length;
    }
    return { notifications: added, emails };
  });
}

/** An outbox row, with whom its notification is addressed to (the mail's words depend on it). */
export type OutboxRow = typeof notificationOutbox.$inferSelect & { readonly recipientKind: string };

/**
 * Sends each pending outbox row that is due, one transaction a row: the row is locked (SKIP LOCKED, so two
 * dispatchers never send one row twice), sent, and marked sent; a failed send keeps it pending with the
 * error and the time of the next try.
 */
export async function dispatchDue(
  db: AuthorityDatabase,
  now: Date,
  limit: number,
  send: (row: OutboxRow) => Promise<void>,
  delayAfter: (attempts: number) => number,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i += 1) {
    const outcome = await db.transaction(async (tx) => {
      const [found] = await tx
        .select({ outbox: notificationOutbox, recipientKind: notifications.recipientKind })
        .from(notificationOutbox)
        .innerJoin(notifications, eq(notifications.id, notificationOutbox.notificationId))
        .where(and(eq(notificationOutbox.state, 'pending'), lte(notificationOutbox.nextAttemptAt, now)))
        .orderBy(asc(notificationOutbox.nextAttemptAt), asc(notificationOutbox.id))
        .limit(1)
        .for('update', { of: notificationOutbox, skipLocked: true });
      if (!found) return 'none' as const;
      const row: OutboxRow = { ...found.outbox, recipientKind: found.recipientKind };
      try {
        await send(row);
        await tx
          .update(notificationOutbox)
          .set({ state: 'sent', sentAt: now, attempts: row.attempts + 1, lastError: null })
          .where(eq(notificationOutbox.id, row.id));
        return 'sent' as const;
      } catch (error) {
        const attempts = row.attempts + 1;
        const text = error instanceof Error ? error.message : String(error);
        await tx
          .update(notificationOutbox)
          .set({ attempts, lastError: text.slice(0, 500), nextAttemptAt: new Date(now.getTime() + delayAfter(attempts)) })
          .where(eq(notificationOutbox.id, row.id));
        return 'failed' as const;
      }
    });
    if (outcome === 'none') break;
    if (outcome === 'sent') sent += 1;
    else failed += 1;
  }
  return { sent, failed };
}

/** A person's delivery choices, by kind (kinds not listed: the feed only). */
export async function preferencesOf(db: AuthorityDatabase | Transaction, subject: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.subject, subject));
  return new Map(rows.map((r) => [r.kind, r.delivery]));
}

export async function setPreferences(
  tx: Transaction,
  subject: string,
  choices: readonly { readonly kind: string; readonly delivery: string }[],
): Promise<void> {
  if (choices.length === 0) return;
  await tx
    .insert(notificationPreferences)
    .values(choices.map((c) => ({ subject, kind: c.kind, delivery: c.delivery })))
    .onConflictDoUpdate({
      target: [notificationPreferences.subject, notificationPreferences.kind],
      set: { delivery: sql`excluded.delivery`, updatedAt: new Date() },
    });
}
