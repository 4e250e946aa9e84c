// The in-memory plan of one child's life in care, before it becomes database rows.
import type { Person } from './people.ts';
import type { AuthorityFact } from '@wales-lac/wales';
import type {
  DESTINATIONS,
  EOTAS_KINDS,
  EXCLUSION_KINDS,
  GENDERS,
  IDP_MAINTAINERS,
  INTERVENTION_KINDS,
  LANGUAGES,
  LEGAL_STATUSES,
  PEP_SECTIONS,
  PEP_STATUSES,
  PLACEMENT_TYPES,
  QUALITY_RATINGS,
  SDQ_INFORMANTS,
  SIGN_OFF_ROLES,
  STAFF_ROLES,
  TARGET_OWNER_ROLES,
  TARGET_PROGRESS,
} from '@wales-lac/db';
import type { Day } from './days.ts';
import type { SchoolRow } from './types.ts';

export type Gender = (typeof GENDERS)[number];
export type Language = (typeof LANGUAGES)[number];
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export type PlacementType = (typeof PLACEMENT_TYPES)[number];
export type PepStatus = (typeof PEP_STATUSES)[number];
export type TargetProgress = (typeof TARGET_PROGRESS)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type OwnerRole = (typeof TARGET_OWNER_ROLES)[number];
export type PepSection = (typeof PEP_SECTIONS)[number];
export type SignOffRole = (typeof SIGN_OFF_ROLES)[number];
export type QualityRating = (typeof QUALITY_RATINGS)[number];
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];
export type EotasKind = (typeof EOTAS_KINDS)[number];
export type SdqInformant = (typeof SDQ_INFORMANTS)[number];
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
export type Destination = (typeof DESTINATIONS)[number];
export type IdpMaintainer = (typeof IDP_MAINTAINERS)[number];
/** The caller role of whoever wrote a PEP section (as the authority service records it). */
export type WriterRole = 'learner' | 'social-worker' | 'virtual-school-head' | 'designated-teacher';
export type TextLanguage = 'cy' | 'en';

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
  /** Filled in once staff are allocated (see pep-record.ts). */
  readonly sections: SectionPlan[];
  readonly signOffs: SignOffPlan[];
  rating: RatingPlan | null;
}

export interface SectionPlan {
  readonly section: PepSection;
  readonly body: string;
  readonly language: TextLanguage;
  readonly writtenBySubject: string;
  readonly writtenByRole: WriterRole;
  /** A professional recorded the learner's own words. */
  readonly onBehalf: boolean;
}

export interface SignOffPlan {
  readonly role: SignOffRole;
  readonly subject: string;
  readonly version: number;
  readonly signedOn: Day;
}

export interface RatingPlan {
  readonly rating: QualityRating;
  readonly comments: string;
  readonly ratedBySubject: string;
  readonly ratedOn: Day;
}

export interface ExclusionPlan {
  readonly school: SchoolRow;
  readonly kind: ExclusionKind;
  readonly start: Day;
  /** Sessions (half days); null when permanent. */
  readonly sessions: number | null;
  readonly reason: string;
}

export interface ReducedTimetablePlan {
  readonly school: SchoolRow;
  readonly start: Day;
  readonly end: Day | null;
  readonly hoursPerWeek: number;
  readonly reason: string;
}

export interface EotasPlan {
  readonly kind: EotasKind;
  readonly provider: string;
  readonly halfHoursPerWeek: number;
  readonly start: Day;
  readonly end: Day | null;
}

export interface SdqPlan {
  readonly completedOn: Day;
  readonly informant: SdqInformant;
  readonly emotional: number;
  readonly conduct: number;
  readonly hyperactivity: number;
  readonly peer: number;
  readonly prosocial: number;
}

export interface InterventionPlan {
  readonly kind: InterventionKind;
  readonly start: Day;
  readonly end: Day | null;
  readonly grantFunded: boolean;
  readonly description: string;
}

export interface IdpPlan {
  readonly maintainedBy: IdpMaintainer;
  readonly agreedOn: Day;
  readonly reviewDue: Day;
}

export interface LearningNeedPlan {
  readonly identifiedOn: Day;
  readonly summary: string;
  /** Null while no individual development plan is agreed. */
  readonly idp: IdpPlan | null;
}

export interface DestinationPlan {
  readonly recordedOn: Day;
  readonly destination: Destination;
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
  // The education record beyond the PEP, planned last (see records.ts).
  readonly exclusions: ExclusionPlan[];
  readonly reducedTimetables: ReducedTimetablePlan[];
  readonly eotas: EotasPlan[];
  readonly sdqs: SdqPlan[];
  readonly interventions: InterventionPlan[];
  readonly learningNeeds: LearningNeedPlan[];
  readonly destinations: DestinationPlan[];
}

type EducationRecord = Pick<ChildPlan, 'exclusions' | 'reducedTimetables' | 'eotas' | 'sdqs' | 'interventions' | 'learningNeeds' | 'destinations'>;

/** A child with no education record beyond the PEP yet. */
export const emptyRecord = (): EducationRecord => ({
  exclusions: [],
  reducedTimetables: [],
  eotas: [],
  sdqs: [],
  interventions: [],
  learningNeeds: [],
  destinations: [],
});

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
