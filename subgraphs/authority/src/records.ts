// Domain rules over stored rows: what "current" means, and how a PEP's review date reads today.
import { addSchoolDays } from '@wales-lac/wales';
import type { EnrolmentRow, PepRow, PlacementRow } from './data/index.ts';

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
export function currentPep(peps: readonly PepRow[]): PepRow | null {
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
