// The alert rules (decision 0029): what the daily computation raises for one child on one day, for whom,
// and once for which period. Pure: the data layer gathers the facts, this decides, the data layer writes
// each alert once per (child, kind, period, recipient) under a unique key.
import { SDQ_CONCERN_FROM, type ALERT_KINDS } from '@wales-lac/db';
import { addSchoolDays, termStartOf } from '@wales-lac/wales';
import type { AttendanceCounts } from './data/attendance.ts';
import { currentPep, pepStartDue } from './records.ts';

export type AlertKind = (typeof ALERT_KINDS)[number];

/** Whom an alert goes to, in the feed's recipient model: a school (its designated teacher), an authority (its education lead), a child (their social worker). */
export interface AlertRecipient {
  readonly recipientKind: 'school' | 'authority' | 'learner';
  readonly recipient: string;
}

export interface Alert {
  readonly learnerId: string;
  readonly kind: AlertKind;
  /** Raised once per child, kind and period: a review's due date, a start's due date, a term's first day, an exclusion's or SDQ's id. */
  readonly period: string;
  /** The day it is about: the due date, the exclusion's first day, the SDQ's day, or the day it was computed. */
  readonly effectiveOn: string;
  readonly recipients: readonly AlertRecipient[];
}

/** What the rules need to know about one child in care on the day. */
export interface ChildFacts {
  readonly learnerId: string;
  /** The home authority (its education lead). */
  readonly home: string;
  /** The current school, if on a roll. */
  readonly schoolId: string | null;
  readonly dateOfBirth: string;
  /** The current care episode's start, and the current enrolment's: the triggers of a PEP start. */
  readonly enteredCareOn: string | null;
  readonly joinedSchoolOn: string | null;
  /** Every version of the child's PEP, newest first (as the loaders give them). */
  readonly peps: readonly {
    readonly initiatedOn: string;
    readonly completedOn: string | null;
    readonly lastReviewedOn: string | null;
    readonly status: string;
    readonly nextReviewDue: string | null;
  }[];
  readonly attendance: {
    readonly thisTerm: AttendanceCounts | null;
    readonly lastFourWeeks: AttendanceCounts | null;
    readonly fourWeeksBefore: AttendanceCounts | null;
  };
  readonly exclusions: readonly { readonly id: string; readonly startsOn: string }[];
  readonly sdqs: readonly {
    readonly id: string;
    readonly completedOn: string;
    readonly informant: string;
    readonly emotional: number;
    readonly conduct: number;
    readonly hyperactivity: number;
    readonly peer: number;
  }[];
}

/** A review falls "due" this many school days ahead. */
export const REVIEW_DUE_WITHIN_SCHOOL_DAYS = 10;
/** Attendance this term below this share is an alert. */
export const ATTENDANCE_LOW_BELOW = 0.9;
/** A fall of this much (10 percentage points) between the last four weeks and the four before is an alert. */
export const ATTENDANCE_DROP_POINTS = 0.1;
/** Fewer sessions than this in a window say nothing yet (a week of school is 10 sessions). */
export const ATTENDANCE_MIN_SESSIONS = 10;
/** An exclusion or an SDQ is "new" for this many days after its day. */
export const NEW_FOR_DAYS = 28;

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The three attendance windows on a day: this term so far, the last four weeks, and the four weeks before them. */
export function attendanceWindows(today: string): { thisTerm: [string, string]; lastFourWeeks: [string, string]; fourWeeksBefore: [string, string] } {
  return {
    thisTerm: [termStartOf(today), today],
    lastFourWeeks: [daysBefore(today, 27), today],
    fourWeeksBefore: [daysBefore(today, 55), daysBefore(today, 28)],
  };
}

/** An SDQ in the "abnormal" band for whoever completed it (the same bands as SdqAssessment.concern). */
export function isSdqOfConcern(s: ChildFacts['sdqs'][number]): boolean {
  const from = SDQ_CONCERN_FROM[s.informant as keyof typeof SDQ_CONCERN_FROM] ?? SDQ_CONCERN_FROM.carer;
  return s.emotional + s.conduct + s.hyperactivity + s.peer >= from;
}

const rateOf = (c: AttendanceCounts | null) => (c && c.possible >= ATTENDANCE_MIN_SESSIONS ? c.attended / c.possible : null);

/** Every alert the child's record raises today, with whom each goes to. */
export function alertsFor(child: ChildFacts, today: string): Alert[] {
  const socialWorker: AlertRecipient = { recipientKind: 'learner', recipient: child.learnerId };
  const educationLead: AlertRecipient = { recipientKind: 'authority', recipient: child.home };
  const teacher: AlertRecipient[] = child.schoolId ? [{ recipientKind: 'school', recipient: child.schoolId }] : [];
  const alerts: Alert[] = [];
  const add = (kind: AlertKind, period: string, effectiveOn: string, recipients: readonly AlertRecipient[]) =>
    alerts.push({ learnerId: child.learnerId, kind, period, effectiveOn, recipients });

  // The review of the plan in force: the three who sign it off act on it; overdue, the education lead too.
  const pep = currentPep(child.peps);
  const review = pep?.nextReviewDue ?? null;
  if (review !== null && review < today) add('pep-review-overdue', review, review, [socialWorker, ...teacher, educationLead]);
  else if (review !== null && review <= addSchoolDays(today, REVIEW_DUE_WITHIN_SCHOOL_DAYS)) add('pep-review-due', review, review, [socialWorker, ...teacher]);

  // Not started within the statutory period after entering care or a school move: Learner.pepStartDue's own rule.
  const startDue = pepStartDue(child, child.peps, today);
  if (startDue !== null && startDue < today) add('pep-start-overdue', startDue, startDue, [educationLead, socialWorker]);

  // Attendance: once a term each, to the school's designated teacher and the social worker.
  const term = termStartOf(today);
  const thisTerm = rateOf(child.attendance.thisTerm);
  if (thisTerm !== null && thisTerm < ATTENDANCE_LOW_BELOW) add('attendance-low', term, today, [...teacher, socialWorker]);
  const recent = rateOf(child.attendance.lastFourWeeks);
  const before = rateOf(child.attendance.fourWeeksBefore);
  if (recent !== null && before !== null && before - recent >= ATTENDANCE_DROP_POINTS - 1e-9) add('attendance-drop', term, today, [...teacher, socialWorker]);

  // A new exclusion: the home education lead and the social worker (the school that excluded knows).
  const since = daysBefore(today, NEW_FOR_DAYS);
  for (const x of child.exclusions) if (x.startsOn >= since && x.startsOn <= today) add('exclusion', x.id, x.startsOn, [educationLead, socialWorker]);

  // An SDQ of concern: the social worker (a referral) and the designated teacher (support in school).
  for (const s of child.sdqs)
    if (s.completedOn >= since && s.completedOn <= today && isSdqOfConcern(s)) add('sdq-concern', s.id, s.completedOn, [socialWorker, ...teacher]);
  return alerts;
}

/** How long a failed email waits before the next try: 1, 2, 4… minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}
