// Headless Chromium for browser tests: Debian's package (`apt-get install chromium`; .ci/run installs it),
// driven by playwright-core, which never downloads a browser of its own. A fresh profile per launch, and
// none of Chromium's own calls home (sync, component updates, background networking).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Where Chromium is, or null when it truly is not installed. */
export const CHROMIUM: string | null = CANDIDATES.find((path): path is string => !!path && existsSync(path)) ?? null;

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium: apt-get install -y chromium');
  const profile = await mkdtemp(join(tmpdir(), 'wales-lac-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
