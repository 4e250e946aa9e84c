// Messages of records not found, conflicts, limits and services not answering. Where graphql-js or
// Apollo Server words the error (parse and validation failures, persisted queries), the English is the
// library's own, given as {detail}; Welsh frames it. Welsh to be reviewed by a Welsh speaker.

export const BAD_REQUEST_MESSAGES = {
  bodyTooLarge: { en: 'request body is larger than {limit} bytes', cy: 'mae corff y cais yn fwy na {limit} beit' },
  notAForm: {
    en: 'send the document as multipart/form-data: the fields {fields}, then the file as {field}',
    cy: "anfonwch y ddogfen fel multipart/form-data: y meysydd {fields}, yna'r ffeil fel {field}",
  },
  documentsMethod: {
    en: 'documents are uploaded with POST /documents (multipart/form-data) and downloaded with GET /documents/<id>',
    cy: "lanlwythir dogfennau gyda POST /documents (multipart/form-data) a'u llwytho i lawr gyda GET /documents/<id>",
  },
  notJson: { en: 'request body is not valid JSON: {detail}', cy: 'nid yw corff y cais yn JSON dilys: {detail}' },
  nothingServed: { en: 'nothing is served at {path}; GraphQL is at /graphql', cy: 'ni chynigir dim yn {path}; mae GraphQL yn /graphql' },
  claimsNotJson: { en: 'send the claims as application/json', cy: 'anfonwch yr hawliadau fel application/json' },
  claimsBody: { en: 'the body must be a JSON object of claims, at most 4 KiB', cy: "rhaid i'r corff fod yn wrthrych JSON o hawliadau, 4 KiB ar y mwyaf" },
} as const;

export const GRAPHQL_PARSE_FAILED_MESSAGES = {
  syntax: { en: '{detail}', cy: "nid yw'r ymholiad yn GraphQL dilys: {detail}" },
} as const;

export const GRAPHQL_VALIDATION_FAILED_MESSAGES = {
  invalid: { en: '{detail}', cy: "nid yw'r ymholiad yn cyd-fynd â sgema'r API: {detail}" },
} as const;

export const NOT_FOUND_MESSAGES = {
  notHeld: { en: '{what} {id} is not held by {authority}', cy: 'nid yw {authority} yn dal {what} {id}' },
  noLearner: { en: 'no learner {id} in {authority}', cy: 'nid oes dysgwr {id} yn {authority}' },
  noPep: { en: 'no PEP {id} in {authority}', cy: 'nid oes CAP {id} yn {authority}' },
  noPepAnywhere: { en: 'no PEP {id}', cy: 'nid oes CAP {id}' },
  noTarget: { en: 'no PEP target {id} in {authority}', cy: 'nid oes targed CAP {id} yn {authority}' },
  noMeeting: { en: 'no PEP meeting {id} in {authority}', cy: 'nid oes cyfarfod CAP {id} yn {authority}' },
  noNotification: { en: 'no notification {id} in {authority}', cy: 'nid oes hysbysiad {id} yn {authority}' },
  noDocument: { en: 'no document {id} that you may read in {authority}', cy: 'nid oes dogfen {id} y cewch ei darllen yn {authority}' },
  noAuthorityRecord: { en: "'{id}' is not the id of any authority's record", cy: "nid yw '{id}' yn ddynodydd cofnod unrhyw awdurdod" },
} as const;

