// A Welsh and an English label for every value of every enum of the public GraphQL API, keyed by the
// enum's name and the value's name as the schema shows them. Welsh follows the Welsh Government's terms
// where it has them (Cynllun Addysg Personol, plentyn sy'n derbyn gofal, gwaharddiad cyfnod penodol…).
// An enum added to the schema without labels here fails this package's tests, naming the enum.

/** The two languages every label and text is written in. */
export type Language = 'en' | 'cy';

export const LANGUAGES: readonly Language[] = ['en', 'cy'];

/** One text in English and in Welsh: both are required, so a missing language does not type-check. */
export interface Bilingual {
  readonly en: string;
  readonly cy: string;
}

export const ENUM_LABELS = {
  AccessAction: {
    READ: { en: 'Read', cy: 'Darllen' },
    WRITE: { en: 'Write', cy: 'Ysgrifennu' },
  },
  AccessDecision: {
    ALLOWED: { en: 'Allowed', cy: 'Caniatawyd' },
    DENIED: { en: 'Refused', cy: 'Gwrthodwyd' },
  },
  // Why a social worker reads a child not on their caseload (decision 0026).
  AccessPurpose: {
    SAFEGUARDING: { en: 'Safeguarding', cy: 'Diogelu' },
    COVERING_FOR_COLLEAGUE: { en: 'Covering for a colleague', cy: 'Cyflenwi dros gydweithiwr' },
    DUTY: { en: 'On duty', cy: 'Ar ddyletswydd' },
    COURT: { en: 'Court proceedings', cy: 'Achos llys' },
    OTHER: { en: 'Another purpose', cy: 'Diben arall' },
  },
  BenchmarkReleaseState: {
    BUILDING: { en: 'Being built', cy: "Wrthi'n cael ei llunio" },
    PUBLISHED: { en: 'Published', cy: 'Cyhoeddwyd' },
    FAILED: { en: 'Not published', cy: 'Heb ei chyhoeddi' },
  },
  BenchmarkRounding: {
    NONE: { en: 'Exact counts', cy: 'Union nifer' },
    NEAREST_5: { en: 'Rounded to the nearest 5', cy: "Wedi'u talgrynnu i'r 5 agosaf" },
  },
  CareStatus: {
    LOOKED_AFTER: { en: 'Looked after', cy: 'Yn derbyn gofal' },
    PREVIOUSLY_LOOKED_AFTER: { en: 'Previously looked after', cy: "Wedi derbyn gofal o'r blaen" },
    CARE_LEAVER: { en: 'Care leaver', cy: "Person ifanc sy'n gadael gofal" },
  },
  Comparison: {
    HIGHER: { en: 'Significantly higher', cy: 'Yn sylweddol uwch' },
    LOWER: { en: 'Significantly lower', cy: 'Yn sylweddol is' },
    SIMILAR: { en: 'Not significantly different', cy: 'Dim gwahaniaeth sylweddol' },
    NOT_COMPARABLE: { en: 'Cannot be compared', cy: 'Dim modd cymharu' },
  },
  Destination: {
    SCHOOL_SIXTH_FORM: { en: 'School sixth form', cy: 'Chweched dosbarth ysgol' },
    FURTHER_EDUCATION: { en: 'Further education', cy: 'Addysg bellach' },
    HIGHER_EDUCATION: { en: 'Higher education', cy: 'Addysg uwch' },
    APPRENTICESHIP: { en: 'Apprenticeship', cy: 'Prentisiaeth' },
    EMPLOYMENT: { en: 'Employment', cy: 'Cyflogaeth' },
    TRAINING: { en: 'Training', cy: 'Hyfforddiant' },
    NEET: { en: 'Not in education, employment or training (NEET)', cy: 'Heb fod mewn addysg, cyflogaeth na hyfforddiant (NEET)' },
    UNKNOWN: { en: 'Not known', cy: 'Anhysbys' },
  },
  DisplayLanguage: {
    EN: { en: 'English', cy: 'Saesneg' },
    CY: { en: 'Welsh', cy: 'Cymraeg' },
  },
  EotasKind: {
    TUITION_SERVICE: { en: 'Tuition service', cy: 'Gwasanaeth tiwtora' },
    ALTERNATIVE_PROVIDER: { en: 'Alternative provider', cy: 'Darparwr amgen' },
    HOME_TUITION: { en: 'Home tuition', cy: 'Tiwtora yn y cartref' },
    OTHER: { en: 'Other', cy: 'Arall' },
  },
  ExclusionKind: {
    FIXED_TERM: { en: 'Fixed-term exclusion', cy: 'Gwaharddiad cyfnod penodol' },
    PERMANENT: { en: 'Permanent exclusion', cy: 'Gwaharddiad parhaol' },
  },
  Gender: {
    FEMALE: { en: 'Female', cy: 'Benyw' },
    MALE: { en: 'Male', cy: 'Gwryw' },
    OTHER: { en: 'Another gender', cy: 'Rhywedd arall' },
    NOT_RECORDED: { en: 'Not recorded', cy: 'Heb ei gofnodi' },
  },
  GeographyLevel: {
    AUTHORITY: { en: 'Local authority', cy: 'Awdurdod lleol' },
    REGION: { en: 'Region (education consortium)', cy: 'Rhanbarth (consortiwm addysg)' },
    WALES: { en: 'Wales', cy: 'Cymru' },
  },
  IdpMaintainer: {
    SCHOOL: { en: 'School', cy: 'Ysgol' },
    AUTHORITY: { en: 'Local authority', cy: 'Awdurdod lleol' },
  },
  InterventionKind: {
    TUTORING: { en: 'Tutoring', cy: 'Tiwtora' },
    MENTORING: { en: 'Mentoring', cy: 'Mentora' },
    LITERACY: { en: 'Literacy support', cy: 'Cymorth llythrennedd' },
    NUMERACY: { en: 'Numeracy support', cy: 'Cymorth rhifedd' },
    COUNSELLING: { en: 'Counselling', cy: 'Cwnsela' },
    CAMHS_REFERRAL: { en: 'Referral to CAMHS', cy: 'Atgyfeiriad at CAMHS' },
    OTHER: { en: 'Other support', cy: 'Cymorth arall' },
  },
  Language: {
    CY: { en: 'Welsh', cy: 'Cymraeg' },
    EN: { en: 'English', cy: 'Saesneg' },
    OTHER: { en: 'Another language', cy: 'Iaith arall' },
  },
  LegalStatus: {
    CARE_ORDER: { en: 'Care order', cy: 'Gorchymyn gofal' },
    INTERIM_CARE_ORDER: { en: 'Interim care order', cy: 'Gorchymyn gofal interim' },
    PLACEMENT_ORDER: { en: 'Placement order', cy: 'Gorchymyn lleoli' },
    VOLUNTARY_ACCOMMODATION: { en: 'Accommodated by agreement (section 76)', cy: 'Llety drwy gytundeb (adran 76)' },
    REMAND: { en: 'Remanded', cy: 'Ar remánd' },
    OTHER: { en: 'Other legal status', cy: 'Statws cyfreithiol arall' },
  },
  MeasureKind: {
    COUNT: { en: 'Count', cy: 'Nifer' },
    RATE: { en: 'Rate', cy: 'Cyfradd' },
    PER_100: { en: 'Per 100 children', cy: 'Fesul 100 o blant' },
  },
  NotificationKind: {
    SCHOOL_MOVE: { en: 'School move', cy: 'Newid ysgol' },
    PLACEMENT_MOVE: { en: 'Placement move', cy: 'Newid lleoliad' },
    PEP_MEETING_INVITATION: { en: 'PEP meeting invitation', cy: 'Gwahoddiad i gyfarfod CAP' },
    // Alerts, computed daily from the record (decision 0029).
    PEP_REVIEW_DUE: { en: 'PEP review due soon', cy: 'Adolygiad y CAP yn ddyledus cyn bo hir' },
    PEP_REVIEW_OVERDUE: { en: 'PEP review overdue', cy: 'Adolygiad y CAP yn hwyr' },
    PEP_START_OVERDUE: { en: 'PEP not started in time', cy: 'CAP heb ei ddechrau mewn pryd' },
    ATTENDANCE_LOW: { en: 'Attendance this term below 90%', cy: 'Presenoldeb y tymor hwn o dan 90%' },
    ATTENDANCE_DROP: { en: 'Attendance dropped by 10 points in four weeks', cy: 'Presenoldeb wedi gostwng 10 pwynt mewn pedair wythnos' },
    EXCLUSION: { en: 'New exclusion', cy: 'Gwaharddiad newydd' },
    SDQ_CONCERN: { en: 'SDQ of concern', cy: "Holiadur SDQ sy'n peri pryder" },
  },
  // How a person wants one kind of notification (decision 0029).
  NotificationDelivery: {
    FEED: { en: 'In the feed only', cy: 'Yn y ffrwd yn unig' },
    FEED_AND_EMAIL: { en: 'In the feed and by email', cy: 'Yn y ffrwd a thrwy e-bost' },
  },
  PepCompletionState: {
    COMPLETED_ON_TIME: { en: 'Completed on time', cy: "Wedi'i gwblhau mewn pryd" },
    COMPLETED_LATE: { en: 'Completed late', cy: "Wedi'i gwblhau'n hwyr" },
    DUE: { en: 'Due', cy: 'Yn ddyledus' },
    OVERDUE: { en: 'Overdue', cy: 'Yn hwyr' },
  },
  PepReviewState: {
    ON_TRACK: { en: 'On track', cy: 'Ar y trywydd iawn' },
    DUE_SOON: { en: 'Due soon', cy: 'Yn ddyledus cyn bo hir' },
    OVERDUE: { en: 'Overdue', cy: 'Yn hwyr' },
    NOT_SCHEDULED: { en: 'Not scheduled', cy: 'Heb ei drefnu' },
  },
  // The section titles of a plan (see pep-sections.ts for the prompts).
  PepSectionKind: {
    ALL_ABOUT_ME: { en: 'All about me', cy: 'Popeth amdana i' },
    SCHOOL_PICTURE: { en: 'Learning at school', cy: 'Dysgu yn yr ysgol' },
    SUPPORT: { en: 'Support', cy: 'Cymorth' },
    CARER_VIEWS: { en: "Carer's views", cy: 'Barn y gofalwr' },
    SOCIAL_WORKER_VIEWS: { en: "Social worker's views", cy: 'Barn y gweithiwr cymdeithasol' },
    REVIEW_ACTIONS: { en: 'Actions from the review', cy: "Camau gweithredu o'r adolygiad" },
  },
  MeetingInviteeRole: {
    DESIGNATED_TEACHER: { en: 'Designated teacher', cy: 'Athro dynodedig' },
    VIRTUAL_SCHOOL_HEAD: { en: 'Virtual school head', cy: 'Pennaeth ysgol rithwir' },
    SOCIAL_WORKER: { en: 'Social worker', cy: 'Gweithiwr cymdeithasol' },
    LEARNER: { en: 'The child', cy: 'Y plentyn' },
    CARER: { en: 'Carer', cy: 'Gofalwr' },
  },
  DocumentSection: {
    EDUCATION: { en: 'Education record', cy: 'Cofnod addysg' },
    WELLBEING: { en: 'Well-being record', cy: 'Cofnod llesiant' },
    PEP: { en: 'Current PEP', cy: 'CAP cyfredol' },
  },
  DocumentKind: {
    REPORT: { en: 'Report', cy: 'Adroddiad' },
    ASSESSMENT: { en: 'Assessment', cy: 'Asesiad' },
    PLAN: { en: 'Plan', cy: 'Cynllun' },
    LETTER: { en: 'Letter', cy: 'Llythyr' },
    MINUTES: { en: 'Minutes or meeting notes', cy: 'Cofnodion neu nodiadau cyfarfod' },
    WORK: { en: "The child's own work", cy: 'Gwaith y plentyn ei hun' },
    OTHER: { en: 'Something else', cy: 'Rhywbeth arall' },
  },
  MeetingResponse: {
    ACCEPTED: { en: 'Accepted', cy: "Wedi'i dderbyn" },
    DECLINED: { en: 'Declined', cy: "Wedi'i wrthod" },
    TENTATIVE: { en: 'Tentative', cy: 'Efallai' },
  },
  PepMeetingStatus: {
    SCHEDULED: { en: 'Scheduled', cy: "Wedi'i drefnu" },
    CANCELLED: { en: 'Cancelled', cy: "Wedi'i ganslo" },
    HELD: { en: 'Held', cy: "Wedi'i gynnal" },
  },
  PepStatus: {
    DRAFT: { en: 'Draft', cy: 'Drafft' },
    IN_REVIEW: { en: 'In review', cy: 'Yn cael ei adolygu' },
    AGREED: { en: 'Agreed', cy: "Wedi'i gytuno" },
    SUPERSEDED: { en: 'Superseded', cy: "Wedi'i ddisodli" },
  },
  PlacementType: {
    FOSTER: { en: 'Foster care', cy: 'Gofal maeth' },
    KINSHIP_FOSTER: { en: 'Kinship foster care (family or friends)', cy: 'Gofal maeth gan deulu neu ffrindiau' },
    WITH_PARENTS: { en: 'Placed with parents', cy: 'Lleoliad gyda rhieni' },
    CHILDRENS_HOME: { en: "Children's home", cy: 'Cartref plant' },
    SECURE: { en: 'Secure accommodation', cy: 'Llety diogel' },
    PLACED_FOR_ADOPTION: { en: 'Placed for adoption', cy: 'Lleoliad mabwysiadu' },
    INDEPENDENT_LIVING: { en: 'Independent living', cy: "Byw'n annibynnol" },
    RESIDENTIAL_SCHOOL: { en: 'Residential school', cy: 'Ysgol breswyl' },
    OTHER: { en: 'Other placement', cy: 'Lleoliad arall' },
  },
  QualityRating: {
    RED: { en: 'Red', cy: 'Coch' },
    AMBER: { en: 'Amber', cy: 'Ambr' },
    GREEN: { en: 'Green', cy: 'Gwyrdd' },
  },
  Role: {
    VIRTUAL_SCHOOL_HEAD: { en: 'Virtual school head', cy: 'Pennaeth ysgol rithwir' },
    SOCIAL_WORKER: { en: 'Social worker', cy: 'Gweithiwr cymdeithasol' },
    DESIGNATED_TEACHER: { en: 'Designated teacher', cy: 'Athro dynodedig' },
    LEARNER: { en: 'Learner', cy: 'Dysgwr' },
    CONSORTIUM_ANALYST: { en: 'Consortium analyst', cy: 'Dadansoddwr consortiwm' },
    NATIONAL_ANALYST: { en: 'National analyst', cy: 'Dadansoddwr cenedlaethol' },
  },
  SchoolPhase: {
    NURSERY: { en: 'Nursery', cy: 'Meithrin' },
    PRIMARY: { en: 'Primary', cy: 'Cynradd' },
    MIDDLE: { en: 'Middle (all-age)', cy: 'Canol (pob oed)' },
    SECONDARY: { en: 'Secondary', cy: 'Uwchradd' },
    SPECIAL: { en: 'Special', cy: 'Arbennig' },
    PRU: { en: 'Pupil referral unit', cy: 'Uned cyfeirio disgyblion' },
  },
  SdqInformant: {
    CARER: { en: 'Carer', cy: 'Gofalwr' },
    TEACHER: { en: 'Teacher', cy: 'Athro' },
    SELF: { en: 'The young person', cy: 'Y person ifanc ei hun' },
  },
  SignerRole: {
    EDUCATION_LEAD: { en: 'Education lead', cy: 'Arweinydd addysg' },
    SOCIAL_WORKER: { en: 'Social worker', cy: 'Gweithiwr cymdeithasol' },
    DESIGNATED_TEACHER: { en: 'Designated teacher', cy: 'Athro dynodedig' },
  },
  LearnerRelationship: {
    HOME: { en: 'Children of my authority', cy: 'Plant fy awdurdod' },
    HOST: { en: 'Children from other authorities living or at school here', cy: "Plant o awdurdodau eraill sy'n byw neu yn yr ysgol yma" },
    CASELOAD: { en: 'My caseload', cy: 'Fy llwyth achosion' },
    SCHOOL: { en: 'Looked-after pupils at my school', cy: 'Disgyblion sy’n derbyn gofal yn fy ysgol' },
  },
  StaffRole: {
    EDUCATION_LEAD: { en: 'Education lead', cy: 'Arweinydd addysg' },
    SOCIAL_WORKER: { en: 'Social worker', cy: 'Gweithiwr cymdeithasol' },
    DESIGNATED_TEACHER: { en: 'Designated teacher', cy: 'Athro dynodedig' },
  },
  // Who carries a PEP target forward (decision 0028).
  TargetOwnerRole: {
    DESIGNATED_TEACHER: { en: 'Designated teacher', cy: 'Athro dynodedig' },
    VIRTUAL_SCHOOL_HEAD: { en: 'Virtual school head', cy: 'Pennaeth ysgol rithwir' },
    SOCIAL_WORKER: { en: 'Social worker', cy: 'Gweithiwr cymdeithasol' },
    LEARNER: { en: 'The child', cy: 'Y plentyn' },
    CARER: { en: 'Carer', cy: 'Gofalwr' },
  },
  TargetProgress: {
    NOT_STARTED: { en: 'Not started', cy: 'Heb ddechrau' },
    IN_PROGRESS: { en: 'In progress', cy: 'Ar y gweill' },
    MET: { en: 'Met', cy: "Wedi'i gyrraedd" },
    NOT_MET: { en: 'Not met', cy: 'Heb ei gyrraedd' },
  },
  TeachingMedium: {
    ENGLISH: { en: 'English-medium', cy: 'Cyfrwng Saesneg' },
    WELSH: { en: 'Welsh-medium', cy: 'Cyfrwng Cymraeg' },
    BILINGUAL: { en: 'Bilingual', cy: 'Dwyieithog' },
    DUAL_STREAM: { en: 'Dual stream', cy: 'Ffrwd ddeuol' },
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, Bilingual>>>>;

/** Labels that are rightly the same in both languages (proper nouns, acronyms); none today. "enum.VALUE". */
export const SAME_IN_BOTH_LANGUAGES: readonly string[] = [];

export type EnumName = keyof typeof ENUM_LABELS;
export type EnumValue<E extends EnumName> = keyof (typeof ENUM_LABELS)[E] & string;
export type PepSectionKind = EnumValue<'PepSectionKind'>;
