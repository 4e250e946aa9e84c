// Domain rules over stored rows: what "current" means, and how a PEP's review date reads today.
import { addSchoolDays, receptionStartOf, schoolYearAge } from '@wales-lac/wales';
import type { EnrolmentRow, PepRow, PepSignOffRow, PlacementRow } from './data/index.ts';

interface Dated {
  readonly startedOn: string;
  readonly endedOn: string | null;
}

/** True when the period includes `today` (ISO dates compare as strings). */
export function isCurrent(period: Dated, today: string): boolean {
  return period.startedOn <= today && (period.endedOn === null || period.endedOn >= today);
}

export function currentPlacement(placements: readonly PlacementRow[], today: string): PlacementRow | null {
  return placements.find((p) => isCurrent(p, today)) ?? null;
}

export function currentEnrolment(enrolments: readonly EnrolmentRow[], today: string): EnrolmentRow | null {
  return enrolments.find((e) => isCurrent(e, today)) ?? null;
}

/** The plan in force: the most recent version that is not superseded. */
export function currentPep<P extends Pick<PepRow, 'status'>>(peps: readonly P[]): P | null {
  return peps.find((p) => p.status !== 'superseded') ?? null;
}

export type PepReviewState = 'on-track' | 'due-soon' | 'overdue' | 'not-scheduled';
const DUE_SOON_DAYS = 14;

export function pepReviewState(pep: Pick<PepRow, 'nextReviewDue'>, today: string): PepReviewState {
  if (!pep.nextReviewDue) return 'not-scheduled';
  if (pep.nextReviewDue < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS);
  return pep.nextReviewDue <= soon.toISOString().slice(0, 10) ? 'due-soon' : 'on-track';
}

/** PEPs are completed within 20 school days of being started (configurable: unverified for Wales). */
export const PEP_COMPLETION_SCHOOL_DAYS = 20;

export type PepCompletionState = 'completed-on-time' | 'completed-late' | 'due' | 'overdue';

export function pepCompletionDue(pep: Pick<PepRow, 'initiatedOn'>): string {
  return addSchoolDays(pep.initiatedOn, PEP_COMPLETION_SCHOOL_DAYS);
}

export function pepCompletionState(pep: Pick<PepRow, 'initiatedOn' | 'completedOn'>, today: string): PepCompletionState {
  const due = pepCompletionDue(pep);
  if (pep.completedOn) return pep.completedOn <= due ? 'completed-on-time' : 'completed-late';
  return today > due ? 'overdue' : 'due';
}

/** A PEP is reviewed each term: the next review falls about a term (60 school days) after agreement. */
export const PEP_REVIEW_SCHOOL_DAYS = 60;

export function nextReviewAfter(agreedOn: string): string {
  return addSchoolDays(agreedOn, PEP_REVIEW_SCHOOL_DAYS);
}

/** Plans that may still be edited: agreed plans change only through the next version. */
export function isEditable(pep: Pick<PepRow, 'status'>): boolean {
  return pep.status === 'draft' || pep.status === 'in-review';
}

/** A PEP is started within 10 school days of entering care or a school move (configurable: unverified for Wales). */
export const PEP_START_SCHOOL_DAYS = 10;

/** What decides whether a plan must be started: the child's age, and when they entered care and joined their school. */
export interface PepStartFacts {
  readonly dateOfBirth: string;
  /** The current care episode's start. */
  readonly enteredCareOn: string | null;
  /** The current enrolment's start; null when the child is on no school roll. */
  readonly joinedSchoolOn: string | null;
}

type PlanDates = Pick<PepRow, 'initiatedOn' | 'completedOn' | 'lastReviewedOn'>;

/**
 * When a plan must be started, or null when none is owed. A plan is owed to a child of school age (from
 * Reception; past Year 11 only while on a school roll): 10 school days after they entered care or reached
 * school age in care, unless a plan has been started since; and 10 school days after they joined their
 * current school, unless a plan has been started, completed or reviewed since (a move asks for the plan to be
 * reviewed, not begun again). The first obligation not met decides the date.
 */
export function pepStartDue(child: PepStartFacts, peps: readonly PlanDates[], today: string): string | null {
  const schoolAge = receptionStartOf(child.dateOfBirth);
  if (today < schoolAge) return null;
  if (schoolYearAge(child.dateOfBirth, today) >= 16 && child.joinedSchoolOn === null) return null;
  const owed: string[] = [];
  if (child.enteredCareOn !== null) {
    const from = child.enteredCareOn > schoolAge ? child.enteredCareOn : schoolAge;
    if (!peps.some((p) => p.initiatedOn >= from)) owed.push(from);
  }
  const joined = child.joinedSchoolOn;
  if (joined !== null && !peps.some((p) => [p.initiatedOn, p.completedOn, p.lastReviewedOn].some((d) => d !== null && d >= joined))) owed.push(joined);
  const first = owed.sort()[0];
  return first === undefined ? null : addSchoolDays(first, PEP_START_SCHOOL_DAYS);
}

/** After a school move the plan is reviewed within the same 10 school days from the first day at the new school. */
export function reviewDueAfterSchoolMove(startsOn: string): string {
  return addSchoolDays(startsOn, PEP_START_SCHOOL_DAYS);
}

/** A designated teacher's sign-off for a school the child has left (marked by the school move). */
export function signedForSchoolLeft(signOff: Pick<PepSignOffRow, 'schoolLeftOn'>, today: string): boolean {
  return signOff.schoolLeftOn !== null && signOff.schoolLeftOn <= today;
}
