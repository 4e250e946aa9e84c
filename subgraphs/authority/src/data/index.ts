export { createAuthorityLoaders } from './loaders.ts';
export type { AuthorityLoaders } from './loaders.ts';
export { pageOfLearners, learnerExists } from './learners.ts';
export type { LearnerRow, LearnerPage, LearnerPageQuery, LearnerVisibility } from './learners.ts';
export type { PlacementRow, EnrolmentRow, PepRow, PepTargetRow, StaffAllocationRow } from './history.ts';
export { appendAuditRows, accessHistory } from './audit.ts';
export type { AuditRow, NewAuditRow, HistoryQuery } from './audit.ts';
export { applyOnce, appliedWrite, nextRecordId, lockLearner, lockPep, bumpPepVersion, targetWithPep, setTargetProgress } from './writes.ts';
export type { Transaction, WriteRequest, ApplyOutcome } from './writes.ts';
export type { AttendanceCounts } from './attendance.ts';
export type {
  CareEpisodeRow,
  AdditionalLearningNeedsRow,
  ExclusionRow,
  ReducedTimetableRow,
  EotasRow,
  SdqRow,
  InterventionRow,
  DestinationRow,
} from './record.ts';
export type { PepSectionRow, PepSignOffRow, PepQualityRow } from './pep-parts.ts';
export { openPepsOf, createDraftPep, writeSection, addTarget, signOff, setPepStatus, rateQuality } from './pep-writes.ts';
export type { SectionWrite, NewTarget, TargetOwnerRole } from './pep-writes.ts';
export {
  insertExclusion,
  insertReducedTimetable,
  insertEotas,
  insertSdq,
  insertIntervention,
  movePlacement,
  moveSchool,
  notify,
  recordRegister,
  setLanguagePreference,
} from './record-writes.ts';
export type { Move, MoveOutcome, SchoolMoveOutcome, EotasOutcome, NewNotification, RegisterRow } from './record-writes.ts';
export { knownDesignatedTeacher, designatedTeacherFollows, planFollowsSchoolMove } from './school-move.ts';
export type { KnownTeacher } from './school-move.ts';
export { notificationPage, notificationById, isAddressedTo, markRead } from './notifications.ts';
export type { NotificationRow, Recipient, NotificationPageQuery } from './notifications.ts';
export { alertFactsOn, raiseAlerts, dispatchDue, preferencesOf, setPreferences, STAFF_ROLE_OF_RECIPIENT } from './alerts.ts';
export type { NewAlert, OutboxRow } from './alerts.ts';
export { insertMeeting, changeMeeting, meetingHeld, answerMeeting, inviteesOf, lockMeeting } from './meetings.ts';
export type { PepMeetingRow, PepMeetingInviteeRow, MeetingInviteeRole, MeetingResponse, MeetingInvitee, NewMeeting } from './meetings.ts';
export { insertDocument, contentOfDocument } from './documents.ts';
export type { DocumentRow, DocumentSection, DocumentKind, NewDocument } from './documents.ts';
