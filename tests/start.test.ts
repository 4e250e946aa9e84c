// The README's two entry points, run as a newcomer runs them on a fresh clone: `npm start` with no database
// configured (the embedded PostgreSQL, seeded at full Welsh scale in a new data folder) and `npm run token`,
// then the README's questions through the gateway over HTTP. Nothing here is started in-process.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { freePort } from './support/ports.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);

let dataDir: string;
let env: NodeJS.ProcessEnv;
let started: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-start-'));
  // As on a newcomer's machine: no DATABASE_URL, nothing else set but where to keep data and which ports.
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  env = {
    ...rest,
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    METRICS_PORT: String(await freePort()),
  };
  started = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /education graph: (http:\S+)/.exec(output);
      if (found?.[1]) {
        clearInterval(timer);
        resolve(found[1]);
      } else if (started.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`npm start exited with ${started.exitCode}:\n${output}`));
      }
    }, 100);
  });
}, 240_000);

afterAll(async () => {
  if (started?.pid && started.exitCode === null) {
    const exited = new Promise((resolve) => started.once('exit', resolve));
    process.kill(-started.pid, 'SIGTERM'); // npm, and the platform under it
    await exited;
  }
  // The embedded server may still be writing as it shuts down after the platform: retry while it does.
  if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
});

async function token(...args: string[]): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', 'token', '--', ...args], { cwd: ROOT, env });
  return stdout.trim();
}

type Answer = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

async function ask(bearer: string, query: string): Promise<{ status: number; body: Answer }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

describe('npm start on a fresh clone, with no database configured', () => {
  it("answers a national analyst's first benchmarks question at once, with figures for every authority, region and Wales", async () => {
    const national = await token('--role', 'national-analyst');
    const { body } = await ask(national, '{ benchmarks(dimension: "all") { refreshedAt figures { level code measure numerator denominator marker } } }');
    expect(body.errors).toBeUndefined();
    const figures = body.data.benchmarks.figures as { code: string; measure: string; numerator: number | null; marker: string | null }[];
    const codes = new Set(figures.map((f) => f.code));
    expect([...codes].filter((c) => c.startsWith('W06')).sort()).toEqual(AUTHORITY_FACTS.map((a) => a.code).sort());
    expect(codes).toContain('W92000004');
    // Counts are published, not only markers: every authority has published totals, and so has Wales.
    const published = figures.filter((f) => f.marker === null);
    expect(published.length).toBeGreaterThan(figures.length / 2);
    for (const code of [...AUTHORITY_FACTS.map((a) => a.code), 'W92000004']) expect(published.filter((f) => f.code === code).length, code).toBeGreaterThan(5);
    expect(published.every((f) => (f.numerator ?? 0) >= 5)).toBe(true);
    expect(published.find((f) => f.code === 'W92000004' && f.measure === 'cohort')?.numerator).toBeGreaterThan(5000);
  });

  it("answers the README's caseload question for Cardiff's virtual school head", async () => {
    const lead = await token('--role', 'virtual-school-head', '--authority', 'W06000015');
    const { body } = await ask(
      lead,
      '{ learners(first: 3, homeAuthority: "W06000015", placedOutOfCounty: true) { totalCount edges { node { id homeAuthority { name } currentPlacement { authority { code } } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.learners.totalCount).toBeGreaterThan(100); // full scale: Cardiff has about 1,040 children
    expect(body.data.learners.edges).toHaveLength(3);
  });

  it("has run today's alerts soon after start: the virtual school head's feed has them", async () => {
    const lead = await token('--role', 'virtual-school-head', '--authority', 'W06000015');
    let alerts = 0;
    for (const until = Date.now() + 90_000; alerts === 0 && Date.now() < until; await new Promise((r) => setTimeout(r, 1_000))) {
      // A fresh install has no moves or meetings yet: whatever is in the feed was raised by the alerts run.
      const { body } = await ask(lead, '{ notifications(first: 1) { totalCount } }');
      expect(body.errors).toBeUndefined();
      alerts = body.data.notifications.totalCount;
    }
    expect(alerts).toBeGreaterThan(0);
  }, 120_000);

  it('is healthy', async () => {
    expect((await fetch(new URL('/health', url))).status).toBe(200);
  });
});
