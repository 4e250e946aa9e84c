/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why a social worker reads the record of a child of their authority who is not on their caseload. */
export type AccessPurpose =
  /** Preparing for or attending court proceedings about the child. */
  | 'COURT'
  /** Covering for the child's allocated social worker (leave, sickness, a vacancy). */
  | 'COVERING_FOR_COLLEAGUE'
  /** On duty: the duty desk or the out-of-hours service. */
  | 'DUTY'
  /** Another purpose, said in the note (a note is then required). */
  | 'OTHER'
  /** A safeguarding concern about the child. */
  | 'SAFEGUARDING';

/** The reason a social worker gives for reading a child of their authority who is not on their caseload (decision 0026). Audited with each such read. */
export type AccessReasonInput = {
  /** What the purpose is in this case, e.g. the colleague covered for: 1 to 300 characters. Required with OTHER. */
  note?: string | null | undefined;
  /** The purpose. */
  purpose: AccessPurpose;
};

/** Where a release stands. */
export type BenchmarkReleaseState =
  /** Being built and audited; not served. */
  | 'BUILDING'
  /** Not published (the build failed or the audit found something); the release before it stays published. */
  | 'FAILED'
  /** Protected, audited and served. */
  | 'PUBLISHED';

/** How counts are published in a release. */
export type BenchmarkRounding =
  /** Counts rounded to the nearest 5, as StatsWales publishes them; rates and intervals from the exact counts. */
  | 'NEAREST_5'
  /** Exact counts (every small count hidden by disclosure control). */
  | 'NONE';

/** How a figure compares with another, by its 95% interval. */
export type Comparison =
  /** Significantly higher (the intervals do not overlap). */
  | 'HIGHER'
  /** Significantly lower. */
  | 'LOWER'
  /** Cannot be compared (suppressed, not available, a count or a figure per 100). */
  | 'NOT_COMPARABLE'
  /** Not significantly different. */
  | 'SIMILAR';

/** What a document is. */
export type DocumentKind =
  /** An assessment (educational psychology, speech and language, well-being...). */
  | 'ASSESSMENT'
  /** A letter or other correspondence. */
  | 'LETTER'
  /** Minutes or notes of a meeting. */
  | 'MINUTES'
  /** Anything else. */
  | 'OTHER'
  /** A plan (an IDP, a transition plan...). */
  | 'PLAN'
  /** A school report or progress report. */
  | 'REPORT'
  /** The child's own work or a photograph of it. */
  | 'WORK';

/** Where a document is kept on a child's record; it decides the document's field class. */
export type DocumentSection =
  /** The education record: field class education. */
  | 'EDUCATION'
  /** Attached to a version of the PEP: field class pep. */
  | 'PEP'
  /** The well-being record: field class wellbeing. */
  | 'WELLBEING';

/** The level of a geography. */
export type GeographyLevel =
  /** A local authority. */
  | 'AUTHORITY'
  /** A regional education consortium. */
  | 'REGION'
  /** Wales. */
  | 'WALES';

/** Which notification to mark as read. */
export type MarkNotificationReadInput = {
  /** A key unique to this change; a retry with the same key is applied once. */
  idempotencyKey: string;
  /** The notification's id, as the feed gives it. */
  notification: string | number;
};

/** Whether a measure is a count, a rate or a figure per 100. */
export type MeasureKind =
  /** A count of children (or of events, such as permanent exclusions): no denominator, no interval. */
  | 'COUNT'
  /** Events per 100 children of the denominator (one child can have several): not a proportion, so no interval and no comparison. */
  | 'PER_100'
  /** A share: numerator over denominator, 0 to 1, with a 95% Wilson interval. */
  | 'RATE';

/** What a notification is about. */
export type NotificationKind =
  /** Alert: attendance over the last four weeks is 10 points or more below the four weeks before. */
  | 'ATTENDANCE_DROP'
  /** Alert: attendance this term is below 90%. */
  | 'ATTENDANCE_LOW'
  /** Alert: a new exclusion (starting in the last four weeks). */
  | 'EXCLUSION'
  /** An invitation to a PEP review meeting (shown unread again when the meeting is moved or cancelled). */
  | 'PEP_MEETING_INVITATION'
  /** Alert: the PEP's review falls due within 10 school days. */
  | 'PEP_REVIEW_DUE'
  /** Alert: the PEP's review date has passed. */
  | 'PEP_REVIEW_OVERDUE'
  /** Alert: no PEP was started within the statutory period after entering care or a school move (Learner.pepStartDue has passed). */
  | 'PEP_START_OVERDUE'
  /** A child has moved to live in another authority. */
  | 'PLACEMENT_MOVE'
  /** A child is joining a school. */
  | 'SCHOOL_MOVE'
  /** Alert: an SDQ in the band of concern for its informant (completed in the last four weeks). */
  | 'SDQ_CONCERN';

