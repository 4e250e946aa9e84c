// npm run bench:startup — how long `npm start` takes (first run: initdb, migrate, seed; later run: data
// kept) and how much memory the running platform uses (gateway + 23 services in one Node process, plus
// the embedded PostgreSQL server's processes). Uses a fresh data folder and its own ports.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from './config.ts';

const MAIN = join(REPOSITORY_ROOT, 'packages/platform/src/main.ts');

/** Proportional set size: shared pages (PostgreSQL's shared buffers) are split between the processes sharing them, so sums do not overcount. */
async function pssKiB(pid: number): Promise<number> {
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
}

/** Resident memory of every process whose command line mentions the data folder (the PostgreSQL server). */
async function postgresPssKiB(dataDir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(dataDir) || (await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '')).startsWith('postgres')) {
      const parent = /PPid:\s+(\d+)/.exec(await readFile(`/proc/${entry}/status`, 'utf8').catch(() => ''))?.[1];
      if (cmdline.includes(dataDir) || (parent && (await readFile(`/proc/${parent}/cmdline`, 'utf8').catch(() => '')).includes(dataDir))) {
        total += await pssKiB(Number(entry));
      }
    }
  }
  return total;
}

async function run(dataDir: string, port: number, pgPort: number): Promise<{ seconds: number; nodeMiB: number; postgresMiB: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), EMBEDDED_POSTGRES_PORT: String(pgPort), METRICS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('education graph: http')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`platform exited with ${code}:\n${output}`)));
  });
  const seconds = (Date.now() - started) / 1000;
  const health = await fetch(`http://127.0.0.1:${port}/health`);
  if (!health.ok) throw new Error(`health answered ${health.status}`);
  const nodeMiB = (await pssKiB(child.pid ?? 0)) / 1024;
  const postgresMiB = (await postgresPssKiB(dataDir)) / 1024;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { seconds, nodeMiB, postgresMiB };
}

const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-bench-'));
try {
  const port = 4900 + Math.floor(Math.random() * 50);
  const pgPort = 55900 + Math.floor(Math.random() * 50);
  const first = await run(dataDir, port, pgPort);
  const later = await run(dataDir, port, pgPort);
  console.log('| run | start-up to URL printed | Node memory (PSS) | PostgreSQL memory (PSS, all its processes) |');
  console.log('|---|---|---|---|');
  for (const [name, r] of [
    ['first (initdb, migrate, seed full Wales)', first],
    ['later (data kept)', later],
  ] as const) {
    console.log(`| ${name} | ${r.seconds.toFixed(1)} s | ${r.nodeMiB.toFixed(0)} MiB | ${r.postgresMiB.toFixed(0)} MiB |`);
  }
  console.log(`ratio first/later: ${(first.seconds / later.seconds).toFixed(1)}×`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
