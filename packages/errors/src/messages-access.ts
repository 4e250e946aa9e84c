// Messages of who may do what: UNAUTHENTICATED and FORBIDDEN. A role is shown by its code ('rôl
// designated-teacher'), which Welsh can name without mutating it. Welsh to be reviewed by a Welsh speaker.

export const UNAUTHENTICATED_MESSAGES = {
  noToken: { en: 'send an identity token as "Authorization: Bearer <token>"', cy: 'anfonwch docyn hunaniaeth fel "Authorization: Bearer <token>"' },
  tokenRefused: { en: 'identity token refused: {reason}', cy: 'gwrthodwyd y tocyn hunaniaeth: {reason}' },
  noCaller: { en: 'no authenticated caller', cy: "nid oes galwr wedi'i ddilysu" },
  assertionRefused: { en: '{reason}', cy: 'gwrthodwyd datganiad y porth: {reason}' },
  assertionUnchecked: { en: 'gateway assertion could not be checked', cy: 'nid oedd modd gwirio datganiad y porth' },
} as const;

/** Reading beyond the caseload without a reason (decision 0026). */
export const REASON_REQUIRED_MESSAGES = {
  recordNeedsReason: {
    en: 'learner {id} is not on your caseload: say why you are reading their record (reason: a purpose, and a note)',
    cy: "nid yw'r dysgwr {id} ar eich llwyth achosion: dywedwch pam rydych chi'n darllen ei gofnod (reason: diben, a nodyn)",
  },
  fieldNeedsReason: {
    en: '{type}.{field}: this child is not on your caseload; say why (reason: a purpose, and a note) to read {what}',
    cy: "{type}.{field}: nid yw'r plentyn hwn ar eich llwyth achosion; dywedwch pam (reason: diben, a nodyn) i ddarllen {what}",
  },
  listNeedsReason: {
    en: "a {role}'s {relationship} list holds children who are not on their caseload: say why (reason: a purpose, and a note)",
    cy: 'mae rhestr {relationship} rôl {role} yn cynnwys plant nad ydynt ar ei llwyth achosion: dywedwch pam (reason: diben, a nodyn)',
  },
} as const;

