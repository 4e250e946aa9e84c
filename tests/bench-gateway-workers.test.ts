// `npm run bench:gateway-workers`, as docs/measurements.md names it, runs end to end on a small data set
// for a second per worker count (the figures themselves are measured at full scale, never asserted):
// it prints the memory of every process of process mode and the 1- against 2-worker table with its ratio.
import { spawn } from 'node:child_process';
import { describe, expect, it, inject } from 'vitest';
import { REPOSITORY_ROOT } from '@wales-lac/platform';
import { SMALL_RELEASE_ENV } from './support/small-release.ts';

describe('npm run bench:gateway-workers', () => {
  it('prints process mode memory per process and throughput and p95 at 1 and 2 workers, with the ratio', async () => {
    const child = spawn('npm', ['run', '--silent', 'bench:gateway-workers'], {
      cwd: REPOSITORY_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseServerUrl'),
        SEED_SCALE: '0.03',
        ...SMALL_RELEASE_ENV,
        BENCH_SECONDS: '2',
        BENCH_SLICES: '1',
        BENCH_CLIENTS: '2',
        GATEWAY_WORKERS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, out).toBe(0);
    expect(out).toMatch(/\| gateway worker 2 \| \d+ \| \d+ MiB \|/);
    expect(out).toMatch(/\| W06000024 \| \d+ \| \d+ MiB \|/);
    expect(out).toMatch(/\| \*\*services: 27 processes\*\* \| \| \*\*\d+ MiB\*\* \|/);
    for (const workers of ['1', '2']) expect(out).toMatch(new RegExp(`\\| ${workers} \\| \\d+\\.\\d \\| [\\d.]+ ms \\| [\\d.]+ ms \\| \\d+\\.\\d\\d \\|`));
    expect(out).toMatch(/\| 2 \/ 1 \| \d+\.\d\d× \|/);
  }, 400_000);
});