export const CONFLICT_MESSAGES = {
  movedMeanwhile: {
    en: 'another {what} starting on {since} was recorded meanwhile; this move must start after it',
    cy: "cofnodwyd {what} arall yn dechrau ar {since} yn y cyfamser; rhaid i'r symud hwn ddechrau ar ei ôl",
  },
  progressSuperseded: {
    en: 'this PEP has been superseded; record progress on the current plan',
    cy: "mae CAP newydd wedi disodli'r un hwn; cofnodwch gynnydd ar y cynllun cyfredol",
  },
  ratingSuperseded: { en: 'this PEP has been superseded; rate the current plan', cy: "mae CAP newydd wedi disodli'r un hwn; graddiwch y cynllun cyfredol" },
  staleVersion: {
    en: 'the PEP is at version {current}, not {given}: reload it and try again',
    cy: "mae'r CAP ar fersiwn {current}, nid {given}: ail-lwythwch ef a rhowch gynnig arall arni",
  },
  changedMeanwhile: {
    en: 'the PEP is at version {current}, not {given}: someone changed it since you loaded it; reload and try again',
    cy: "mae'r CAP ar fersiwn {current}, nid {given}: mae rhywun wedi'i newid ers i chi ei lwytho; ail-lwythwch a rhowch gynnig arall arni",
  },
  notEditable: {
    en: 'this PEP is {status}: agreed plans change only through the next version (startPep)',
    cy: "statws y CAP hwn yw {status}: dim ond drwy'r fersiwn nesaf (startPep) y mae cynllun y cytunwyd arno yn newid",
  },
  meetingChangedMeanwhile: {
    en: 'the meeting is at version {current}, not {given}: someone changed it since you loaded it; reload and try again',
    cy: "mae'r cyfarfod ar fersiwn {current}, nid {given}: mae rhywun wedi'i newid ers i chi ei lwytho; ail-lwythwch a rhowch gynnig arall arni",
  },
  meetingClosed: {
    en: 'this meeting is {status}: it can no longer be changed or answered',
    cy: "statws y cyfarfod hwn yw {status}: ni ellir ei newid na'i ateb mwyach",
  },
  documentPepSuperseded: {
    en: 'PEP {id} has been superseded: attach the document to the current plan',
    cy: "mae CAP {id} wedi'i ddisodli: atodwch y ddogfen i'r cynllun cyfredol",
  },
  meetingPepSuperseded: {
    en: 'PEP {id} has been superseded: arrange the meeting for the current plan',
    cy: "mae CAP {id} wedi'i ddisodli: trefnwch y cyfarfod ar gyfer y cynllun cyfredol",
  },
  alreadyBeingWritten: {
    en: 'PEP {id} is already being written ({status}, version {version}); finish it first',
    cy: 'mae CAP {id} eisoes yn cael ei ysgrifennu ({status}, fersiwn {version}); gorffennwch ef yn gyntaf',
  },
} as const;

export const AUTHORITY_UNAVAILABLE_MESSAGES = {
  partMissing: { en: '{name} ({authority}) {reason}; its part of the answer is missing', cy: "{name} ({authority}): {reason}; mae ei ran o'r ateb ar goll" },
  // The reasons a service gives for not answering, put into the messages above and below.
  notAnswered: { en: 'did not answer within {ms} ms', cy: 'ni atebodd o fewn {ms} ms' },
  unreachable: { en: 'could not be reached', cy: 'nid oedd modd ei gyrraedd' },
  notConnected: { en: 'is not connected to this gateway', cy: "nid yw wedi'i gysylltu â'r porth hwn" },
  notGraphql: { en: 'answered HTTP {status} without a GraphQL response', cy: 'atebodd gyda HTTP {status} heb ymateb GraphQL' },
  notAsked: { en: 'was not asked: the request ran out of its budget', cy: "ni ofynnwyd iddo: roedd y cais wedi defnyddio'i gyllideb" },
  answeredTooMuch: { en: 'answered more than the request may hold', cy: 'atebodd fwy nag y caiff y cais ei ddal' },
  changeNotConfirmed: { en: '{reason}; the change was not confirmed', cy: '{reason}; ni chadarnhawyd y newid' },
  nothingRecorded: { en: '{reason}; nothing was recorded', cy: '{reason}; ni chofnodwyd dim' },
  rowsNotRecorded: {
    en: 'did not record its rows after validating them ({recorded}); retry with the same idempotencyKey to record the rest once',
    cy: "ni chofnododd ei resi ar ôl eu dilysu ({recorded}); rhowch gynnig arall arni gyda'r un idempotencyKey i gofnodi'r gweddill unwaith",
  },
  recordedBy: { en: 'recorded by: {authorities}', cy: 'cofnodwyd gan: {authorities}' },
} as const;

