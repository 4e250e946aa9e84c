// GET /dashboard (the NDG benchmarks dashboard), /dashboard/caseload (a virtual school head's caseload) and
// /dashboard/notifications (the caller's notifications; alert emails link there) and /dashboard/learner?learner=<id>
// (one child's documents, opened from the caseload), each in Welsh or English
// (?lang=cy), with their script and stylesheet. Tokens are never
// minted here: in development the page asks the explorer's endpoint (tokenPath), so one place signs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Language } from '@wales-lac/vocabulary';
import { dashboardAssets } from './assets.ts';
import { CONTENT_SECURITY_POLICY, dashboardPage, pageSettings } from './page.ts';
import type { DashboardView } from './page-settings.ts';

export interface DashboardOptions {
  /** Where the pages are served (default /dashboard). */
  readonly base?: string;
  /** The development token endpoint (the explorer's POST /explorer/token); null or absent in production. */
  readonly tokenPath?: string | null;
}

export interface Dashboard {
  readonly base: string;
  /** Answers a request under `base` and returns true; returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

export function languageOf(url: URL): Language {
  return url.searchParams.get('lang') === 'cy' ? 'cy' : 'en';
}

export function createDashboard(options: DashboardOptions = {}): Dashboard {
  const base = options.base ?? '/dashboard';
  const tokenPath = options.tokenPath ?? null;
  const views: Readonly<Record<string, DashboardView>> = {
    [base]: 'benchmarks',
    [`${base}/`]: 'benchmarks',
    [`${base}/caseload`]: 'caseload',
    [`${base}/notifications`]: 'notifications',
    [`${base}/learner`]: 'learner',
  };

  async function asset(res: ServerResponse, kind: 'script' | 'stylesheet'): Promise<void> {
    const assets = await dashboardAssets();
    const type = kind === 'script' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'content-length': assets[kind].byteLength, 'cache-control': 'no-cache' }).end(assets[kind]);
  }

  return {
    base,
    async handle(req, res, url) {
      if (req.method !== 'GET') return false;
      const view = Object.hasOwn(views, url.pathname) ? views[url.pathname] : undefined;
      if (view) {
        const page = dashboardPage(pageSettings(view, base, tokenPath), languageOf(url));
        res
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': CONTENT_SECURITY_POLICY,
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-cache',
          })
          .end(page);
      } else if (url.pathname === `${base}/dashboard.js`) {
        await asset(res, 'script');
      } else if (url.pathname === `${base}/dashboard.css`) {
        await asset(res, 'stylesheet');
      } else {
        return false;
      }
      return true;
    },
  };
}
