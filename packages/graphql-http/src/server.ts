// Serves an Apollo Server over Node's http module: POST/GET /graphql, GET /health, GET /metrics (when given) and any pages a service adds.
// Owning the HTTP layer lets a subgraph see the exact request body (gateway assertions are bound to it)
// and gives malformed requests a coded 4xx answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Tracer } from '@opentelemetry/api';
import { ERROR_CODES, errorJson, message, type Text } from '@wales-lac/errors';
import { displayLanguageFrom } from '@wales-lac/wales';
import { inServerSpan } from '@wales-lac/telemetry';

export interface RequestInfo {
  readonly headers: IncomingMessage['headers'];
  /** The raw request body ('' for GET). */
  readonly rawBody: string;
}

export interface GraphQLHttpServerOptions<C extends BaseContext> {
  readonly apollo: ApolloServer<C>;
  readonly context: (request: RequestInfo) => Promise<C>;
  /** Answers whether the service can serve; GET /health is 200 when it can, 503 when not. */
  readonly health?: () => Promise<{ ok: boolean; detail?: unknown }>;
  readonly maxBodyBytes?: number;
  /**
   * At most this many GraphQL requests at once (absent: no bound); one more is refused with GATEWAY_BUSY
   * (503, Retry-After) before its body is read. With each request's own byte cap this bounds what all of
   * them together can hold (decision 0025). /health is never counted, so probes answer under load.
   */
  readonly maxInFlight?: number;
  /**
   * Whether to run a request again with a fresh context, given its body and complete answer: at most
   * `attempts` − 1 times, `delayMs` apart. For reads that met a fault a second try clears (see subgraph-edge).
   */
  readonly retry?: { readonly attempts: number; readonly delayMs: number; when(body: unknown, answer: string): boolean };
  /** Other paths (the gateway's explorer): answers and returns true, or returns false for a 404. */
  readonly pages?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /**
   * Where a browser opening GET /graphql is sent (a redirect), instead of Apollo's landing page, which loads
   * from a CDN (decision 0016). Without it the browser gets a short local page saying how to ask.
   */
  readonly browserLanding?: string;
  /** Traces each GraphQL request, continuing the caller's trace (absent or null: tracing off). */
  readonly tracer?: Tracer | null;
  /**
   * GET /metrics: the service's Prometheus exposition. Only for services that are never public (the
   * subgraphs); the gateway serves its metrics on a port of their own (decision 0020).
   */
  readonly metrics?: () => Promise<{ contentType: string; body: string }>;
}

export interface GraphQLHttpServer {
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops at once: no new requests, and every open connection is cut (as a crash would; tests use it). */
  close(): Promise<void>;
  /**
   * The orderly stop (SIGTERM): no new connections or requests, the requests in flight answered (each
   * connection closed after its answer), then the Apollo Server behind it stopped. Whatever is still
   * running after `graceMs` (default 10 s) is cut off.
   */
  stop(graceMs?: number): Promise<void>;
  readonly httpServer: Server;
}