export const AUDIT_UNAVAILABLE_MESSAGES = {
  notRecorded: {
    en: 'the access could not be recorded in the audit log, so nothing is returned',
    cy: "nid oedd modd cofnodi'r mynediad yn y log archwilio, felly ni ddychwelir dim",
  },
} as const;

export const DATABASE_UNAVAILABLE_MESSAGES = {
  connectionLost: {
    en: '{who} lost its database connection while answering; a change was not confirmed: retry it with the same idempotency key',
    cy: "collodd {who} ei gysylltiad â'r gronfa ddata wrth ateb; ni chadarnhawyd newid: rhowch gynnig arall arno gyda'r un idempotencyKey",
  },
} as const;

export const LIMIT_MESSAGES = {
  FILE_TOO_LARGE: {
    fileBytes: {
      en: '{field}: the file is larger than {max} bytes; nothing was kept (limit: file-bytes)',
      cy: "{field}: mae'r ffeil yn fwy na {max} beit; ni chadwyd dim (terfyn: file-bytes)",
    },
  },
  FILE_TYPE_REFUSED: {
    notAllowed: {
      en: "{field}: '{contentType}' is not a type of file the record keeps; send one of {allowed}",
      cy: "{field}: nid yw '{contentType}' yn fath o ffeil y mae'r cofnod yn ei chadw; anfonwch un o {allowed}",
    },
    notWhatItSays: {
      en: '{field}: the file is sent as {declared} but its bytes are not a {name}; nothing was kept',
      cy: '{field}: anfonir y ffeil fel {declared} ond nid {name} yw ei beitiau; ni chadwyd dim',
    },
    anotherType: {
      en: '{field}: the file is sent as {declared} but its bytes are a {found}; send it as {foundType}',
      cy: '{field}: anfonir y ffeil fel {declared} ond {found} yw ei beitiau; anfonwch hi fel {foundType}',
    },
  },
  QUERY_TOO_DEEP: {
    depth: {
      en: 'the operation nests {found} levels deep; at most {max} are allowed (limit: depth)',
      cy: "mae'r gweithrediad yn nythu {found} lefel o ddyfnder; caniateir {max} ar y mwyaf (terfyn: depth)",
    },
  },
  TOO_MANY_ALIASES: {
    aliases: {
      en: 'the operation has {found} aliases; at most {max} are allowed (limit: aliases)',
      cy: 'mae gan y gweithrediad {found} o arallenwau; caniateir {max} ar y mwyaf (terfyn: aliases)',
    },
  },
  TOO_MANY_DIRECTIVES: {
    directives: {
      en: 'the operation has {found} directives; at most {max} are allowed (limit: directives)',
      cy: 'mae gan y gweithrediad {found} o gyfarwyddebau; caniateir {max} ar y mwyaf (terfyn: directives)',
    },
  },
  TOO_MANY_TOKENS: {
    tokens: { en: 'the document has more than {max} tokens (limit: tokens)', cy: 'mae gan y ddogfen fwy na {max} o docynnau (terfyn: tokens)' },
  },
  QUERY_TOO_COSTLY: {
    cost: {
      en: 'the operation could resolve about {cost} fields; at most {max} are allowed (limit: cost). Ask for smaller pages or fewer fields',
      cy: "gallai'r gweithrediad ddatrys tua {cost} o feysydd; caniateir {max} ar y mwyaf (terfyn: cost). Gofynnwch am dudalennau llai neu lai o feysydd",
    },
  },
  RESPONSE_TOO_LARGE: {
    responseBytes: {
      en: 'the answer would be larger than {max} bytes (limit: response-bytes); ask for smaller pages or fewer fields',
      cy: "byddai'r ateb yn fwy na {max} beit (terfyn: response-bytes); gofynnwch am dudalennau llai neu lai o feysydd",
    },
  },
  TIME_BUDGET_EXCEEDED: {
    time: {
      en: 'the request ran past its time budget of {ms} ms (limit: time); what was still running was cancelled',
      cy: "aeth y cais y tu hwnt i'w gyllideb amser o {ms} ms (terfyn: time); canslwyd yr hyn a oedd yn dal i redeg",
    },
  },
  GATEWAY_BUSY: {
    fanOutInFlight: {
      en: 'the gateway is already answering {max} requests that ask every authority (limit: fan-out-in-flight); retry in a moment, or name homeAuthority',
      cy: "mae'r porth eisoes yn ateb {max} o geisiadau sy'n gofyn i bob awdurdod (terfyn: fan-out-in-flight); rhowch gynnig arall arni mewn ychydig, neu enwch homeAuthority",
    },
    documentsInFlight: {
      en: 'the gateway is already moving {max} documents, as many as its memory allows (limit: documents-in-flight); retry in a moment',
      cy: "mae'r porth eisoes yn symud {max} o ddogfennau, cymaint ag y mae ei gof yn ei ganiatáu (terfyn: documents-in-flight); rhowch gynnig arall arni mewn ychydig",
    },
    inFlight: {
      en: 'the gateway is already answering {max} requests, as many as its memory allows (limit: in-flight); retry in a moment',
      cy: "mae'r porth eisoes yn ateb {max} o geisiadau, cymaint ag y mae ei gof yn ei ganiatáu (terfyn: in-flight); rhowch gynnig arall arni mewn ychydig",
    },
  },
  INTROSPECTION_DISABLED: {
    introspection: {
      en: 'introspection is off in this profile (limit: introspection)',
      cy: "mae mewnsyllu wedi'i ddiffodd yn y proffil hwn (terfyn: introspection)",
    },
  },
} as const;

