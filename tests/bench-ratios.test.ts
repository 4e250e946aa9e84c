// `npm run bench:ratios` and `npm run profile:summary`, as the README and docs/performance.md name them,
// run end to end on a small data set (the figures themselves are measured at full scale, never asserted):
// the benchmark prints its three tables with ratios and writes a CPU profile the summary reads.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { REPOSITORY_ROOT } from '@wales-lac/platform';
import { SMALL_RELEASE_ENV } from './support/small-release.ts';

const folder = await mkdtemp(join(tmpdir(), 'wales-lac-bench-ratios-test-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

function npmRun(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('npm run bench:ratios', () => {
  it('prints the cost table, the fan-out and the throughput with ratios, and a profile the summary reads', async () => {
    const profile = join(folder, 'bench.cpuprofile');
    const bench = await npmRun('bench:ratios', [], {
      DATABASE_URL: inject('databaseServerUrl'),
      SEED_SCALE: '0.03',
      ...SMALL_RELEASE_ENV,
      BENCH_ROUNDS: '3',
      BENCH_SECONDS: '1',
      BENCH_CPU_PROFILE: profile,
    });
    expect(bench.code, bench.out).toBe(0);
    for (const row of ["one child's record", 'caseload page of 500', '22 authorities', 'one authority', 'through the gateway', 'straight to the authority']) {
      expect(bench.out).toMatch(new RegExp(`\\| ${row} \\|[^\\n]*\\d+(\\.\\d+)? ms`));
    }
    expect(bench.out).toMatch(/\| gateway \/ authority \| \d+\.\d\d× \| \d+\.\d\d× \|/);
    expect((await stat(profile)).size).toBeGreaterThan(1000);

    const summary = await npmRun('profile:summary', [profile, '5'], {});
    expect(summary.code, summary.out).toBe(0);
    expect(summary.out).toMatch(/^\d+ samples/m);
    expect(summary.out).toMatch(/\| package \| self time \|/);
  }, 240_000);
});
