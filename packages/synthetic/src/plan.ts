// The in-memory plan of one child's life in care, before it becomes database rows.
import type { Person } from './people.ts';
import type { AuthorityFact } from '@wales-lac/wales';
import type { GENDERS, LANGUAGES, LEGAL_STATUSES, PEP_STATUSES, PLACEMENT_TYPES, STAFF_ROLES, TARGET_PROGRESS } from '@wales-lac/db';
import type { Day } from './days.ts';
import type { SchoolRow } from './types.ts';

export type Gender = (typeof GENDERS)[number];
export type Language = (typeof LANGUAGES)[number];
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export type PlacementType = (typeof PLACEMENT_TYPES)[number];
export type PepStatus = (typeof PEP_STATUSES)[number];
export type TargetProgress = (typeof TARGET_PROGRESS)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type OwnerRole = 'designated-teacher' | 'virtual-school-head' | 'social-worker' | 'learner' | 'carer';

export interface EpisodePlan {
  readonly legalStatus: LegalStatus;
  readonly start: Day;
  readonly end: Day | null;
}

export interface PlacementPlan {
  /** Index into the child's episodes. */
  readonly episode: number;
  readonly type: PlacementType;
  /** Where the child lives; changed when the cross-border pass moves a child. */
  authorityCode: string;
  readonly start: Day;
  readonly end: Day | null;
}

export interface EnrolmentPlan {
  readonly school: SchoolRow;
  readonly start: Day;
  readonly end: Day | null;
}

export interface TargetPlan {
  readonly description: string;
  readonly ownerRole: OwnerRole;
  readonly dueOn: Day;
  readonly progress: TargetProgress;
  readonly accelerated: boolean;
}

export interface PepPlan {
  readonly status: PepStatus;
  readonly version: number;
  readonly initiatedOn: Day;
  readonly completedOn: Day | null;
  readonly lastReviewedOn: Day | null;
  readonly nextReviewDue: Day | null;
  readonly targets: TargetPlan[];
}

/** A professional as the identity provider and the authority know them. */
export interface StaffMember {
  readonly role: StaffRole;
  /** Subject at the identity provider, e.g. sw-CRF-007, vsh-CRF, dt-6812345. */
  readonly subject: string;
  readonly name: string;
  readonly email: string;
}

export interface StaffAllocationPlan {
  readonly member: StaffMember;
  readonly start: Day;
  readonly end: Day | null;
}

export interface ChildPlan extends Person {
  readonly home: AuthorityFact;
  readonly id: string;
  /** Chronological; the last is current (no end). */
  readonly episodes: EpisodePlan[];
  /** Chronological across episodes; the last is current (no end). */
  readonly placements: PlacementPlan[];
  readonly enrolments: EnrolmentPlan[];
  readonly peps: PepPlan[];
  /** Social workers (any ended one first), the education lead, then the designated teacher. */
  readonly staff: StaffAllocationPlan[];
  upn: string;
}

export function currentPlacement(child: ChildPlan): PlacementPlan {
  const placement = child.placements[child.placements.length - 1];
  if (!placement) throw new Error(`${child.id} has no placement`);
  return placement;
}

export function currentEpisode(child: ChildPlan): EpisodePlan {
  const episode = child.episodes[child.episodes.length - 1];
  if (!episode) throw new Error(`${child.id} has no care episode`);
  return episode;
}
