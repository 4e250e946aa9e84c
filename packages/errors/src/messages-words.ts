// Words put into messages as details (what kind of record, which date), in both languages.
// Welsh to be reviewed by a Welsh speaker.

export const WORDS = {
  learner: { en: 'learner', cy: 'dysgwr' },
  pep: { en: 'PEP', cy: 'CAP' },
  target: { en: 'target', cy: 'targed' },
  notification: { en: 'notification', cy: 'hysbysiad' },
  meeting: { en: 'PEP meeting', cy: 'cyfarfod CAP' },
  document: { en: 'document', cy: 'dogfen' },
  noSchoolRoll: { en: 'they are on no school roll', cy: 'nid ydynt ar gofrestr unrhyw ysgol' },
  noSocialWorker: { en: 'no social worker is allocated', cy: 'ni ddyrannwyd gweithiwr cymdeithasol' },
  placement: { en: 'placement', cy: 'lleoliad' },
  enrolment: { en: 'enrolment', cy: 'cofrestriad' },
  authority: { en: 'authority', cy: 'awdurdod' },
  today: { en: 'today', cy: 'heddiw' },
  yearFromToday: { en: 'a year from today', cy: 'blwyddyn o heddiw' },
  ninetyDaysFromToday: { en: '90 days from today', cy: '90 diwrnod o heddiw' },
  dateOfBirth: { en: 'the child’s date of birth', cy: "dyddiad geni'r plentyn" },
  thisRecord: { en: 'this record', cy: 'y cofnod hwn' },
  noEnd: { en: 'with no end', cy: 'heb ddyddiad gorffen' },
  none: { en: 'none', cy: 'dim' },
  nobody: { en: 'none', cy: 'neb' },
  noReason: { en: 'no reason recorded', cy: 'ni chofnodwyd rheswm' },
  row: { en: 'row', cy: 'rhes' },
  rows: { en: 'rows', cy: 'rhes' },
} as const;

/** Items joined by "or" in each language: 'a or b' / 'a neu b'. */
export function eitherOf(items: readonly string[]): { readonly en: string; readonly cy: string } {
  return { en: items.join(' or '), cy: items.join(' neu ') };
}
