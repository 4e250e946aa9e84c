// Attendance marks (the 2010 Welsh set, which follows the older English one; see WALES-FACTS.md).
// Kept as data: a revision is under consultation.
export type MarkCategory = 'present' | 'approved-activity' | 'authorised-absence' | 'unauthorised-absence' | 'not-counted';

export const ATTENDANCE_MARKS: Readonly<Record<string, MarkCategory>> = {
  '/': 'present',
  '\\': 'present',
  L: 'present',
  B: 'approved-activity',
  D: 'approved-activity',
  J: 'approved-activity',
  P: 'approved-activity',
  V: 'approved-activity',
  W: 'approved-activity',
  C: 'authorised-absence',
  E: 'authorised-absence',
  F: 'authorised-absence',
  H: 'authorised-absence',
  I: 'authorised-absence',
  M: 'authorised-absence',
  R: 'authorised-absence',
  S: 'authorised-absence',
  T: 'authorised-absence',
  G: 'unauthorised-absence',
  N: 'unauthorised-absence',
  O: 'unauthorised-absence',
  U: 'unauthorised-absence',
  X: 'not-counted',
  Y: 'not-counted',
  Z: 'not-counted',
  '#': 'not-counted',
};

/** Marks that count as attending (present or an approved educational activity). */
export const ATTENDED_MARKS = Object.keys(ATTENDANCE_MARKS).filter((m) => ['present', 'approved-activity'].includes(ATTENDANCE_MARKS[m] ?? ''));
/** Marks that are possible sessions (everything but not-counted). */
export const POSSIBLE_MARKS = Object.keys(ATTENDANCE_MARKS).filter((m) => ATTENDANCE_MARKS[m] !== 'not-counted');

/** Persistent absence in Wales: missing 10% or more of possible sessions (since 2023). */
export const PERSISTENT_ABSENCE_SHARE = 0.1;

/** Reasons a school gives for an exclusion, as codes (the categories of Welsh exclusion returns, kept as data). */
export const EXCLUSION_REASONS = [
  'persistent-disruptive-behaviour',
  'physical-assault-pupil',
  'physical-assault-adult',
  'verbal-abuse-pupil',
  'verbal-abuse-adult',
  'threatening-behaviour',
  'bullying',
  'racist-abuse',
  'sexual-misconduct',
  'drug-alcohol',
  'damage',
  'theft',
  'offensive-weapon',
  'other',
] as const;
