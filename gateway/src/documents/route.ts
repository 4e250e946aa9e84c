// The gateway's document endpoints (decision 0034), beside /graphql:
//   POST /documents       multipart/form-data: learner, section, kind, title, idempotencyKey, (pep), then file
//   GET  /documents/{id}  the file, to a caller who may read the class of its section
// The caller is authenticated as for GraphQL; the file is read as it streams (refused while it comes in when
// too large or not what it says) and forwarded with the gateway's assertion to the owning authority, which
// checks it again, keeps it in its PostgreSQL and audits every read and refusal.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Caller } from '@wales-lac/caller';
import { ERROR_CODES, WORDS, errorJson, message, type ErrorCode, type Language, type Text } from '@wales-lac/errors';
import { MAX_DOCUMENT_BYTES, type FileRefusal } from '@wales-lac/documents';
import { rootFieldRefusal } from '@wales-lac/policy';
import { displayLanguageFrom, owningAuthority } from '@wales-lac/wales';
import type { RequestInfo } from '@wales-lac/graphql-http';
import type { GatewayContext } from '../gateway-context.ts';
import { forwardedHeaders } from '../gateway-context.ts';
import type { GraphQLResponseJson, SubgraphClient } from '../subgraph-client.ts';
import { readUploadForm, type UploadForm } from './upload-form.ts';

export interface DocumentRoutesOptions {
  /** Authenticates a request as /graphql does (throws a coded GraphQLError when it cannot). */
  readonly authenticate: (request: RequestInfo) => Promise<GatewayContext>;
  /** Each authority's client for document calls (a larger answer cap than GraphQL's), by GSS code. */
  readonly authorities: ReadonlyMap<string, SubgraphClient>;
  /** Documents moved at once; one more is refused with GATEWAY_BUSY (each holds up to a few times its size). */
  readonly maxInFlight: number;
  /** The largest file kept (default MAX_DOCUMENT_BYTES). */
  readonly maxBytes?: number;
  /** Tells the owning authority of a download refused here, for its audit log. */
  readonly reportRefusal: (caller: Caller, record: string, field: string) => Promise<void>;
}

const DOCUMENT_FIELDS = 'id section kind title fileName contentType byteSize sha256 uploadedAt uploadedByRole downloadPath';
const UPLOAD = `mutation UploadDocument($input: UploadDocumentInput!) { uploadDocument(input: $input) { applied document { ${DOCUMENT_FIELDS} } } }`;
const CONTENT = `query DocumentContent($id: ID!) { documentContent(id: $id) { contentBase64 document { ${DOCUMENT_FIELDS} } } }`;

interface DocumentJson {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sha256: string;
}

type Answer = { readonly status: number; readonly errors: readonly unknown[] } | { readonly status: 200; readonly data: Record<string, unknown> };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** A REST answer's status for an error code: what GraphQL answers 200 beside its data is an error status here. */
const REST_STATUS: Partial<Record<ErrorCode, number>> = { NOT_FOUND: 404, AUTHORITY_UNAVAILABLE: 503 };
const statusOf = (code: ErrorCode) => REST_STATUS[code] ?? ERROR_CODES[code].status;

function sendRefusal(res: ServerResponse, language: Language, text: Text, extensions: Readonly<Record<string, unknown>> = {}, close = false): void {
  if (close) res.setHeader('connection', 'close');
  sendJson(res, statusOf(text.code), { errors: [errorJson(text, language, { extensions: { ...extensions } })] });
}

/** The owner's answer: its first error decides the status, as each error keeps its code and field. */
function answerOf(response: GraphQLResponseJson, field: string): Answer {
  const errors = response.errors ?? [];
  const data = response.data?.[field];
  if (errors.length === 0 && data && typeof data === 'object') return { status: 200, data: data as Record<string, unknown> };
  const code = errors[0]?.extensions?.['code'];
  const status = typeof code === 'string' && code in ERROR_CODES ? statusOf(code as ErrorCode) : 500;
  return { status, errors };
}

