// The daily computation of alerts for one authority, and the dispatcher of its email outbox (decision 0029).
// The platform runs both on a schedule (ALERTS_EVERY_MINUTES) and `npm run alerts:run` on demand; both take
// the day from the platform's clock, so a test moves it like every other rule.
import type { AuthorityDatabase } from '@wales-lac/db';
import { ENUM_LABELS } from '@wales-lac/vocabulary';
import { NEW_FOR_DAYS, alertsFor, attendanceWindows, retryDelayMs, type Alert } from './alerts.ts';
import { alertFactsOn, dispatchDue, raiseAlerts, type NewAlert, type OutboxRow } from './data/index.ts';

export interface AlertRunReport {
  readonly authorityCode: string;
  readonly today: string;
  /** Alerts the record raises today (each to one or more recipients). */
  readonly alerts: number;
  /** Notifications added (alerts already raised for the same period are not added again). */
  readonly added: number;
  /** Outbox rows written for those who chose email. */
  readonly emails: number;
}

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Computes today's alerts for every child in care in this authority and raises the new ones. Idempotent per (child, kind, period, recipient). */
export async function runDailyAlerts(db: AuthorityDatabase, authorityCode: string, today: string): Promise<AlertRunReport> {
  const w = attendanceWindows(today);
  const facts = await alertFactsOn(db, today, {
    thisTerm: { from: w.thisTerm[0], to: w.thisTerm[1] },
    lastFourWeeks: { from: w.lastFourWeeks[0], to: w.lastFourWeeks[1] },
    fourWeeksBefore: { from: w.fourWeeksBefore[0], to: w.fourWeeksBefore[1] },
    newSince: daysBefore(today, NEW_FOR_DAYS),
  });
  const alerts: Alert[] = facts.flatMap((child) => alertsFor({ ...child, home: authorityCode }, today));
  const rows: NewAlert[] = alerts.flatMap((a) =>
    a.recipients.map((r) => ({ learnerId: a.learnerId, kind: a.kind, period: a.period, effectiveOn: a.effectiveOn, ...r })),
  );
  const outcome = await raiseAlerts(db, authorityCode, rows, today);
  return { authorityCode, today, alerts: alerts.length, added: outcome.notifications, emails: outcome.emails };
}

/** One email, as the dispatcher hands it to the transport: no child's name, UPN or id in it. */
export interface AlertMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Who the child is to the one the mail is for, by whom the notification is addressed to. */
const WHOSE_CHILD: Readonly<Record<string, { en: string; cy: string }>> = {
  learner: { en: 'A child on your caseload', cy: 'Mae gan blentyn ar eich llwyth achosion' },
  school: { en: 'A looked-after pupil at your school', cy: 'Mae gan ddisgybl sy’n derbyn gofal yn eich ysgol' },
  authority: { en: 'A child your authority looks after', cy: 'Mae gan blentyn y mae eich awdurdod yn gofalu amdano' },
};

/** The mail for an outbox row: the kind in Welsh and English, whose child it is about, and a link to the platform. */
export function mailFor(row: Pick<OutboxRow, 'email' | 'kind' | 'notificationId' | 'recipientKind'>, platformUrl: string): AlertMail {
  const whose = WHOSE_CHILD[row.recipientKind] ?? { en: 'A child you work with', cy: 'Mae gan blentyn rydych yn gweithio gydag ef' };
  const labels = (ENUM_LABELS.NotificationKind as Record<string, { en: string; cy: string }>)[row.kind.toUpperCase().replaceAll('-', '_')] ?? {
    en: row.kind,
    cy: row.kind,
  };
  const link = new URL(`/dashboard/notifications?notification=${encodeURIComponent(row.notificationId)}`, platformUrl).toString();
  return {
    to: row.email,
    subject: `Rhybudd / Alert: ${labels.cy} / ${labels.en}`,
    text: [
      `${whose.cy} rybudd: ${labels.cy}.`,
      `Agorwch y platfform i weld y manylion: ${link}`,
      '',
      `${whose.en} has an alert: ${labels.en}.`,
      `Open the platform to see the details: ${link}`,
      '',
      'Nid yw’r neges hon yn enwi’r plentyn. / This message does not name the child.',
    ].join('\n'),
  };
}

export interface DispatchOptions {
  /** Sends one mail; throws when the server refuses or cannot be reached. */
  readonly send: (mail: AlertMail) => Promise<void>;
  readonly platformUrl: string;
  /** The dispatcher's clock (tests move it past a retry's backoff). */
  readonly now?: () => Date;
  /** At most this many rows per call. */
  readonly limit?: number;
}

/** Sends the due pending rows of this authority's outbox, marking each sent; a failure keeps it pending for a later try (1, 2, 4… minutes, at most an hour). */
export async function dispatchOutbox(db: AuthorityDatabase, options: DispatchOptions): Promise<{ sent: number; failed: number }> {
  const now = options.now?.() ?? new Date();
  return dispatchDue(db, now, options.limit ?? 200, (row) => options.send(mailFor(row, options.platformUrl)), retryDelayMs);
}
