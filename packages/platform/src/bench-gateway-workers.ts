// npm run bench:gateway-workers — the gateway at 1 and at 2 workers (GATEWAY_WORKERS, decision 0024) in
// process mode: throughput and p95 of a cross-authority query (a virtual school head's learners(first: 50),
// fanning out to all 22 authorities) from BENCH_CLIENTS concurrent clients, with the CPU each part of the
// platform used meanwhile, and the resident memory (VmRSS) of every process of process mode. Builds
// dist/, starts process mode (GATEWAY_WORKERS as set, else auto), then starts two more gateways from the
// same settings, one per worker count, and loads them in alternating slices so that a busy spell on the
// shared machine falls on both. Then the same for `{ __typename }`, which the gateway answers alone: its
// own capacity, apart from the authorities'. Full-scale Wales by default; DATABASE_URL when set, else embedded.
// BENCH_SECONDS (per worker count, default 30), BENCH_SLICES (default 3), BENCH_CLIENTS (default 16).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDevToken } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { FAN_OUT } from './bench-ratios-queries.ts';
import { buildBundles } from './build/bundle.ts';
import { REPOSITORY_ROOT } from './config.ts';
import { processModeConfigFromEnv } from './processes/config.ts';
import { startProcessMode, type ProcessMode } from './processes/process-mode.ts';
import { childProcesses, cpuTicks, residentKiB } from './processes/proc.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
const SLICES = Number(process.env['BENCH_SLICES'] ?? 3);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 16);
const WORKER_COUNTS = [1, 2] as const;
const CONWY = 'W06000003';
const TICKS_PER_SECOND = 100;

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
};
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

interface StartedGateway {
  readonly url: string;
  readonly child: ChildProcess;
  /** The primary and its workers (just the one process at 1 worker). */
  pids(): number[];
}

/** One more gateway from process mode's gateway settings, with its own port and worker count. */
function startGateway(mode: ProcessMode, workers: number): Promise<StartedGateway> {
  const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'dist', 'gateway.mjs')], {
    env: { PATH: process.env['PATH'] ?? '', ...mode.gatewayEnv, PORT: '0', METRICS_PORT: 'off', LOG_LEVEL: 'warn', GATEWAY_WORKERS: String(workers) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = / listening at (\S+)/.exec(output)?.[1];
      if (url) resolve({ url, child, pids: () => [child.pid ?? 0, ...childProcesses(child.pid ?? 0)] });
    });
    child.once('exit', (code) => reject(new Error(`the ${workers}-worker gateway exited (${code}) before it listened:\n${output}`)));
  });
}

function stopGateway(gateway: StartedGateway): Promise<void> {
  return new Promise((resolve) => {
    if (gateway.child.exitCode !== null) return resolve();
    gateway.child.once('exit', () => resolve());
    gateway.child.kill('SIGTERM');
  });
}

/** Every process of the embedded PostgreSQL (the server is this process's child, its backends the server's). */
function postgresProcesses(): number[] {
  const comm = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      return '';
    }
  };
  const servers = childProcesses(process.pid).filter((pid) => comm(pid) === 'postgres');
  return [...servers, ...servers.flatMap(childProcesses)];
}

/** Busy ticks of the whole machine (every user's work, not only this benchmark's): user, nice, system, irq, softirq, steal. */
function machineBusyTicks(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // Idle is left out rather than subtracted: on some virtual machines it runs backwards.
  return [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + (fields[i] ?? 0), 0);
}

type Groups = Record<'gateway' | 'authorities' | 'reference and benchmarks' | 'PostgreSQL', () => number[]>;

/** CPU each group used while `run` ran, in cores (CPU seconds per second), and the whole machine's. */
async function withCpu<T>(groups: Groups, run: () => Promise<T>): Promise<{ result: T; seconds: number; cores: Record<string, number>; machine: number }> {
  const before = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((pid) => [pid, cpuTicks(pid)]))]));
  const machineBefore = machineBusyTicks();
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  const machineAfter = machineBusyTicks();
  const cores: Record<string, number> = {};
  for (const [name, pids] of Object.entries(groups)) {
    // A process that ended meanwhile (a worker replaced) is counted up to its last reading.
    const now = new Map(pids().map((pid) => [pid, cpuTicks(pid)]));
    let ticks = 0;
    for (const [pid, value] of now) ticks += value - (before[name]?.get(pid) ?? 0);
    cores[name] = ticks / TICKS_PER_SECOND / seconds;
  }
  const machine = (machineAfter - machineBefore) / TICKS_PER_SECOND / seconds;
  return { result, seconds, cores, machine };
}