export const FORBIDDEN_MESSAGES = {
  filterRefused: {
    en: 'a {role} may not filter by {argument}: it reads {fieldClass} fields, which a {role} does not see',
    cy: "ni chaiff rôl {role} hidlo yn ôl {argument}: mae'n darllen meysydd {fieldClass}, nad yw rôl {role} yn eu gweld",
  },
  readRefused: {
    en: '{type}.{field}: a {role} with this relationship to the child may not read {what}',
    cy: "{type}.{field}: ni chaiff rôl {role} sydd â'r berthynas hon â'r plentyn ddarllen {what}",
  },
  classFields: { en: '{fieldClass} fields', cy: 'meysydd {fieldClass}' },
  accessUnchecked: { en: '{type}.{field}: access could not be checked', cy: "{type}.{field}: nid oedd modd gwirio'r mynediad" },
  anonymisedOnly: {
    en: 'a {role} sees anonymised figures only, never an individual child',
    cy: 'dim ond ffigurau dienw y mae rôl {role} yn eu gweld, byth blentyn unigol',
  },
  noRule: { en: 'no rule grants access to this field', cy: "nid oes rheol sy'n rhoi mynediad i'r maes hwn" },
  accessHistoryRole: {
    en: "a {role} may not read a child's access history; it is for the home authority's virtual school head",
    cy: 'ni chaiff rôl {role} ddarllen hanes mynediad plentyn; mae ar gyfer pennaeth ysgol rithwir yr awdurdod cartref',
  },
  accessHistoryLead: {
    en: "only the home authority's education lead may read a child's access history",
    cy: 'dim ond arweinydd addysg yr awdurdod cartref a gaiff ddarllen hanes mynediad plentyn',
  },
  noBenchmarks: { en: 'a {role} does not see national benchmarks', cy: 'nid yw rôl {role} yn gweld meincnodau cenedlaethol' },
  noNotifications: {
    en: 'a {role} has no notifications: they go to schools, authorities’ education leads and children’s social workers',
    cy: "nid oes hysbysiadau gan rôl {role}: maen nhw'n mynd i ysgolion, i arweinwyr addysg awdurdodau ac i weithwyr cymdeithasol plant",
  },
  onlyRoles: { en: '{operation}: only a {roles} may do this', cy: '{operation}: dim ond rôl {roles} a gaiff wneud hyn' },
  noWriteRule: { en: '{operation}: no write rule covers this change', cy: "{operation}: nid oes rheol ysgrifennu sy'n cwmpasu'r newid hwn" },
  mayNeverWrite: { en: '{operation}: a {role} may not write {classes} fields', cy: '{operation}: ni chaiff rôl {role} ysgrifennu meysydd {classes}' },
  noSubscriptions: { en: 'subscriptions are not served', cy: 'ni chynigir tanysgrifiadau' },
  noRelationship: {
    en: 'you have no relationship with learner {id} that lets you see their record',
    cy: "nid oes gennych berthynas â'r dysgwr {id} sy'n caniatáu i chi weld ei gofnod",
  },
  writeRefused: { en: '{operation}: {reason}', cy: 'gwrthodwyd {operation}: {reason}' },
  mayNotWriteClass: {
    en: 'a {role} with this relationship to the child may not write {fieldClass} fields',
    cy: "ni chaiff rôl {role} sydd â'r berthynas hon â'r plentyn ysgrifennu meysydd {fieldClass}",
  },
  sectionWriters: {
    en: "a {role} does not write the '{section}' section (written by: {writers})",
    cy: "nid yw rôl {role} yn ysgrifennu'r adran '{section}' (fe'i hysgrifennir gan: {writers})",
  },
  supportByProfessionals: {
    en: 'support is recorded by the professionals working with the child',
    cy: "y gweithwyr proffesiynol sy'n gweithio gyda'r plentyn sy'n cofnodi cymorth",
  },
  pepStarters: {
    en: "a PEP is started by the home authority's education lead or the allocated social worker",
    cy: "arweinydd addysg yr awdurdod cartref neu'r gweithiwr cymdeithasol dyranedig sy'n dechrau CAP",
  },
  pepSigners: {
    en: 'a PEP is signed off by the home education lead, the allocated social worker or the designated teacher of the child’s school',
    cy: "arweinydd addysg yr awdurdod cartref, y gweithiwr cymdeithasol dyranedig neu athro dynodedig ysgol y plentyn sy'n llofnodi CAP",
  },
  qualityRater: { en: "PEP quality is rated by the home authority's education lead", cy: "arweinydd addysg yr awdurdod cartref sy'n graddio ansawdd CAP" },
  ownSchoolOnly: {
    en: 'a designated teacher records for their own school ({school}) only',
    cy: 'dim ond ar gyfer ei ysgol ei hun ({school}) y mae athro dynodedig yn cofnodi',
  },
  homeLeadOnly: { en: "a school move is recorded by the home authority's education lead", cy: "arweinydd addysg yr awdurdod cartref sy'n cofnodi symud ysgol" },
  attendanceRefused: {
    en: "a {role} may not record this child's attendance at school {school}",
    cy: 'ni chaiff rôl {role} gofnodi presenoldeb y plentyn hwn yn ysgol {school}',
  },
  registerRefused: {
    en: 'marks[{row}] (learner {learner}): {problem}; the register was not recorded ({count} {rows} refused)',
    cy: 'marks[{row}] (dysgwr {learner}): {problem}; ni chofnodwyd y gofrestr (gwrthodwyd {count} {rows})',
  },
  meetingArrangers: {
    en: "a PEP meeting is arranged by the home authority's education lead or the designated teacher of the child's school",
    cy: "arweinydd addysg yr awdurdod cartref neu athro dynodedig ysgol y plentyn sy'n trefnu cyfarfod CAP",
  },
  notInvited: {
    en: 'you are not among the invitees of this meeting ({roles}): each invitee answers for themselves',
    cy: "nid ydych ymhlith gwahoddedigion y cyfarfod hwn ({roles}): mae pob gwahoddedig yn ateb drosto'i hun",
  },
  regionRefused: {
    en: "a consortium analyst of {own} does not see region {region}'s figures",
    cy: 'nid yw dadansoddwr consortiwm {own} yn gweld ffigurau rhanbarth {region}',
  },
  codesRefused: { en: 'a consortium analyst of {own} does not see {codes}', cy: 'nid yw dadansoddwr consortiwm {own} yn gweld {codes}' },
  refreshNational: { en: 'only a national analyst may refresh the benchmarks', cy: "dim ond dadansoddwr cenedlaethol a gaiff adnewyddu'r meincnodau" },
} as const;
