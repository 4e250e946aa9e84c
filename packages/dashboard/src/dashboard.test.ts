// The dashboard's HTTP side: each page in the language asked, under a policy that allows no other origin,
// telling the page where development tokens come from only when there is such a place; and its bundle
// points nowhere off this server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleDashboard,
  createDashboard,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_SECTION_LABELS,
  DOCUMENT_TEXTS,
  type DashboardOptions,
  type PageSettings,
} from './index.ts';

async function serve(options: DashboardOptions): Promise<{ origin: string; server: Server }> {
  const dashboard = createDashboard(options);
  const server = createServer((req, res) => {
    void dashboard.handle(req, res, new URL(req.url ?? '/', 'http://localhost')).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let development: { origin: string; server: Server };
let production: { origin: string; server: Server };
beforeAll(async () => {
  development = await serve({ tokenPath: '/explorer/token' });
  production = await serve({});
});
afterAll(async () => {
  await new Promise((resolve) => development?.server.close(resolve));
  await new Promise((resolve) => production?.server.close(resolve));
});

const settingsOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="dashboard-settings">(.*)<\/script>/.exec(html)?.[1] ?? 'null') as PageSettings;

describe('the dashboard pages', () => {
  it('are served in English by default and in Welsh when asked, from this server only', async () => {
    const english = await fetch(`${development.origin}/dashboard`);
    expect(english.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self';/);
    const html = await english.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('National Delivery Group benchmarks');
    expect(html).not.toMatch(/https?:\/\//);
    const welsh = await (await fetch(`${development.origin}/dashboard/caseload?lang=cy`)).text();
    expect(welsh).toContain('<html lang="cy"');
    expect(welsh).toContain('Llwyth achosion pennaeth yr ysgol rithwir');
    expect(settingsOf(welsh).view).toBe('caseload');
  });

  it('include the notifications page an alert email links to, titled in either language', async () => {
    const english = await (await fetch(`${development.origin}/dashboard/notifications?notification=W06000015%3AN000001`)).text();
    expect(settingsOf(english).view).toBe('notifications');
    expect(english).toContain('<title>Your notifications: ');
    const welsh = await (await fetch(`${development.origin}/dashboard/notifications?lang=cy`)).text();
    expect(welsh).toContain('<h1 class="govuk-heading-l">Eich hysbysiadau</h1>');
  });

  it("include a child's documents page, opened from the caseload, titled in either language", async () => {
    const english = await (await fetch(`${development.origin}/dashboard/learner?learner=W06000015%3AL000001`)).text();
    expect(settingsOf(english).view).toBe('learner');
    expect(english).toContain("<title>A child's documents: ");
    const welsh = await (await fetch(`${development.origin}/dashboard/learner?lang=cy`)).text();
    expect(welsh).toContain('<h1 class="govuk-heading-l">Dogfennau plentyn</h1>');
  });

  it("name the explorer's token endpoint in development and none in production", async () => {
    expect(settingsOf(await (await fetch(`${development.origin}/dashboard`)).text()).tokenPath).toBe('/explorer/token');
    expect(settingsOf(await (await fetch(`${production.origin}/dashboard`)).text()).tokenPath).toBeNull();
    expect((await fetch(`${production.origin}/dashboard/token`, { method: 'POST' })).status).toBe(404);
  });

  it('leave every other path to the next handler', async () => {
    expect((await fetch(`${production.origin}/dashboard/other`)).status).toBe(404);
    expect((await fetch(`${production.origin}/explorer`)).status).toBe(404);
  });
});

describe('the bundle', () => {
  it('has GOV.UK Frontend styles with its fonts inlined, and no web address but XML namespaces', async () => {
    const { script, stylesheet } = await bundleDashboard();
    const css = new TextDecoder().decode(stylesheet);
    expect(css).toContain('govuk-table');
    expect(css).toContain('url(data:font/woff2;base64,');
    expect(css).not.toMatch(/url\(\/assets/);
    const text = new TextDecoder().decode(script) + css;
    const addresses = new Set(text.match(/https?:\/\/[A-Za-z0-9.-]+[^"'`\s)]*/g));
    expect([...addresses].every((a) => a.startsWith('http://www.w3.org/'))).toBe(true);
  }, 60_000);
});

describe("the documents page's words", () => {
  // The same in both languages: the unit.
  const SAME = new Set(['kilobytes']);
  it.each(Object.entries({ ...DOCUMENT_TEXTS, ...DOCUMENT_KIND_LABELS, ...DOCUMENT_SECTION_LABELS }))('%s is written in both languages', (key, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.cy.trim()).not.toBe('');
    if (!SAME.has(key)) expect(text.cy).not.toBe(text.en);
  });
});