/** Whether a PEP was completed within the statutory time. */
export type PepCompletionState =
  /** Completed after its due date. */
  | 'COMPLETED_LATE'
  /** Completed by its due date. */
  | 'COMPLETED_ON_TIME'
  /** Not yet completed; the due date has not passed. */
  | 'DUE'
  /** Not completed and past its due date. */
  | 'OVERDUE';

/** Whether a PEP's next statutory review is on time. */
export type PepReviewState =
  /** The next review is due within 14 days. */
  | 'DUE_SOON'
  /** No review date is set (a draft not yet completed). */
  | 'NOT_SCHEDULED'
  /** The next review is more than 14 days away. */
  | 'ON_TRACK'
  /** The review date has passed. */
  | 'OVERDUE';

/** The lifecycle state of a PEP version. */
export type PepStatus =
  /** Agreed and in force. */
  | 'AGREED'
  /** Being written. */
  | 'DRAFT'
  /** Written, awaiting the review meeting and sign-off. */
  | 'IN_REVIEW'
  /** Replaced by a later version; kept so it can be read. */
  | 'SUPERSEDED';

/** The kind of placement. */
export type PlacementType =
  /** In a children's home. */
  | 'CHILDRENS_HOME'
  /** With foster carers who are not relatives. */
  | 'FOSTER'
  /** Living independently, with support. */
  | 'INDEPENDENT_LIVING'
  /** With relatives or friends approved as foster carers (kinship). */
  | 'KINSHIP_FOSTER'
  /** Any other placement. */
  | 'OTHER'
  /** Placed for adoption. */
  | 'PLACED_FOR_ADOPTION'
  /** At a residential school. */
  | 'RESIDENTIAL_SCHOOL'
  /** In secure accommodation. */
  | 'SECURE'
  /** Placed with parents or a person with parental responsibility. */
  | 'WITH_PARENTS';

/** A role on the platform. */
export type Role =
  /** A regional consortium analyst. */
  | 'CONSORTIUM_ANALYST'
  /** A school's designated teacher for looked-after children. */
  | 'DESIGNATED_TEACHER'
  /** A child or young person. */
  | 'LEARNER'
  /** A National Delivery Group or Welsh Government analyst. */
  | 'NATIONAL_ANALYST'
  /** A social worker. */
  | 'SOCIAL_WORKER'
  /** An authority's virtual school head or LACE coordinator (education lead). */
  | 'VIRTUAL_SCHOOL_HEAD';

export type BenchmarkTrendQueryVariables = Exact<{
  measure: string | number;
  codes?: Array<string | number> | string | number | null | undefined;
  dimension?: string | null | undefined;
  category?: string | null | undefined;
}>;


export type BenchmarkTrendQuery = { benchmarkTrend: { pooledYears: number, series: Array<{ code: string, level: GeographyLevel, points: Array<{ academicYear: string, numerator: number | null, denominator: number | null, rate: number | null, lower: number | null, upper: number | null, marker: string | null, synthetic: boolean }> }> } };

export type BenchmarksQueryVariables = Exact<{
  measures?: Array<string | number> | string | number | null | undefined;
  level?: GeographyLevel | null | undefined;
  dimension?: string | null | undefined;
}>;


export type BenchmarksQuery = { benchmarks: { notReplacedBecause: string | null, ageHours: number, release: { id: string, asOf: string, state: BenchmarkReleaseState, rounding: BenchmarkRounding }, figures: Array<{ measure: string, code: string, numerator: number | null, denominator: number | null, rate: number | null, lower: number | null, upper: number | null, marker: string | null, comparedWithWales: Comparison, stale: boolean }> } };

export type CaseloadQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  homeAuthority?: string | number | null | undefined;
  placedOutOfCounty?: boolean | null | undefined;
  overduePep?: boolean | null | undefined;
  attendanceBelow?: number | null | undefined;
  excludedThisTerm?: boolean | null | undefined;
}>;


