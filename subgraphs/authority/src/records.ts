// Domain rules over stored rows: what "current" means, and how a PEP's review date reads today.
import { addSchoolDays } from '@wales-lac/wales';
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

/**
 * When a new plan (or the next version) must be started: 10 school days after the latest of entering
 * care and joining the current school, while no plan has been started since; null when one has.
 */
export function pepStartDue(enteredCareOn: string | null, joinedSchoolOn: string | null, peps: readonly Pick<PepRow, 'initiatedOn'>[]): string | null {
  const trigger = [enteredCareOn, joinedSchoolOn]
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  if (!trigger || peps.some((p) => p.initiatedOn >= trigger)) return null;
  return addSchoolDays(trigger, PEP_START_SCHOOL_DAYS);
}

/** After a school move the plan is reviewed within the same 10 school days from the first day at the new school. */
export function reviewDueAfterSchoolMove(startsOn: string): string {
  return addSchoolDays(startsOn, PEP_START_SCHOOL_DAYS);
}

/** A designated teacher's sign-off for a school the child has left (marked by the school move). */
export function signedForSchoolLeft(signOff: Pick<PepSignOffRow, 'schoolLeftOn'>, today: string): boolean {
  return signOff.schoolLeftOn !== null && signOff.schoolLeftOn <= today;
}