/** One answer: its latency, and whether it had errors (an authority too slow on the busy machine). */
type Asked = { readonly ms: number; readonly failed: boolean };

/** CLIENTS concurrent clients asking `ask` for `seconds`: each answer. */
async function underLoad(ask: () => Promise<Asked>, seconds: number): Promise<Asked[]> {
  const until = performance.now() + seconds * 1000;
  const answers: Asked[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) answers.push(await ask());
    }),
  );
  return answers;
}

function memoryTable(mode: ProcessMode): void {
  const rows: [string, number, number][] = [];
  for (const [name, supervised] of mode.processes) {
    const pid = supervised.pid;
    if (!pid) continue;
    rows.push([name === 'gateway' ? 'gateway (primary)' : name, pid, residentKiB(pid) ?? 0]);
    if (name === 'gateway') for (const [i, worker] of childProcesses(pid).entries()) rows.push([`gateway worker ${i + 1}`, worker, residentKiB(worker) ?? 0]);
  }
  const services = rows.reduce((sum, [, , kib]) => sum + kib, 0);
  const postgres = postgresProcesses().reduce((sum, pid) => sum + (residentKiB(pid) ?? 0), 0);
  console.log(`\nProcess mode's memory (VmRSS; shared pages are counted in every process that maps them, so the sums overstate):\n`);
  console.log('| process | pid | RSS |');
  console.log('|---|---|---|');
  for (const [name, pid, kib] of rows) console.log(`| ${name} | ${pid} | ${mib(kib)} |`);
  console.log(`| **services: ${rows.length} processes** | | **${mib(services)}** |`);
  console.log(`| supervisor (this process) | ${process.pid} | ${mib(residentKiB(process.pid) ?? 0)} |`);
  if (postgres > 0) console.log(`| embedded PostgreSQL (all its processes) | | ${mib(postgres)} |`);
}

await buildBundles();
const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-bench-workers-'));
const env: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  SERVICE_BASE_PORT: '0',
  SEED_SCALE: process.env['SEED_SCALE'] ?? '1',
  DATABASE_PREFIX: `benchw${Date.now().toString(36)}`,
  EMBEDDED_POSTGRES_PORT: '55876',
  BENCHMARK_REFRESH_MINUTES: '0',
  // No alerts run while measuring (a full-scale run takes seconds, 5 s after start).
  ALERTS_EVERY_MINUTES: '0',
  METRICS_PORT: 'off',
  // Generous: a slow spell on the shared machine is measured as latency, not cut off as an error.
  SUBGRAPH_TIMEOUT_MS: process.env['SUBGRAPH_TIMEOUT_MS'] ?? '30000',
  REQUEST_TIME_BUDGET_MS: process.env['REQUEST_TIME_BUDGET_MS'] ?? '60000',
  LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
};
const config = processModeConfigFromEnv(env);
const mode = await startProcessMode(config);
const gateways: StartedGateway[] = [];
type Sample = { times: number[]; failed: number; seconds: number; cores: Record<string, number>; machine: number };