export function documentRoutes(options: DocumentRoutesOptions): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  let inFlight = 0;

  /** The caller, or null with UNAUTHENTICATED answered. */
  async function callerOf(req: IncomingMessage, res: ServerResponse): Promise<GatewayContext | null> {
    try {
      return await options.authenticate({ headers: req.headers, rawBody: '' });
    } catch (error) {
      const coded = error as GraphQLError;
      res.setHeader('connection', 'close');
      sendJson(res, 401, { errors: [{ message: coded.message, extensions: { code: coded.extensions?.['code'] ?? 'UNAUTHENTICATED' } }] });
      return null;
    }
  }

  /** The caller when their role may ever do this; otherwise null with the refusal answered (403, or 401). */
  async function entitledCaller(
    req: IncomingMessage,
    res: ServerResponse,
    operation: 'query' | 'mutation',
    field: string,
    onRefused?: (caller: Caller) => Promise<void>,
  ) {
    const context = await callerOf(req, res);
    if (!context) return null;
    const refusal = rootFieldRefusal(operation, field, context.caller.role);
    if (!refusal) return context;
    await onRefused?.(context.caller);
    sendRefusal(res, context.language, refusal, {}, req.method === 'POST');
    return null;
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Refused before the body is read: a role that can never keep a document sends nothing of it.
    const context = await entitledCaller(req, res, 'mutation', 'uploadDocument');
    if (!context) return;
    const outcome = await readUploadForm(req, maxBytes, 4 * maxBytes);
    if (outcome.kind === 'refused') return refuse(req, res, context.language, outcome.refusal, outcome.cut);
    const { form } = outcome;
    const owner = ownerClient(form.fields.learner);
    if (!owner)
      return sendRefusal(res, context.language, message('BAD_USER_INPUT', 'notARecordId', { field: 'learner', id: form.fields.learner, what: WORDS.learner }), {
        field: 'learner',
      });
    const sent = await owner.send(
      { query: UPLOAD, variables: { input: uploadInput(form) }, operationName: 'UploadDocument' },
      context.caller,
      forwardedHeaders(context),
    );
    if (sent.kind === 'unavailable') return sendRefusal(res, context.language, sent.reason, { authority: owningAuthority(form.fields.learner) });
    const answer = answerOf(sent.response, 'uploadDocument');
    if (!('data' in answer)) return sendJson(res, answer.status, { errors: answer.errors });
    const document = answer.data['document'] as DocumentJson;
    const applied = answer.data['applied'] === true;
    sendJson(res, applied ? 201 : 200, answer.data, { location: `/documents/${encodeURIComponent(document.id)}` });
  }

  async function download(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    // A role refused here is still reported to the owner, whose audit log holds every refused access.
    const context = await entitledCaller(req, res, 'query', 'documentContent', (caller) => options.reportRefusal(caller, id, 'Document.content'));
    if (!context) return;
    const owner = ownerClient(id);
    if (!owner)
      return sendRefusal(res, context.language, message('BAD_USER_INPUT', 'notARecordId', { field: 'id', id, what: WORDS.document }), { field: 'id' });
    const sent = await owner.send({ query: CONTENT, variables: { id }, operationName: 'DocumentContent' }, context.caller, forwardedHeaders(context));
    if (sent.kind === 'unavailable') return sendRefusal(res, context.language, sent.reason, { authority: owningAuthority(id) });
    const answer = answerOf(sent.response, 'documentContent');
    if (!('data' in answer)) return sendJson(res, answer.status, { errors: answer.errors });
    const document = answer.data['document'] as DocumentJson;
    const content = Buffer.from(String(answer.data['contentBase64']), 'base64');
    // The bytes are released only if they are the ones kept.
    if (createHash('sha256').update(content).digest('hex') !== document.sha256)
      return sendRefusal(res, context.language, message('INTERNAL_SERVER_ERROR', 'internal'));
    res.writeHead(200, {
      'content-type': document.contentType,
      'content-length': String(content.length),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      // A browser never runs or sniffs it: it is a download, never a page of this origin.
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'no-store',
      etag: `"${document.sha256}"`,
    });
    res.end(content);
  }

  function ownerClient(id: string): SubgraphClient | null {
    const code = owningAuthority(id);
    return code ? (options.authorities.get(code) ?? null) : null;
  }

  function refuse(req: IncomingMessage, res: ServerResponse, language: Language, refusal: FileRefusal, cut: boolean): void {
    sendRefusal(res, language, refusal.text, refusal.extensions, cut);
    // Past the bound of what is read and thrown away, the rest is not read: the connection ends with the answer.
    if (cut) res.once('finish', () => req.socket.destroy());
  }

  return async (req, res, url) => {
    const path = url.pathname;
    if (path !== '/documents' && !path.startsWith('/documents/')) return false;
    const id = path === '/documents' ? null : safelyDecoded(path.slice('/documents/'.length));
    const language = languageOfHeader(req);
    if (!((id === null && req.method === 'POST') || (id !== null && id !== '' && req.method === 'GET'))) {
      sendRefusal(res, language, message('BAD_REQUEST', 'documentsMethod'), {}, req.method === 'POST');
      return true;
    }
    if (inFlight >= options.maxInFlight) {
      res.setHeader('retry-after', '1');
      sendRefusal(
        res,
        language,
        message('GATEWAY_BUSY', 'documentsInFlight', { max: options.maxInFlight }),
        { limit: 'documents-in-flight', max: options.maxInFlight },
        true,
      );
      return true;
    }
    inFlight += 1;
    try {
      if (id === null) await upload(req, res);
      else await download(req, res, id);
    } finally {
      inFlight -= 1;
    }
    return true;
  };
}

/** A path part decoded; a malformed escape is kept as sent (it is then no record's id). */
function safelyDecoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function languageOfHeader(req: IncomingMessage): Language {
  const header = req.headers['accept-language'];
  return displayLanguageFrom(Array.isArray(header) ? header[0] : header);
}

function uploadInput(form: UploadForm): Record<string, unknown> {
  const { fields } = form;
  return {
    learner: fields.learner,
    section: fields.section,
    ...(fields.pep ? { pep: fields.pep } : {}),
    kind: fields.kind,
    title: fields.title,
    fileName: form.fileName,
    contentType: form.contentType,
    contentBase64: form.content.toString('base64'),
    idempotencyKey: fields.idempotencyKey,
  };
}
