// npm run bench:benchmarks — how long a benchmarks refresh (collect 22 authorities' anonymised views) and
// a full report (with disclosure control) take at full Welsh scale, through the real gateway.
// Uses DATABASE_URL when set, the embedded server otherwise; seeds a fresh full-scale Wales.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDevToken } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { platformConfigFromEnv } from './config.ts';
import { startPlatform } from './platform.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-bench-benchmarks-'));
const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, PORT: '0', SEED_SCALE: '1', DATABASE_PREFIX: `benchb${Date.now().toString(36)}`, EMBEDDED_POSTGRES_PORT: '55872', BENCHMARK_REFRESH_MINUTES: '0' };
const platform = await startPlatform(platformConfigFromEnv(env));
try {
  const token = await issueDevToken(platform.devIdentity.privateKey, { sub: 'bench', role: 'national-analyst' });
  const ask = async (query: string) => {
    const started = performance.now();
    const response = await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: unknown[]; data?: { benchmarks?: { figures: { marker?: string | null }[] } } };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const figures = body.data?.benchmarks?.figures ?? [];
    return { ms: performance.now() - started, figures: figures.length, hidden: figures.filter((f) => f.marker === '[c]').length };
  };
  const refresh = await ask('mutation { refreshBenchmarks { seconds refreshed { code } } }');
  const cold = await ask('{ benchmarks { figures { measure code dimension category numerator denominator rate lower upper marker } } }');
  const warm = await ask('{ benchmarks { figures { measure code dimension category numerator denominator rate lower upper marker } } }');
  console.log('| step | time | note |');
  console.log('|---|---|---|');
  console.log(`| refresh (22 authorities, anonymised views) | ${(refresh.ms / 1000).toFixed(2)} s | through the gateway, national analyst |`);
  console.log(`| full report, first after a refresh | ${(cold.ms / 1000).toFixed(2)} s | ${cold.figures} figures, ${cold.hidden} of them hidden ([c]), disclosure control computed |`);
  console.log(`| full report, again | ${(warm.ms / 1000).toFixed(2)} s | built once per refresh, then served |`);
} finally {
  await platform.stop();
  const serverUrl = env['DATABASE_URL'];
  if (serverUrl) await dropDatabases(serverUrl, platform.databases.topology);
  await rm(dataDir, { recursive: true, force: true });
}