export type CaseloadQuery = { learners: { totalCount: number, edges: Array<{ node: { id: string, legalGivenName: string | null, attendanceThisTerm: { rate: number | null } | null, homeAuthority: { code: string, name: string }, currentPlacement: { type: PlacementType, authority: { code: string, name: string } } | null, currentSchool: { name: string } | null, currentPep: { status: PepStatus, reviewState: PepReviewState | null, completionDue: string, completionState: PepCompletionState } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DashboardBenchmarksQueryVariables = Exact<{
  region?: string | number | null | undefined;
  dimension?: string | null | undefined;
}>;


export type DashboardBenchmarksQuery = { benchmarks: { release: { id: string, asOf: string, state: BenchmarkReleaseState, rounding: BenchmarkRounding, snapshots: Array<{ takenAt: string, stale: boolean, authority: { code: string } }> }, measures: Array<{ id: string, kind: MeasureKind, nameEn: string, nameCy: string, available: boolean }>, figures: Array<{ measure: string, code: string, level: GeographyLevel, category: string, numerator: number | null, denominator: number | null, rate: number | null, lower: number | null, upper: number | null, marker: string | null, comparedWithWales: Comparison, authority: { code: string, region: { code: string }, statisticalNeighbours: Array<{ code: string }> } | null }> } };

export type LearnerDocumentsQueryVariables = Exact<{
  id: string | number;
}>;


export type LearnerDocumentsQuery = { me: { access: { read: Array<string>, write: Array<string> } | null }, learner: { id: string, legalGivenName: string | null, preferredName: string | null, educationDocuments: Array<{ id: string, section: DocumentSection, kind: DocumentKind, title: string, fileName: string, contentType: string, byteSize: number, uploadedAt: string, uploadedByRole: string, downloadPath: string }> | null, wellbeingDocuments: Array<{ id: string, section: DocumentSection, kind: DocumentKind, title: string, fileName: string, contentType: string, byteSize: number, uploadedAt: string, uploadedByRole: string, downloadPath: string }> | null, currentPep: { id: string, version: number, status: PepStatus, documents: Array<{ id: string, section: DocumentSection, kind: DocumentKind, title: string, fileName: string, contentType: string, byteSize: number, uploadedAt: string, uploadedByRole: string, downloadPath: string }> | null } | null } | null };

export type DocumentListingFragment = { id: string, section: DocumentSection, kind: DocumentKind, title: string, fileName: string, contentType: string, byteSize: number, uploadedAt: string, uploadedByRole: string, downloadPath: string };

export type LearnerRecordQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
  reason?: AccessReasonInput | null | undefined;
}>;


export type LearnerRecordQuery = { me: { access: { read: Array<string>, write: Array<string>, readWithReason: Array<string> } | null }, learner: { preferredName: string | null, id: string, legalGivenName: string | null, attendance: { rate: number | null, persistentlyAbsent: boolean, possibleSessions: number } | null, homeAuthority: { code: string, name: string }, currentPlacement: { type: PlacementType, authority: { code: string, name: string } } | null, currentSchool: { name: string } | null, currentPep: { status: PepStatus, reviewState: PepReviewState | null, completionDue: string, completionState: PepCompletionState } | null } | null };

export type LearnerSummaryFragment = { id: string, legalGivenName: string | null, homeAuthority: { code: string, name: string }, currentPlacement: { type: PlacementType, authority: { code: string, name: string } } | null, currentSchool: { name: string } | null, currentPep: { status: PepStatus, reviewState: PepReviewState | null, completionDue: string, completionState: PepCompletionState } | null };

export type MarkNotificationReadMutationVariables = Exact<{
  input: MarkNotificationReadInput;
}>;


export type MarkNotificationReadMutation = { markNotificationRead: { id: string, readAt: string | null } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { role: Role, authority: { code: string } | null, region: { code: string } | null } };

export type NotificationsQueryVariables = Exact<{
  unreadOnly?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NotificationsQuery = { notifications: { totalCount: number, edges: Array<{ node: { id: string, kind: NotificationKind, effectiveOn: string, createdAt: string, readAt: string | null, movesToSchool: { id: string, name: string } | null, movesToAuthority: { code: string, name: string } | null, movesFromSchool: { id: string, name: string } | null, movesFromAuthority: { code: string, name: string } | null, addressedTo:
          | { __typename: 'Authority', code: string }
          | { __typename: 'Learner', id: string }
          | { __typename: 'School', id: string }
        , learner: { id: string, preferredName: string | null, legalGivenName: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export const DocumentListingFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentListing"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedByRole"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}}]} as unknown as DocumentNode<DocumentListingFragment, unknown>;
export const LearnerSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LearnerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Learner"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalGivenName"}},{"kind":"Field","name":{"kind":"Name","value":"homeAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentPlacement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentPep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reviewState"}},{"kind":"Field","name":{"kind":"Name","value":"completionDue"}},{"kind":"Field","name":{"kind":"Name","value":"completionState"}}]}}]}}]} as unknown as DocumentNode<LearnerSummaryFragment, unknown>;
export const BenchmarkTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BenchmarkTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"codes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benchmarkTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measure"}}},{"kind":"Argument","name":{"kind":"Name","value":"codes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"codes"}}},{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pooledYears"}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYear"}},{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"marker"}},{"kind":"Field","name":{"kind":"Name","value":"synthetic"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BenchmarkTrendQuery, BenchmarkTrendQueryVariables>;
export const BenchmarksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Benchmarks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measures"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GeographyLevel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benchmarks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measures"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measures"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"release"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rounding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notReplacedBecause"}},{"kind":"Field","name":{"kind":"Name","value":"ageHours"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"marker"}},{"kind":"Field","name":{"kind":"Name","value":"comparedWithWales"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}}]}}]}}]} as unknown as DocumentNode<BenchmarksQuery, BenchmarksQueryVariables>;
export const CaseloadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Caseload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"homeAuthority"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"placedOutOfCounty"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overduePep"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attendanceBelow"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"excludedThisTerm"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"homeAuthority"},"value":{"kind":"Variable","name":{"kind":"Name","value":"homeAuthority"}}},{"kind":"Argument","name":{"kind":"Name","value":"placedOutOfCounty"},"value":{"kind":"Variable","name":{"kind":"Name","value":"placedOutOfCounty"}}},{"kind":"Argument","name":{"kind":"Name","value":"overduePep"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overduePep"}}},{"kind":"Argument","name":{"kind":"Name","value":"attendanceBelow"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attendanceBelow"}}},{"kind":"Argument","name":{"kind":"Name","value":"excludedThisTerm"},"value":{"kind":"Variable","name":{"kind":"Name","value":"excludedThisTerm"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LearnerSummary"}},{"kind":"Field","name":{"kind":"Name","value":"attendanceThisTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LearnerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Learner"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalGivenName"}},{"kind":"Field","name":{"kind":"Name","value":"homeAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentPlacement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentPep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reviewState"}},{"kind":"Field","name":{"kind":"Name","value":"completionDue"}},{"kind":"Field","name":{"kind":"Name","value":"completionState"}}]}}]}}]} as unknown as DocumentNode<CaseloadQuery, CaseloadQueryVariables>;
export const DashboardBenchmarksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardBenchmarks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benchmarks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"release"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rounding"}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"takenAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"nameCy"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"marker"}},{"kind":"Field","name":{"kind":"Name","value":"comparedWithWales"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statisticalNeighbours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardBenchmarksQuery, DashboardBenchmarksQueryVariables>;
export const LearnerDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LearnerDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"access"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"learner"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"write"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"learner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalGivenName"}},{"kind":"Field","name":{"kind":"Name","value":"preferredName"}},{"kind":"Field","name":{"kind":"Name","value":"educationDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentListing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wellbeingDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentListing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentPep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentListing"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentListing"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedByRole"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}}]} as unknown as DocumentNode<LearnerDocumentsQuery, LearnerDocumentsQueryVariables>;
export const LearnerRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LearnerRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessReasonInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"access"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"learner"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"write"}},{"kind":"Field","name":{"kind":"Name","value":"readWithReason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"learner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LearnerSummary"}},{"kind":"Field","name":{"kind":"Name","value":"preferredName"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"persistentlyAbsent"}},{"kind":"Field","name":{"kind":"Name","value":"possibleSessions"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LearnerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Learner"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalGivenName"}},{"kind":"Field","name":{"kind":"Name","value":"homeAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentPlacement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentPep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reviewState"}},{"kind":"Field","name":{"kind":"Name","value":"completionDue"}},{"kind":"Field","name":{"kind":"Name","value":"completionState"}}]}}]}}]} as unknown as DocumentNode<LearnerRecordQuery, LearnerRecordQueryVariables>;
export const MarkNotificationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const NotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"movesToSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"movesToAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"movesFromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"movesFromAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addressedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"School"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Authority"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Learner"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"learner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"preferredName"}},{"kind":"Field","name":{"kind":"Name","value":"legalGivenName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;