/** Each gateway in turn for SECONDS / SLICES, SLICES times: its answers and the CPU used meanwhile. */
async function measure(ask: (url: string) => () => Promise<Asked>): Promise<Sample[]> {
  const others = (names: (name: string) => boolean) => () => [...mode.processes].filter(([name]) => names(name)).map(([, p]) => p.pid ?? 0);
  const samples: Sample[] = WORKER_COUNTS.map(() => ({ times: [], failed: 0, seconds: 0, cores: {}, machine: 0 }));
  for (const gateway of gateways) {
    for (let i = 0; i < 3; i += 1) await ask(gateway.url)();
    await underLoad(ask(gateway.url), 2);
  }
  for (let slice = 0; slice < SLICES; slice += 1) {
    for (const [k, gateway] of gateways.entries()) {
      const groups: Groups = {
        gateway: () => gateway.pids(),
        authorities: others((name) => name.startsWith('W')),
        'reference and benchmarks': others((name) => name === 'reference' || name === 'benchmarks'),
        PostgreSQL: postgresProcesses,
      };
      const measured = await withCpu(groups, () => underLoad(ask(gateway.url), SECONDS / SLICES));
      const sample = samples[k]!;
      // Latency and throughput count whole answers only; those with errors are reported beside them.
      sample.times.push(...measured.result.filter((a) => !a.failed).map((a) => a.ms));
      sample.failed += measured.result.filter((a) => a.failed).length;
      for (const [name, cores] of Object.entries(measured.cores)) sample.cores[name] = (sample.cores[name] ?? 0) + (cores * measured.seconds) / SECONDS;
      sample.machine += (measured.machine * measured.seconds) / SECONDS;
      sample.seconds += measured.seconds;
    }
  }
  return samples;
}

function printTable(title: string, samples: readonly Sample[]): void {
  const perSecond = (s: Sample) => s.times.length / s.seconds;
  const cores = (value: number | undefined) => (value ?? 0).toFixed(2);
  console.log(`\n${CLIENTS} clients, ${title}, ${SECONDS} s per worker count in ${SLICES} alternating slices; CPU in cores (CPU seconds per second):\n`);
  console.log(
    '| GATEWAY_WORKERS | requests/s | p50 | p95 | gateway CPU | authorities CPU | reference + benchmarks CPU | PostgreSQL CPU | whole machine busy (every user) | answers with errors |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [k, workers] of WORKER_COUNTS.entries()) {
    const s = samples[k]!;
    console.log(
      `| ${workers} | ${perSecond(s).toFixed(1)} | ${ms(quantile(s.times, 0.5))} | ${ms(quantile(s.times, 0.95))} | ${cores(s.cores['gateway'])} | ${cores(s.cores['authorities'])} | ${cores(s.cores['reference and benchmarks'])} | ${cores(s.cores['PostgreSQL'])} | ${cores(s.machine)} | ${s.failed} |`,
    );
  }
  const [one, two] = samples as [Sample, Sample];
  console.log(
    `| 2 / 1 | ${(perSecond(two) / perSecond(one)).toFixed(2)}× | ${(quantile(two.times, 0.5) / quantile(one.times, 0.5)).toFixed(2)}× | ${(quantile(two.times, 0.95) / quantile(one.times, 0.95)).toFixed(2)}× | | | | | | |`,
  );
}

try {
  const token = await issueDevToken(mode.devIdentity.privateKey, { sub: 'bench-vsh', role: 'virtual-school-head', authority: CONWY });
  const asker = (query: string) => (url: string) => {
    const body = JSON.stringify({ query });
    return async (): Promise<Asked> => {
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      const json = (await response.json()) as { errors?: unknown[] };
      return { ms: performance.now() - started, failed: json.errors !== undefined };
    };
  };
  const fanOut = asker(FAN_OUT(null));
  // Cold authorities first one request at a time, then the concurrent warm-up.
  for (let i = 0; i < 3; i += 1) await fanOut(mode.url)();
  await underLoad(fanOut(mode.url), 2);
  console.log(
    `bench:gateway-workers, scale ${env['SEED_SCALE']}, ${availableParallelism()} cores, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  console.log(`process mode: ${mode.processes.size} supervised processes, its own gateway at GATEWAY_WORKERS=${config.gatewayWorkers}`);
  memoryTable(mode);

  for (const workers of WORKER_COUNTS) gateways.push(await startGateway(mode, workers));
  printTable("a virtual school head's learners(first: 50) across all 22 authorities", await measure(fanOut));
  // The gateway's own work alone (token, parse, validate, limits, shield, plan; no subgraph is asked): what
  // the workers add when the gateway, not the authorities, is what the request waits for.
  printTable('the same caller asking `{ __typename }` (answered by the gateway, no subgraph call)', await measure(asker('{ __typename }')));
} finally {
  await Promise.all(gateways.map(stopGateway));
  await mode.stop();
  if (config.databases.kind === 'server') await dropDatabases(config.databases.url, mode.topology);
  await rm(dataDir, { recursive: true, force: true });
}