export const DOCUMENT_NOT_REGISTERED_MESSAGES = {
  notRegistered: {
    en: 'this gateway accepts only registered operations, and this one is not registered (npm run register:documents)',
    cy: "dim ond gweithrediadau cofrestredig y mae'r porth hwn yn eu derbyn, ac nid yw hwn wedi'i gofrestru (npm run register:documents)",
  },
} as const;

export const PERSISTED_QUERY_NOT_SUPPORTED_MESSAGES = {
  notSupported: { en: '{detail}', cy: "ni chefnogir ymholiadau wedi'u cadw: anfonwch yr ymholiad cyfan ({detail})" },
} as const;

export const BENCHMARKS_NOT_PUBLISHED_MESSAGES = {
  none: { en: 'no benchmark release has been published yet', cy: 'nid oes rhyddhad meincnodau wedi’i gyhoeddi eto' },
  building: {
    en: 'no benchmark release has been published yet: the first is being built',
    cy: "nid oes rhyddhad meincnodau wedi'i gyhoeddi eto: mae'r cyntaf wrthi'n cael ei lunio",
  },
  failed: {
    en: 'no benchmark release has been published yet: the first build failed ({reason})',
    cy: "nid oes rhyddhad meincnodau wedi'i gyhoeddi eto: methodd llunio'r cyntaf ({reason})",
  },
} as const;

export const SERVICE_UNAVAILABLE_MESSAGES = {
  serviceDown: { en: 'the {service} service {reason}', cy: 'gwasanaeth {service}: {reason}' },
  cannotCheck: { en: 'the gateway cannot check permissions at the moment', cy: 'ni all y porth wirio caniatâd ar hyn o bryd' },
} as const;

export const INTERNAL_SERVER_ERROR_MESSAGES = {
  internal: { en: 'internal error', cy: 'gwall mewnol' },
  noRoutingRule: { en: 'the gateway has no routing rule for {field}', cy: 'nid oes gan y porth reol llwybro ar gyfer {field}' },
  notHandled: { en: 'the request could not be handled', cy: 'nid oedd modd trin y cais' },
  notIncoming: { en: '{service} only serves incoming operations', cy: "dim ond gweithrediadau sy'n dod i mewn y mae {service} yn eu gwasanaethu" },
  accessUnknown: {
    en: 'the owning authority did not say what you may see of this record',
    cy: "ni ddywedodd yr awdurdod perchen beth a gewch ei weld o'r cofnod hwn",
  },
} as const;
