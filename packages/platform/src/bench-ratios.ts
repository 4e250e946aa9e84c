// npm run bench:ratios — what an entitlement-checked, audited read costs against the data it reads (issue
// 13), in one run on one data set: each query through the gateway, straight to the owning authority with
// a signed assertion (what the gateway sends), and as raw SQL reading the same rows and columns; the
// 22-authority fan-out against one authority; throughput and p95 at 16 concurrent clients. Prints ratios.
// Full-scale Wales; DATABASE_URL when set, else the embedded PostgreSQL. BENCH_ROUNDS, BENCH_SECONDS;
// BENCH_PARTS (table,fanout,load; repeat-direct, repeat-gateway for profiles) runs some parts only; BENCH_CPU_PROFILE=<file> writes a CPU profile of
// the measured part (the platform runs in this process), without start-up and seeding.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSERTION_HEADER, callerFromClaims, createAssertionSigner, issueDevToken } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { platformConfigFromEnv } from './config.ts';
import { startPlatform } from './platform.ts';
import { startCpuProfile } from './cpu-profile.ts';
import { RAW_SQL, RECORD, PAGE, FAN_OUT, type RawQuery } from './bench-ratios-queries.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 40);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const CLIENTS = 16;
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'table,fanout,load').split(','));
const CARDIFF = 'W06000015';

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
};
type Timed = () => Promise<number>;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-bench-ratios-'));
const env: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  SEED_SCALE: process.env['SEED_SCALE'] ?? '1',
  DATABASE_PREFIX: `benchr${Date.now().toString(36)}`,
  EMBEDDED_POSTGRES_PORT: '55874',
  BENCHMARK_REFRESH_MINUTES: '0',
  // No alerts run while measuring (a full-scale run takes seconds, 5 s after start).
  ALERTS_EVERY_MINUTES: '0',
  METRICS_PORT: '0',
  // One log line per request would drown the tables.
  LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
};
const platform = await startPlatform(platformConfigFromEnv(env));
try {
  const claims = { sub: 'bench-vsh', role: 'virtual-school-head', authority: CARDIFF };
  const caller = callerFromClaims(claims);
  const token = await issueDevToken(platform.devIdentity.privateKey, claims);
  const sign = createAssertionSigner(platform.gatewayKeys.privateKey);
  const cardiff = platform.databases.authorities.get(CARDIFF)!.sql;
  const authorityUrl = platform.authorityUrls.get(CARDIFF)!;
  const [first] = await cardiff<{ id: string }[]>`select id from learners order by id limit 1`;
  const variables = { id: first!.id };

  const post = async (url: string, headers: Record<string, string>, body: string) => {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const json = (await response.json()) as { errors?: unknown[] };
    const elapsed = performance.now() - started;
    if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 400)}`);
    return elapsed;
  };
  const viaGateway = (query: string) => post(platform.url, { authorization: `Bearer ${token}` }, JSON.stringify({ query, variables }));
  const direct = async (query: string) => {
    const body = JSON.stringify({ query, variables });
    // Signed before the clock starts: the gateway's signing is counted in the gateway column.
    const assertion = await sign(caller, `authority:${CARDIFF}`, body);
    return post(authorityUrl, { [ASSERTION_HEADER]: assertion }, body);
  };
  const raw = async (query: RawQuery) => {
    const started = performance.now();
    await query(cardiff, variables.id);
    return performance.now() - started;
  };

  const profile = process.env['BENCH_CPU_PROFILE'] ? await startCpuProfile() : null;
  console.log(`bench:ratios, scale ${env['SEED_SCALE']}, ${ROUNDS} rounds; Cardiff's virtual school head\n`);
  if (PARTS.has('table')) await costTable(viaGateway, direct, raw);
  if (PARTS.has('fanout')) await fanOut(viaGateway);
  if (PARTS.has('load'))
    await throughput(
      () => viaGateway(RECORD),
      () => direct(RECORD),
    );
  // For profiles of one side alone: a page of 500 asked again and again for BENCH_SECONDS.
  if (PARTS.has('repeat-direct')) await repeat(() => direct(PAGE(500, CARDIFF)));
  if (PARTS.has('repeat-gateway')) await repeat(() => viaGateway(PAGE(500, CARDIFF)));
  if (profile) await profile.stop(process.env['BENCH_CPU_PROFILE']!);
  const memory = process.memoryUsage();
  console.log(
    `\nNode (the whole platform in this process): RSS ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
} finally {
  await platform.stop();
  const serverUrl = env['DATABASE_URL'];
  if (serverUrl) await dropDatabases(serverUrl, platform.databases.topology);
  await rm(dataDir, { recursive: true, force: true });
}

/** Each run's samples; the runs are taken in turn within a round, so a busy spell on the shared machine falls on all. */
async function interleaved(runs: readonly Timed[], rounds: number): Promise<number[][]> {
  for (let i = 0; i < 5; i += 1) for (const run of runs) await run();
  const times = runs.map((): number[] => []);
  for (let i = 0; i < rounds; i += 1) for (const [k, run] of runs.entries()) times[k]!.push(await run());
  return times;
}

async function costTable(
  viaGateway: (query: string) => Promise<number>,
  direct: (query: string) => Promise<number>,
  raw: (query: RawQuery) => Promise<number>,
) {
  console.log('| query (medians) | through the gateway | straight to the authority | raw SQL | gateway / authority | authority / SQL | gateway / SQL |');
  console.log('|---|---|---|---|---|---|---|');
  const rows: [string, string, RawQuery][] = [
    ["one child's record", RECORD, RAW_SQL.record],
    ['caseload page of 100', PAGE(100, CARDIFF), RAW_SQL.page(100)],
    ['caseload page of 500', PAGE(500, CARDIFF), RAW_SQL.page(500)],
  ];
  for (const [name, query, sqlQuery] of rows) {
    const [g = 0, d = 0, s = 0] = (await interleaved([() => viaGateway(query), () => direct(query), () => raw(sqlQuery)], ROUNDS)).map((t) => quantile(t, 0.5));
    console.log(`| ${name} | ${ms(g)} | ${ms(d)} | ${ms(s)} | ${ratio(g, d)} | ${ratio(d, s)} | ${ratio(g, s)} |`);
  }
}

async function fanOut(viaGateway: (query: string) => Promise<number>) {
  const [all = [], one = []] = await interleaved([() => viaGateway(FAN_OUT(null)), () => viaGateway(FAN_OUT(CARDIFF))], ROUNDS * 3);
  console.log('\n| learners(first: 50), through the gateway | p50 | p99 |');
  console.log('|---|---|---|');
  console.log(`| 22 authorities | ${ms(quantile(all, 0.5))} | ${ms(quantile(all, 0.99))} |`);
  console.log(`| one authority | ${ms(quantile(one, 0.5))} | ${ms(quantile(one, 0.99))} |`);
  console.log(`| 22 / 1 | ${ratio(quantile(all, 0.5), quantile(one, 0.5))} | ${ratio(quantile(all, 0.99), quantile(one, 0.99))} |`);
}

async function repeat(run: Timed) {
  const times: number[] = [];
  for (const until = performance.now() + SECONDS * 1000; performance.now() < until;) times.push(await run());
  console.log(`${times.length} answers, median ${ms(quantile(times, 0.5))}`);
}

/** CLIENTS concurrent clients for `seconds`: each answer's latency. */
async function underLoad(run: Timed, seconds: number): Promise<number[]> {
  const until = performance.now() + seconds * 1000;
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) times.push(await run());
    }),
  );
  return times;
}

/** Gateway and direct in alternating slices (two each), so both see the same spells of a busy machine. */
async function throughput(viaGateway: Timed, direct: Timed) {
  await underLoad(viaGateway, 1);
  const slice = SECONDS / 2;
  const gateway: number[] = [];
  const authority: number[] = [];
  for (let i = 0; i < 2; i += 1) {
    gateway.push(...(await underLoad(viaGateway, slice)));
    authority.push(...(await underLoad(direct, slice)));
  }
  const perSecond = (times: readonly number[]) => times.length / SECONDS;
  console.log(`\n| ${CLIENTS} clients, one child's record, ${SECONDS} s each | requests/s | p95 |`);
  console.log('|---|---|---|');
  console.log(`| through the gateway | ${perSecond(gateway).toFixed(0)} | ${ms(quantile(gateway, 0.95))} |`);
  console.log(`| straight to the authority | ${perSecond(authority).toFixed(0)} | ${ms(quantile(authority, 0.95))} |`);
  console.log(`| gateway / authority | ${ratio(perSecond(gateway), perSecond(authority))} | ${ratio(quantile(gateway, 0.95), quantile(authority, 0.95))} |`);
}
