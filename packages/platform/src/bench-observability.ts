// npm run bench:observability — what metrics and logs cost one request: the median latency of a
// cross-authority query (a virtual school head's caseload across all 22 authorities) through the real
// gateway, with tracing off (the default) and metrics on. Run it on a commit before issue 12 and after
// (docs/measurements.md, "Observability overhead (issue 12)"). DATABASE_URL when set, else embedded;
// BENCH_PREFIX keeps the seeded databases under that prefix, so runs compare on the same data.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDevToken } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { platformConfigFromEnv } from './config.ts';
import { startPlatform } from './platform.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 200);
const KEEP = process.env['BENCH_PREFIX'];
const QUERY = 'query Caseload { learners(first: 20) { totalCount edges { node { id legalGivenName currentSchool { name } currentPep { status } } } } }';

const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-bench-observability-'));
const env: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  METRICS_PORT: '0',
  SEED_SCALE: process.env['SEED_SCALE'] ?? '0.1',
  DATABASE_PREFIX: KEEP ?? `bencho${Date.now().toString(36)}`,
  EMBEDDED_POSTGRES_PORT: '55874',
  BENCHMARK_REFRESH_MINUTES: '0',
  // No alerts run while measuring (a full-scale run takes seconds, 5 s after start).
  ALERTS_EVERY_MINUTES: '0',
  BENCHMARK_HISTORY_YEARS: '0',
};
const platform = await startPlatform(platformConfigFromEnv(env));
try {
  const token = await issueDevToken(platform.devIdentity.privateKey, { sub: 'bench', role: 'virtual-school-head', authority: 'W06000015' });
  const ask = async () => {
    const started = performance.now();
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return performance.now() - started;
  };
  for (let i = 0; i < 20; i += 1) await ask();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) times.push(await ask());
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(1);
  console.log(`cross-authority query (22 authorities), ${ROUNDS} rounds: median ${at(0.5)} ms, p90 ${at(0.9)} ms`);
} finally {
  await platform.stop();
  const serverUrl = env['DATABASE_URL'];
  if (serverUrl && !KEEP) await dropDatabases(serverUrl, platform.databases.topology);
  await rm(dataDir, { recursive: true, force: true });
}
