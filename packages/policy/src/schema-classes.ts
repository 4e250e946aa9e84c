// Every field of the federated schema that touches a learner, mapped to its field class. A type in the
// schema that is in neither list below fails the policy test, so no new field is ever silently public.
import type { FieldClass } from './model.ts';

/** 'record': that the record exists and whose it is (ids, home authority, what the caller may do). */
export type FieldClassification = FieldClass | 'record';

export interface ClassifiedType {
  /** How to find the child a value of this type belongs to, from the value (the parent of its fields). */
  readonly learnerIdOf: 'id' | 'learnerId';
  readonly fields: Readonly<Record<string, FieldClassification>>;
}

export const LEARNER_DATA: Readonly<Record<string, ClassifiedType>> = {
  Learner: {
    learnerIdOf: 'id',
    fields: {
      id: 'record',
      homeAuthority: 'record',
      viewerAccess: 'record',
      legalGivenName: 'identity',
      legalFamilyName: 'identity',
      preferredName: 'identity',
      dateOfBirth: 'identity',
      gender: 'identity',
      upn: 'identity',
      languagePreference: 'identity',
      careStatus: 'care',
      currentPlacement: 'care',
      placements: 'care',
      currentSchool: 'education',
      enrolments: 'education',
      currentPep: 'pep',
      peps: 'pep',
      // Care, not pep: while no plan has been started it tells when the child came into care.
      pepStartDue: 'care',
      pepStartOverdue: 'care',
      contacts: 'contacts',
      attendance: 'education',
      attendanceThisTerm: 'education',
      legalStatus: 'care',
      careEpisodes: 'care',
      additionalLearningNeeds: 'education',
      exclusions: 'education',
      reducedTimetables: 'education',
      educationOtherThanAtSchool: 'education',
      sdqAssessments: 'wellbeing',
      interventions: 'pep',
      camhsReferrals: 'wellbeing',
      destinations: 'education',
      // Documents are read under the class of the section they are kept in (decision 0034).
      educationDocuments: 'education',
      wellbeingDocuments: 'wellbeing',
    },
  },
  PersonalEducationPlan: {
    learnerIdOf: 'learnerId',
    fields: {
      id: 'record',
      learner: 'record',
      viewerAccess: 'record',
      status: 'pep',
      version: 'pep',
      initiatedOn: 'pep',
      completedOn: 'pep',
      completionDue: 'pep',
      completionState: 'pep',
      lastReviewedOn: 'pep',
      nextReviewDue: 'pep',
      reviewState: 'pep',
      targets: 'pep',
      allAboutMe: 'voice',
      schoolPicture: 'pep',
      support: 'pep',
      carerViews: 'pep',
      socialWorkerViews: 'pep',
      reviewActions: 'pep',
      educationPicture: 'education',
      signOffs: 'pep',
      requiredSigners: 'pep',
      quality: 'pep',
      meetings: 'pep',
      documents: 'pep',
    },
  },
  // A PEP review meeting: when, where, who is invited and their answers are the plan's (decision 0030).
  PepMeeting: {
    learnerIdOf: 'learnerId',
    fields: {
      id: 'record',
      viewerAccess: 'record',
      pep: 'pep',
      status: 'pep',
      version: 'pep',
      date: 'pep',
      startTime: 'pep',
      place: 'pep',
      onlineLink: 'pep',
      invitees: 'pep',
      minutesRecordedIn: 'pep',
      scheduledByRole: 'pep',
    },
  },
};

/**
 * Types whose values are only reachable through a classified field of a learner-data type: the
 * parent field's rule covers them (Placement only through Learner.currentPlacement/placements, ...).
 */
export const REACHED_THROUGH_CLASSIFIED_FIELDS: readonly string[] = [
  'Placement',
  'Enrolment',
  'PepTarget',
  'Contact',
  'Access',
  'AccessEntry',
  // Only inside an AccessEntry (the access history).
  'AccessReason',
  'AttendanceSummary',
  'CareEpisode',
  'AdditionalLearningNeeds',
  'Exclusion',
  'ReducedTimetable',
  'EducationOtherThanAtSchool',
  'SdqAssessment',
  'Intervention',
  'DestinationRecord',
  'PepSection',
  'EducationPicture',
  'PepSignOff',
  'PepQuality',
  // Only inside a PepMeeting.
  'PepMeetingInvitee',
  // Only through Learner.educationDocuments, Learner.wellbeingDocuments and PersonalEducationPlan.documents.
  'Document',
  // Only through the gateway's own fields for /documents (uploadDocument, documentContent: not in the public
  // API), whose resolvers check the class of the document's section themselves and audit it (decision 0034).
  'DocumentPayload',
  'DocumentContent',
];

/** Types that hold no personal data about a child. */
export const NOT_PERSONAL: readonly string[] = [
  'Query',
  'Mutation',
  'Authority',
  'Region',
  'School',
  'Me',
  'PageInfo',
  'LearnerConnection',
  'LearnerEdge',
  'AccessHistoryConnection',
  'AccessHistoryEdge',
  'RecordTargetProgressPayload',
  'PepChangePayload',
  'RecordChangePayload',
  'RecordAttendancePayload',
  'PepMeetingPayload',
  // Addressed to one recipient (Query.notifications filters by the caller's school, authority or
  // caseload); its learner, and a Learner it is addressed to, are read under the Learner rules.
  'Notification',
  'NotificationConnection',
  'NotificationEdge',
  // A person's own choice of delivery per kind (decision 0029): about them, not about a child.
  'NotificationPreference',
  // Labels and section texts in Welsh and English: the same for everyone.
  'Term',
  'PepSectionText',
  // Anonymised aggregates (field class aggregate): who sees which figures is decided by the benchmarks service.
  'BenchmarkReport',
  'BenchmarkMeasure',
  'BenchmarkFigure',
  'BenchmarkRefresh',
  'BenchmarkRelease',
  'BenchmarkReleaseSnapshot',
  'BenchmarkAudit',
  'NeighbourComparison',
  'BenchmarkTrend',
  'BenchmarkTrendSeries',
  'BenchmarkTrendPoint',
];

export function classificationOf(typeName: string, fieldName: string): FieldClassification | undefined {
  return LEARNER_DATA[typeName]?.fields[fieldName];
}
