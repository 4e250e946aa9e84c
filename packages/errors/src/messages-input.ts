// Messages of BAD_USER_INPUT: what is wrong with an argument. Argument and field names (first, upn,
// idempotencyKey…) are the API's and stay as they are in Welsh. Welsh to be reviewed by a Welsh speaker.

export const BAD_USER_INPUT_MESSAGES = {
  // Ids and codes
  notALearnerId: { en: "'{id}' is not a learner id", cy: "nid yw '{id}' yn ddynodydd dysgwr" },
  learnerIdShape: {
    en: "'{id}' is not a learner id: ids begin with the GSS code of a Welsh authority, e.g. W06000015:L000042",
    cy: "nid yw '{id}' yn ddynodydd dysgwr: mae dynodyddion yn dechrau gyda chod GSS awdurdod yng Nghymru, e.e. W06000015:L000042",
  },
  notARecordId: { en: "{field}: '{id}' is not a {what} id", cy: "{field}: nid yw '{id}' yn ddynodydd {what}" },
  notAnAuthorityCode: { en: "'{value}' is not a Welsh authority GSS code", cy: "nid yw '{value}' yn god GSS awdurdod yng Nghymru" },
  fieldNotAnAuthorityCode: { en: "{field}: '{value}' is not a Welsh authority GSS code", cy: "{field}: nid yw '{value}' yn god GSS awdurdod yng Nghymru" },
  notASchoolNumber: {
    en: "{field}: '{id}' is not a Welsh school number (seven digits beginning with an authority's number)",
    cy: "{field}: nid yw '{id}' yn rhif ysgol yng Nghymru (saith digid yn dechrau gyda rhif awdurdod)",
  },
  notASchool: { en: "{field}: '{id}' is not a Welsh school number", cy: "{field}: nid yw '{id}' yn rhif ysgol yng Nghymru" },
  notSevenDigits: { en: "'{id}' is not a seven-digit school number", cy: "nid yw '{id}' yn rhif ysgol saith digid" },
  notAnEnum: { en: "'{name}' is not an enum of the API", cy: "nid yw '{name}' yn enum o'r API" },
  notAnEnumValue: {
    en: "{field}: '{value}' is not a value of {enum}; use one of {allowed}",
    cy: "{field}: nid yw '{value}' yn werth {enum}; defnyddiwch un o {allowed}",
  },
  notAnEnumValueOf: { en: "{field}: '{value}' is not a value of {enum}", cy: "{field}: nid yw '{value}' yn werth {enum}" },
  // Lists and pages
  pageSize: { en: 'first must be between 1 and {max}', cy: 'rhaid i first fod rhwng 1 a {max}' },
  fieldPageSize: { en: '{field}: first must be between 1 and {max}', cy: '{field}: rhaid i first fod rhwng 1 a {max}' },
  firstNotANumber: { en: 'first must be a number', cy: 'rhaid i first fod yn rhif' },
  notACursor: { en: 'after is not a cursor from this API', cy: "nid yw after yn gyrchwr o'r API hwn" },
  fieldNotACursor: { en: '{field}: is not a cursor from this API', cy: "{field}: nid yw'n gyrchwr o'r API hwn" },
  notACursorOfList: { en: 'after is not a cursor from this list', cy: "nid yw after yn gyrchwr o'r rhestr hon" },
  attendanceShare: { en: 'attendanceBelow is a share from 0 to 1, e.g. 0.9', cy: 'mae attendanceBelow yn gyfran o 0 i 1, e.e. 0.9' },
  invalidUpn: { en: "upn: '{upn}' is not a valid UPN ({problem})", cy: "upn: nid yw '{upn}' yn UPN dilys ({problem})" },
  upnLength: { en: 'a UPN has 13 characters', cy: 'mae gan UPN 13 nod' },
  upnShape: { en: 'a UPN is a check letter, 11 digits and a final digit or letter', cy: 'mae UPN yn llythyren wirio, 11 digid a digid neu lythyren olaf' },
  upnCheckLetter: { en: 'check letter should be {expected}', cy: "dylai'r llythyren wirio fod yn {expected}" },
  upnNotText: { en: 'a UPN is a string', cy: 'llinyn yw UPN' },
  reasonPurposeUnknown: { en: 'reason.purpose must be one of {values}, not {value}', cy: 'rhaid i reason.purpose fod yn un o {values}, nid {value}' },
  reasonNoteTooLong: { en: 'reason.note is {length} characters long; at most {max}', cy: 'mae reason.note yn {length} nod o hyd; {max} ar y mwyaf' },
  reasonNoteEmpty: { en: 'reason.note is empty: leave it out, or say why', cy: 'mae reason.note yn wag: gadewch ef allan, neu dywedwch pam' },
  reasonNoteNotText: { en: 'reason.note must be text', cy: 'rhaid i reason.note fod yn destun' },
  reasonOtherNeedsNote: {
    en: 'reason.purpose OTHER needs a note saying what the purpose is',
    cy: "mae angen nodyn ar reason.purpose OTHER yn dweud beth yw'r diben",
  },
  relationshipUnknown: { en: 'relationship must be one of {values}', cy: 'rhaid i relationship fod yn un o {values}' },
  relationshipNever: {
    en: 'a {role} never holds the {relationship} relationship to a child, so has no such list',
    cy: "nid oes gan rôl {role} fyth y berthynas {relationship} â phlentyn, felly nid oes ganddi restr o'r fath",
  },
  fromAfterTo: { en: 'from must not be after to', cy: 'rhaid i from beidio â bod ar ôl to' },
  reservedAlias: { en: 'aliases beginning with {prefix} are reserved ({alias})', cy: "mae arallenwau sy'n dechrau gyda {prefix} wedi'u cadw ({alias})" },
  noSubscriptions: { en: 'subscriptions are not served', cy: 'ni chynigir tanysgrifiadau' },
  // Changes
  preferenceChoices: { en: '{field}: give 1 to {max} choices', cy: '{field}: rhowch 1 i {max} dewis' },
  preferenceKindTwice: { en: '{field}: {kind} is chosen more than once', cy: '{field}: dewiswyd {kind} fwy nag unwaith' },
  preferencesAlone: {
    en: 'setNotificationPreferences is sent on its own, not with other changes',
    cy: 'anfonir setNotificationPreferences ar ei ben ei hun, nid gyda newidiadau eraill',
  },
  registerAlone: {
    en: 'recordAttendance is sent on its own, not with other changes',
    cy: 'anfonir recordAttendance ar ei ben ei hun, nid gyda newidiadau eraill',
  },
  changeNamesNoRecord: {
    en: 'a change must name a record id of the authority that owns it',
    cy: "rhaid i newid enwi dynodydd cofnod yr awdurdod sy'n berchen arno",
  },
  changeSpansAuthorities: { en: 'a change must concern the records of exactly one authority', cy: 'rhaid i newid ymwneud â chofnodion un awdurdod yn unig' },
  keyShape: {
    en: '{field}: must be 8 to 200 printable characters without spaces',
    cy: '{field}: rhaid iddo fod yn 8 i 200 o nodau argraffadwy heb fylchau',
  },
  keyReused: {
    en: '{field}: this idempotency key was already used for a different change',
    cy: '{field}: defnyddiwyd yr idempotencyKey hwn eisoes ar gyfer newid gwahanol',
  },
  notADate: { en: "{field}: '{value}' is not a date in the form YYYY-MM-DD", cy: "{field}: nid yw '{value}' yn ddyddiad ar y ffurf BBBB-MM-DD" },
  notARealDate: { en: "{field}: '{value}' is not a real calendar date", cy: "{field}: nid yw '{value}' yn ddyddiad calendr go iawn" },
  inTheFuture: { en: '{field}: {value} is in the future (today is {today})', cy: '{field}: mae {value} yn y dyfodol (heddiw yw {today})' },
  beforeDate: { en: '{field}: {value} is before {what} ({date})', cy: '{field}: mae {value} cyn {what} ({date})' },
  afterDate: { en: '{field}: {value} is after {what} ({date})', cy: '{field}: mae {value} ar ôl {what} ({date})' },
  dayAfterOpen: { en: 'the day after the {what} that started on {date}', cy: 'y diwrnod ar ôl y {what} a ddechreuodd ar {date}' },
  notASchoolDay: { en: '{field}: {value} is not a school day in the school calendar', cy: '{field}: nid yw {value} yn ddiwrnod ysgol yn y calendr ysgol' },
  empty: { en: '{field}: must not be empty', cy: '{field}: rhaid iddo beidio â bod yn wag' },
  emptyFile: { en: '{field}: the file is empty', cy: "{field}: mae'r ffeil yn wag" },
  notBase64: { en: '{field}: is not base64', cy: '{field}: nid yw yn base64' },
  pepForPepSection: {
    en: '{field}: name the plan the document is attached to when its section is PEP, and only then',
    cy: "{field}: enwch y cynllun y mae'r ddogfen wedi'i hatodi iddo pan mai PEP yw ei hadran, a dim ond bryd hynny",
  },
  pepOfAnotherChild: { en: '{field}: PEP {id} is not a plan of learner {learner}', cy: '{field}: nid yw CAP {id} yn gynllun i ddysgwr {learner}' },
  formFieldMissing: { en: '{field}: missing from the form; the form needs {fields}', cy: "{field}: ar goll o'r ffurflen; mae'r ffurflen angen {fields}" },
  formFieldUnknown: { en: '{field}: is not a field of the form; its fields are {fields}', cy: "{field}: nid yw'n faes o'r ffurflen; ei meysydd yw {fields}" },
  formFieldTwice: { en: '{field}: sent more than once; send one', cy: '{field}: anfonwyd mwy nag unwaith; anfonwch un' },
  formFieldTooLong: { en: '{field}: is longer than {max} characters', cy: "{field}: mae'n hirach na {max} nod" },
  tooLong: { en: '{field}: must be at most {max} characters (got {length})', cy: '{field}: rhaid iddo fod yn {max} nod ar y mwyaf (cafwyd {length})' },
  wholeNumber: {
    en: '{field}: must be a whole number from {min} to {max} (got {value})',
    cy: '{field}: rhaid iddo fod yn rhif cyfan o {min} i {max} (cafwyd {value})',
  },
  positiveWhole: { en: '{field}: must be a positive whole number', cy: '{field}: rhaid iddo fod yn rhif cyfan positif' },
  halfHours: {
    en: '{field}: must be more than 0 and at most {max}, in steps of half an hour (got {value})',
    cy: '{field}: rhaid iddo fod yn fwy na 0 ac yn {max} ar y mwyaf, fesul hanner awr (cafwyd {value})',
  },
  notOnRoll: {
    en: '{field}: the child was not on the roll of school {school} on {date}',
    cy: '{field}: nid oedd y plentyn ar gofrestr ysgol {school} ar {date}',
  },
  alreadyOnRoll: { en: '{field}: the child is already on the roll of school {school}', cy: "{field}: mae'r plentyn eisoes ar gofrestr ysgol {school}" },
  permanentNoSessions: { en: '{field}: a permanent exclusion has no number of sessions', cy: '{field}: nid oes nifer o sesiynau i waharddiad parhaol' },
  notAnExclusionReason: {
    en: "{field}: '{value}' is not an exclusion reason code (one of {codes})",
    cy: "{field}: nid yw '{value}' yn god rheswm dros wahardd (un o {codes})",
  },
  eotasOverlap: {
    en: '{field}: the period overlaps education other than at school of the same kind ({kind}) already recorded: {id}, from {from} {until}',
    cy: "{field}: mae'r cyfnod yn gorgyffwrdd ag addysg heblaw yn yr ysgol o'r un math ({kind}) a gofnodwyd eisoes: {id}, o {from} {until}",
  },
  untilDate: { en: 'to {date}', cy: 'hyd at {date}' },
  sectionLanguage: {
    en: '{field}: a PEP section is written in Welsh (CY) or English (EN)',
    cy: '{field}: ysgrifennir adran CAP yn Gymraeg (CY) neu yn Saesneg (EN)',
  },
  // PEP review meetings
  meetingTime: {
    en: "{field}: '{value}' is not a start time: HH:MM on the 24-hour clock, local time in Wales",
    cy: "{field}: nid yw '{value}' yn amser dechrau: HH:MM ar y cloc 24 awr, amser lleol yng Nghymru",
  },
  meetingWhereMissing: {
    en: '{field}: a meeting needs a place or an online link (exactly one)',
    cy: '{field}: mae angen lle neu ddolen ar-lein ar gyfer cyfarfod (un yn union)',
  },
  meetingWhereBoth: { en: '{field}: give a place or an online link, not both', cy: '{field}: rhowch le neu ddolen ar-lein, nid y ddau' },
  meetingLinkNotHttps: {
    en: "{field}: an online link is an https:// address (got '{value}')",
    cy: "{field}: cyfeiriad https:// yw dolen ar-lein (cafwyd '{value}')",
  },
  inviteeTwice: { en: '{field}: {role} is invited twice', cy: '{field}: gwahoddir {role} ddwywaith' },
  inviteeUnreachable: { en: '{field}: the child has no {role} to invite today ({why})', cy: "{field}: nid oes gan y plentyn {role} i'w wahodd heddiw ({why})" },
  minutesSectionTwice: {
    en: '{field}: section {section} appears twice in the minutes',
    cy: '{field}: mae adran {section} yn ymddangos ddwywaith yn y cofnodion',
  },
  minutesNotChildsWords: {
    en: "{field}: the minutes do not write All about me: it is the child's own words (writePepSection)",
    cy: "{field}: nid yw'r cofnodion yn ysgrifennu Popeth amdana i: geiriau'r plentyn ei hun ydynt (writePepSection)",
  },
  meetingNotYetHeld: {
    en: '{field}: the meeting is on {date}: its minutes are recorded on or after that day',
    cy: "{field}: mae'r cyfarfod ar {date}: cofnodir ei gofnodion ar y diwrnod hwnnw neu wedyn",
  },
  // The attendance register
  registerRows: { en: '{field}: a register holds 1 to {max} rows (got {count})', cy: '{field}: mae cofrestr yn dal rhwng 1 a {max} rhes (cafwyd {count})' },
  registerEmpty: { en: '{field}: a register holds at least one row', cy: '{field}: mae cofrestr yn dal o leiaf un rhes' },
  registerBadLearner: {
    en: "marks[{row}]: '{id}' is not a learner id; the register was not recorded",
    cy: "marks[{row}]: nid yw '{id}' yn ddynodydd dysgwr; ni chofnodwyd y gofrestr",
  },
  registerRefused: {
    en: 'marks[{row}] (learner {learner}): {problem}; the register was not recorded ({count} {rows} refused)',
    cy: 'marks[{row}] (dysgwr {learner}): {problem}; ni chofnodwyd y gofrestr (gwrthodwyd {count} {rows})',
  },
  rowNotOfAuthority: { en: "'{id}' is not a learner of {authority}", cy: "nid yw '{id}' yn ddysgwr yn {authority}" },
  rowTwice: { en: 'the child appears twice in the register', cy: "mae'r plentyn yn ymddangos ddwywaith yn y gofrestr" },
  rowBadMark: { en: "{session} mark '{mark}' is not a Welsh register code", cy: "nid yw marc {session} '{mark}' yn god cofrestr yng Nghymru" },
  rowNoLearner: { en: 'no learner {id} in {authority}', cy: 'nid oes dysgwr {id} yn {authority}' },
  rowNotOnRoll: { en: 'the child was not on the roll of school {school} on {date}', cy: 'nid oedd y plentyn ar gofrestr ysgol {school} ar {date}' },
  // National benchmarks
  unknownMeasure: { en: 'unknown measure {given}; measures are {known}', cy: 'mesur anhysbys {given}; y mesurau yw {known}' },
  unknownDimension: { en: 'unknown dimension {given}; dimensions are {known}', cy: 'dimensiwn anhysbys {given}; y dimensiynau yw {known}' },
  unknownCategory: {
    en: 'unknown category {given} of {dimension}; its categories are {known}',
    cy: 'categori anhysbys {given} o {dimension}; ei gategorïau yw {known}',
  },
  unknownRegion: { en: 'unknown region {given}; regions are {known}', cy: 'rhanbarth anhysbys {given}; y rhanbarthau yw {known}' },
  unknownGeography: {
    en: "unknown geography {given}: codes are authorities' GSS codes, region codes or {wales}",
    cy: "daearyddiaeth anhysbys {given}: codau GSS awdurdodau, codau rhanbarth neu {wales} yw'r codau",
  },
  notAReleaseId: {
    en: 'release {given} is not a release id (a whole number from benchmarkReleases)',
    cy: 'nid yw release {given} yn ddynodydd rhyddhad (rhif cyfan o benchmarkReleases)',
  },
  noSuchRelease: {
    en: 'there is no published benchmark release {id}; benchmarkReleases lists them',
    cy: 'nid oes rhyddhad meincnodau cyhoeddedig {id}; mae benchmarkReleases yn eu rhestru',
  },
  releasesFirst: { en: 'first must be 1 to {max}, not {given}', cy: 'rhaid i first fod rhwng 1 a {max}, nid {given}' },
  tooManyCodes: { en: 'at most {max} codes, not {given}', cy: '{max} cod ar y mwyaf, nid {given}' },
  // A library's refusal of the claims the explorer's role picker sent
  claimsRefused: { en: '{reason}', cy: 'gwrthodwyd yr hawliadau: {reason}' },
} as const;
