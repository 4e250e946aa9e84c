// One PostgreSQL server for the whole cross-service run: DATABASE_URL's when set, otherwise one embedded
// server started once (vitest globalSetup) and shared by every test file, each with its own databases
// (a prefix per file, dropped afterwards). Starting, initialising and stopping an embedded cluster per
// file cost minutes over the suite; the platform's own embedded start is exercised by tests/start.test.ts.
import { removeForeignExitHooks } from './exit-hooks.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './ports.ts';
import { dropSeededTemplates } from './seeded-templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server every test file's platform creates its databases on. */
    databaseServerUrl: string;
    /** This run's name for its seeded templates (seeded-templates.ts). */
    runId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // This module's imports (seeded-templates.ts) load @wales-lac/db, and with it async-exit-hook.
  removeForeignExitHooks();
  const runId = Date.now().toString(36).slice(-6);
  project.provide('runId', runId);
  const given = process.env['DATABASE_URL'];
  if (given) {
    project.provide('databaseServerUrl', given);
    return () => dropSeededTemplates(given, runId);
  }
  const { startEmbeddedServer } = await import('@wales-lac/db');
  const folder = await mkdtemp(join(tmpdir(), 'wales-lac-tests-'));
  const server = await startEmbeddedServer({ dataDir: join(folder, 'postgres'), port: await freePort(), durable: false });
  removeForeignExitHooks();
  project.provide('databaseServerUrl', server.serverUrl);
  return async () => {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  };
}
