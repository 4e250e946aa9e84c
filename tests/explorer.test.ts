// The explorer (decision 0016) in a real browser against the real platform: opening /graphql lands on
// /explorer, which loads everything from this machine; a developer picks a role, asks, sees the answer,
// and reads the schema's descriptions in the docs. Skipped only when no Chromium is installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM, launchChromium, type Browser } from './support/chromium.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';

/** GraphiQL's editors are CodeMirror 5 instances, reachable from their element. */
interface CodeMirrorElement {
  readonly CodeMirror: { setValue(text: string): void; getValue(): string };
}

if (!CHROMIUM) console.warn('tests/explorer.test.ts skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH)');

describe.skipIf(!CHROMIUM)('the explorer in a browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ env: { BENCHMARK_REFRESH_MINUTES: '0' } });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('request', (request: Request) => requests.push(request.url()));
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  /** Replaces the query in GraphiQL's editor (CodeMirror 5) and runs it; returns the answer shown. */
  async function ask(query: string): Promise<Record<string, any>> {
    await page
      .locator('.graphiql-query-editor .CodeMirror')
      .evaluate((element: unknown, text) => (element as CodeMirrorElement).CodeMirror.setValue(text), query);
    const shown = page.locator('.result-window .CodeMirror');
    const text = () => shown.evaluate((element: unknown) => (element as CodeMirrorElement).CodeMirror.getValue());
    const before = await text();
    const answered = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') && response.request().method() === 'POST' && !(response.request().postData() ?? '').includes('IntrospectionQuery'),
    );
    await page.locator('.graphiql-execute-button').click();
    await answered;
    // GraphiQL shows the answer once it has it: wait for the response pane to change.
    await expect.poll(text).not.toBe(before);
    return JSON.parse(await text()) as Record<string, any>;
  }

  it('opens from /graphql, and a chosen role asks and sees its answer', async () => {
    await page.goto(platform.url);
    expect(new URL(page.url()).pathname).toBe('/explorer');
    await page.getByLabel('Role', { exact: true }).selectOption('virtual-school-head');
    await page.getByLabel('Authority', { exact: true }).selectOption(CARDIFF);
    await page.getByRole('button', { name: 'Use this role' }).click();
    await expect.poll(() => page.locator('.explorer-caller').textContent()).toBe(`Asking as virtual-school-head, ${CARDIFF}`);
    const answer = await ask(`{ me { role } learners(first: 2, homeAuthority: "${CARDIFF}") { totalCount edges { node { id homeAuthority { code } } } } }`);
    expect(answer['data']?.me).toEqual({ role: 'VIRTUAL_SCHOOL_HEAD' });
    expect(answer['data']?.learners.totalCount).toBeGreaterThan(0);
    expect(answer['data']?.learners.edges[0].node.homeAuthority).toEqual({ code: CARDIFF });
  });

  it('asks as another role once it is chosen', async () => {
    await page.getByLabel('Role', { exact: true }).selectOption('national-analyst');
    await page.getByRole('button', { name: 'Use this role' }).click();
    await expect.poll(() => page.locator('.explorer-caller').textContent()).toBe('Asking as national-analyst');
    expect((await ask('{ me { role } }'))['data']?.me).toEqual({ role: 'NATIONAL_ANALYST' });
  });

  it("shows the schema's descriptions in the docs", async () => {
    await page.getByRole('button', { name: /Documentation Explorer/ }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').textContent()).toMatch(/learners/);
  });

  it('made no request that left 127.0.0.1', () => {
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
  });

  it('has no serious or critical accessibility violations (axe)', async () => {
    // GraphiQL's tab strip puts each tab's close button inside the tab (nested-interactive), in its own
    // markup that a stylesheet cannot change; everything else on the page is checked.
    const { violations } = await new AxeBuilder({ page }).exclude('.graphiql-tabs').analyze();
    const grave = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
    expect(grave).toEqual([]);
  });
});