class RequestBodyError extends Error {
  constructor(
    readonly text: Text,
    /** True when the body was left unread. */
    readonly unread = false,
  ) {
    super(text.name);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An error answered before Apollo Server is asked, worded in the language the request's header names. */
function sendError(req: IncomingMessage, res: ServerResponse, text: Text, extensions?: Record<string, unknown>): void {
  sendJson(res, ERROR_CODES[text.code].status, { errors: [errorJson(text, languageOf(req), extensions ? { extensions } : {})] });
}

function languageOf(req: IncomingMessage) {
  const header = req.headers['accept-language'];
  return displayLanguageFrom(Array.isArray(header) ? header[0] : header);
}

/** Refuses a request whose body was not read to the end: the connection cannot be reused after it. */
function refuseAndClose(req: IncomingMessage, res: ServerResponse, text: Text, extensions?: Record<string, unknown>): void {
  // Node closes the socket after a response that says so.
  res.setHeader('connection', 'close');
  sendError(req, res, text, extensions);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RequestBodyError(message('BAD_REQUEST', 'bodyTooLarge', { limit }), true);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonBody(raw: string, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (contentType && !contentType.toLowerCase().startsWith('application/json')) return raw;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new RequestBodyError(message('BAD_REQUEST', 'notJson', { detail: (error as Error).message }));
  }
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function writeApolloResponse(res: ServerResponse, response: Awaited<ReturnType<ApolloServer['executeHTTPGraphQLRequest']>>): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [key, value] of response.headers) headers[key] = value;
  res.writeHead(response.status ?? 200, headers);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** A browser's page load of /graphql: a GET that accepts HTML (Apollo would answer its landing page, query or not). */
function isBrowserVisit(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

const NO_EXPLORER_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>GraphQL endpoint</title></head><body><main><h1>GraphQL endpoint</h1>' +
  '<p>POST a JSON body <code>{ "query", "variables" }</code> here with <code>Authorization: Bearer &lt;token&gt;</code>. No explorer is served here.</p></main></body></html>';

/** How long an idle kept-alive connection stays open (longer than any client's: they close first). */
export const KEEP_ALIVE_MS = 65_000;

export function createGraphQLHttpServer<C extends BaseContext>(options: GraphQLHttpServerOptions<C>): GraphQLHttpServer {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const tracer = options.tracer ?? null;

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const rawBody = await readBody(req, limit);
    const body = parseJsonBody(rawBody, req.headers['content-type']);
    // One RequestInfo for every attempt: a context may remember what it checked once per request (the
    // gateway's assertion can be used only once), while building the rest afresh.
    const request: RequestInfo = { headers: req.headers, rawBody };
    const execute = () =>
      options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMap(req), search: url.search, body },
        context: () => options.context(request),
      });
    let response = await execute();
    for (let attempt = 1; options.retry && attempt < options.retry.attempts; attempt += 1) {
      if (response.body.kind !== 'complete' || !options.retry.when(body, response.body.string)) break;
      await new Promise((resolve) => setTimeout(resolve, options.retry?.delayMs));
      response = await execute();
    }
    await writeApolloResponse(res, response);
  }

  let inFlight = 0;
  /** Runs one GraphQL request if there is room for it, else refuses it unread. */
  async function admitted(req: IncomingMessage, res: ServerResponse, run: () => Promise<void>): Promise<void> {
    const max = options.maxInFlight;
    if (max !== undefined && inFlight >= max) {
      res.setHeader('retry-after', '1');
      return refuseAndClose(req, res, message('GATEWAY_BUSY', 'inFlight', { max }), { limit: 'in-flight', max, found: max + 1 });
    }
    inFlight += 1;
    try {
      await run();
    } finally {
      inFlight -= 1;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health' && req.method === 'GET') {
        const health = options.health ? await options.health().catch(() => ({ ok: false, detail: undefined })) : { ok: true };
        sendJson(res, health.ok ? 200 : 503, { status: health.ok ? 'ok' : 'unavailable', detail: health.detail });
      } else if (url.pathname === '/graphql' && isBrowserVisit(req)) {
        if (options.browserLanding) res.writeHead(302, { location: options.browserLanding }).end();
        else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" }).end(NO_EXPLORER_PAGE);
      } else if (url.pathname === '/graphql') {
        const run = () => handleGraphQL(req, res, url);
        await admitted(req, res, tracer ? () => inServerSpan(tracer, req, res, '/graphql', run) : run);
      } else if (url.pathname === '/metrics' && req.method === 'GET' && options.metrics) {
        const { contentType, body } = await options.metrics();
        res.writeHead(200, { 'content-type': contentType }).end(body);
      } else if (!(await options.pages?.(req, res, url))) {
        sendJson(res, 404, { errors: [errorJson(message('BAD_REQUEST', 'nothingServed', { path: url.pathname }), languageOf(req))] });
      }
    } catch (error) {
      if (res.headersSent) return void res.end();
      if (error instanceof RequestBodyError && error.unread) refuseAndClose(req, res, error.text);
      else if (error instanceof RequestBodyError) sendError(req, res, error.text);
      else sendError(req, res, message('INTERNAL_SERVER_ERROR', 'notHandled'));
    }
  }

  let draining = false;
  const httpServer = createServer((req, res) => {
    // While draining, every answer says the connection ends with it, so no client sends another on it.
    if (draining) res.setHeader('connection', 'close');
    void handle(req, res);
  });
  const close = () =>
    new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
    });
  const drain = (graceMs: number) =>
    new Promise<void>((resolve) => {
      draining = true;
      const idle = setInterval(() => httpServer.closeIdleConnections(), 50);
      const cutOff = setTimeout(() => httpServer.closeAllConnections(), graceMs);
      httpServer.close(() => {
        clearInterval(idle);
        clearTimeout(cutOff);
        resolve();
      });
      httpServer.closeIdleConnections();
    });
  // An idle kept-alive connection must outlive the client's own keep-alive (undici's is 4 s): when the event
  // loop stalls past the server's timeout, Node closes the socket as the client's next request arrives on
  // it, and the client sees a reset instead of an answer (server.test.ts). The client closes first.
  httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
  httpServer.headersTimeout = KEEP_ALIVE_MS + 1_000;

  return {
    httpServer,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const actual = (httpServer.address() as AddressInfo).port;
          resolve({ url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/graphql`, port: actual });
        });
      }),
    close,
    stop: async (graceMs = 10_000) => {
      await drain(graceMs);
      await options.apollo.stop();
    },
  };
}
