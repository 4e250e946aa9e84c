// The one registry of error codes the platform returns in `extensions.code` (their messages: messages.ts).
// docs/errors.md is generated from both.

export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, meaning: 'No identity token, or one that is forged, expired or malformed; or, at a subgraph, no valid gateway assertion.' },
  FORBIDDEN: { status: 403, meaning: 'The caller is known but not entitled to this field, record or operation.' },
  REASON_REQUIRED: {
    status: 403,
    meaning:
      'A social worker asked for a child of their own authority who is not on their caseload without saying why: give `reason` (a purpose, and a note) on `learner` or `learners`. `extensions.field` is `reason`. The refusal is audited.',
  },
  BAD_USER_INPUT: { status: 400, meaning: 'An argument or input is wrong; `extensions.field` names it. Nothing was changed.' },
  BAD_REQUEST: { status: 400, meaning: 'The HTTP request itself is malformed (not JSON, too large, no query).' },
  GRAPHQL_PARSE_FAILED: { status: 400, meaning: 'The query is not valid GraphQL syntax.' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, meaning: 'The query asks for fields or arguments the schema does not have.' },
  NOT_FOUND: { status: 200, meaning: 'No record with that id exists in the owning authority (returned as null with this error).' },
  CONFLICT: { status: 409, meaning: 'The edit was based on a version that is no longer current; reload and retry.' },
  AUTHORITY_UNAVAILABLE: { status: 200, meaning: 'An authority did not answer in time; `extensions.authority` names it. The rest of the answer stands.' },
  AUDIT_UNAVAILABLE: { status: 503, meaning: 'The owning authority could not record the access in its audit log, so it returned nothing.' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    meaning:
      'The owning authority lost its database connection while answering (a restart or failover); `extensions.authority` names it. A change that reports it is not confirmed: retry it with the same idempotency key, which applies it at most once.',
  },
  QUERY_TOO_DEEP: {
    status: 400,
    meaning: 'The operation nests deeper than the depth limit (`extensions.limit` = depth, `max`, `found`); nothing was run. Limits: docs/api.md.',
  },
  TOO_MANY_ALIASES: { status: 400, meaning: 'The operation has more aliases than the alias limit (`extensions.limit` = aliases); nothing was run.' },
  TOO_MANY_DIRECTIVES: {
    status: 400,
    meaning: 'The operation has more directives than the directive limit (`extensions.limit` = directives); nothing was run.',
  },
  TOO_MANY_TOKENS: { status: 400, meaning: 'The document is longer than the token limit (`extensions.limit` = tokens); it was not parsed further.' },
  QUERY_TOO_COSTLY: {
    status: 400,
    meaning:
      'The operation could resolve more fields than the cost limit (`extensions.limit` = cost): pages (`first`) times fields, times the authorities a root list is asked of. Nothing was run.',
  },
  RESPONSE_TOO_LARGE: {
    status: 400,
    meaning:
      'The answer grew past the response-size limit (`extensions.limit` = response-bytes); the work was stopped and no data is returned. Ask for smaller pages.',
  },
  TIME_BUDGET_EXCEEDED: {
    status: 503,
    meaning:
      'The request ran past its time budget (`extensions.limit` = time); the calls still running were cancelled and no data is returned. A change may or may not have applied: retry it with the same idempotency key.',
  },
  FILE_TOO_LARGE: {
    status: 413,
    meaning:
      'A document uploaded at POST /documents is larger than the limit (`extensions.limit` = file-bytes, `max`); the gateway stopped reading it and nothing was kept. `extensions.field` is `file`.',
  },
  FILE_TYPE_REFUSED: {
    status: 415,
    meaning:
      'A document uploaded at POST /documents is not of an allowed type, or its bytes are not what its content type says (docs/documents.md); nothing was kept. `extensions.field` is `file`.',
  },
  GATEWAY_BUSY: {
    status: 503,
    meaning:
      'The gateway is already answering as many requests as it allows at once: as its memory share allows (`extensions.limit` = in-flight; `LIMIT_IN_FLIGHT_REQUESTS`), as many asking every authority (`fan-out-in-flight`; `LIMIT_FAN_OUT_IN_FLIGHT`), or as many documents (`documents-in-flight`); this one was not run. Retry after a moment (`Retry-After`).',
  },
  INTROSPECTION_DISABLED: { status: 403, meaning: 'Schema introspection is off in the production profile except for the configured developer role.' },
  DOCUMENT_NOT_REGISTERED: {
    status: 400,
    meaning: 'The gateway runs with trusted documents and this operation is not registered (`npm run register:documents`, docs/api.md); nothing was run.',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 400, meaning: 'Automatic persisted queries are off in the production profile: send the whole query.' },
  BENCHMARKS_NOT_PUBLISHED: {
    status: 503,
    meaning: 'No benchmark release has been published yet (the first is being built, or its build failed: the message says which and why).',
  },
  SERVICE_UNAVAILABLE: { status: 503, meaning: 'A national service did not answer; the platform is starting or degraded.' },
  INTERNAL_SERVER_ERROR: { status: 500, meaning: 'An unexpected fault; the error carries no internal detail.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
