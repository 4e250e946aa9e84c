// GET /explorer: GraphiQL over the graph, served from this server's own files (decision 0016). In
// development it also mints development tokens for its role picker (POST /explorer/token), so a front-end
// developer sees what each role sees; given no token issuer (production) it issues none.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidCallerError, type CallerClaims } from '@wales-lac/caller';
import { errorJson, message } from '@wales-lac/errors';
import { displayLanguageFrom } from '@wales-lac/wales';

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
import { explorerAssets } from './assets.ts';
import { CONTENT_SECURITY_POLICY, explorerPage, pageSettings } from './page.ts';

export interface ExplorerOptions {
  /** Where the explorer is served (default /explorer). */
  readonly base?: string;
  /** Signs a development token for the role picker; absent, the page asks for a token to paste. */
  readonly issueToken?: (claims: CallerClaims) => Promise<string>;
}

export interface Explorer {
  readonly base: string;
  /** Answers a request under `base` and returns true; returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

const CLAIMS = ['role', 'authority', 'school', 'learner', 'region', 'subject'] as const;
const MAX_TOKEN_REQUEST_BYTES = 4_096;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  let text = '';
  for await (const chunk of req) {
    text += (chunk as Buffer).toString('utf8');
    if (text.length > MAX_TOKEN_REQUEST_BYTES) return null;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The claims asked for: only the known ones, blanks dropped; the subject as `npm run token` makes it. */
function claimsOf(body: Record<string, unknown>): CallerClaims {
  const given = Object.fromEntries(CLAIMS.flatMap((name) => (typeof body[name] === 'string' && body[name] !== '' ? [[name, body[name]]] : []))) as Partial<
    Record<(typeof CLAIMS)[number], string>
  >;
  const { subject, ...claims } = given;
  return { ...claims, sub: subject ?? `dev:${given.role ?? 'unknown'}:${given.learner ?? given.school ?? given.authority ?? given.region ?? 'wales'}` };
}

export function createExplorer(options: ExplorerOptions = {}): Explorer {
  const base = options.base ?? '/explorer';
  const issueToken = options.issueToken;
  const page = explorerPage(base, pageSettings(base, issueToken !== undefined));

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // JSON only: a page on another origin cannot send it without a CORS preflight, which is never granted.
    const language = displayLanguageFrom(firstHeader(req.headers['accept-language']));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return json(res, 415, { errors: [errorJson(message('BAD_REQUEST', 'claimsNotJson'), language)] });
    const body = await readJson(req);
    if (!body || !issueToken) return json(res, 400, { errors: [errorJson(message('BAD_REQUEST', 'claimsBody'), language)] });
    try {
      json(res, 200, { token: await issueToken(claimsOf(body)) });
    } catch (error) {
      if (!(error instanceof InvalidCallerError)) throw error;
      json(res, 400, { errors: [errorJson(message('BAD_USER_INPUT', 'claimsRefused', { reason: error.message }), language)] });
    }
  }

  async function asset(res: ServerResponse, kind: 'script' | 'stylesheet'): Promise<void> {
    const assets = await explorerAssets();
    const type = kind === 'script' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'content-length': assets[kind].byteLength, 'cache-control': 'no-cache' }).end(assets[kind]);
  }

  return {
    base,
    async handle(req, res, url) {
      const path = url.pathname;
      if (req.method === 'GET' && (path === base || path === `${base}/`)) {
        res
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': CONTENT_SECURITY_POLICY,
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-cache',
          })
          .end(page);
      } else if (req.method === 'GET' && path === `${base}/explorer.js`) {
        await asset(res, 'script');
      } else if (req.method === 'GET' && path === `${base}/explorer.css`) {
        await asset(res, 'stylesheet');
      } else if (req.method === 'POST' && path === `${base}/token` && issueToken) {
        await token(req, res);
      } else {
        return false;
      }
      return true;
    },
  };
}
