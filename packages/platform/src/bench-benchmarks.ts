// npm run bench:benchmarks: at full Welsh scale, through the real gateway as a national analyst, how long
// a refresh takes (collect 22 authorities' anonymised views, then build, protect and audit one release),
// the build and audit times the release records, and how fast questions are served from the release.
// Uses DATABASE_URL when set, the embedded server otherwise; seeds a fresh full-scale Wales.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDevToken } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { platformConfigFromEnv } from './config.ts';
import { startPlatform } from './platform.ts';

const QUESTIONS = 50;
const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-bench-benchmarks-'));
const env: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  METRICS_PORT: '0',
  SEED_SCALE: process.env['SEED_SCALE'] ?? '1',
  DATABASE_PREFIX: `benchb${Date.now().toString(36)}`,
  EMBEDDED_POSTGRES_PORT: '55872',
  BENCHMARK_REFRESH_MINUTES: '0',
  // No alerts run while measuring (a full-scale run takes seconds, 5 s after start).
  ALERTS_EVERY_MINUTES: '0',
};
const platform = await startPlatform(platformConfigFromEnv(env));
try {
  const token = await issueDevToken(platform.devIdentity.privateKey, { sub: 'bench', role: 'national-analyst' });
  const ask = async <T>(query: string): Promise<{ ms: number; data: T }> => {
    const started = performance.now();
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data: T };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: performance.now() - started, data: body.data };
  };
  type Release = {
    id: string;
    state: string;
    failure: string | null;
    buildSeconds: number | null;
    auditSeconds: number | null;
    audit: { cellsChecked: number; findings: number; method: string } | null;
  };
  const RELEASE = 'id state failure buildSeconds auditSeconds audit { cellsChecked findings method }';
  const refreshStarted = performance.now();
  const refresh = await ask<{ refreshBenchmarks: { seconds: number; release: Release } }>(`mutation { refreshBenchmarks { seconds release { ${RELEASE} } } }`);
  let release = refresh.data.refreshBenchmarks.release;
  while (release.state === 'BUILDING') {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const list = await ask<{ benchmarkReleases: Release[] }>(`{ benchmarkReleases(first: 5) { ${RELEASE} } }`);
    release = list.data.benchmarkReleases.find((r) => r.id === release.id) ?? release;
  }
  const refreshMs = performance.now() - refreshStarted;
  const FULL = '{ benchmarks { release { id } figures { measure code dimension category numerator denominator rate lower upper marker } } }';
  const SMALL = '{ benchmarks(measures: ["pep-in-place"], level: AUTHORITY, dimension: "all") { figures { code rate lower upper marker } } }';
  const served = async (query: string) => {
    const times: number[] = [];
    let figures = 0;
    let hidden = 0;
    for (let i = 0; i < QUESTIONS; i += 1) {
      const answer = await ask<{ benchmarks: { figures: { marker: string | null }[] } }>(query);
      times.push(answer.ms);
      figures = answer.data.benchmarks.figures.length;
      hidden = answer.data.benchmarks.figures.filter((f) => f.marker === '[c]').length;
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(QUESTIONS / 2)] ?? 0, p95: times[Math.floor(QUESTIONS * 0.95)] ?? 0, figures, hidden };
  };
  const full = await served(FULL);
  const small = await served(SMALL);
  const s = (v: number | null | undefined) => (v ?? 0).toFixed(2);
  console.log(
    `release ${release.id}: ${release.state}${release.failure ? ` (${release.failure})` : ''}; audit: ${release.audit?.cellsChecked ?? 0} hidden cells checked, ${release.audit?.findings ?? '-'} findings (${release.audit?.method ?? 'none'})`,
  );
  console.log('| step | time | note |');
  console.log('|---|---|---|');
  console.log(
    `| refresh: collect 22 authorities, build, protect and audit one release | ${(refreshMs / 1000).toFixed(2)} s | through the gateway (collect ${refresh.data.refreshBenchmarks.seconds.toFixed(2)} s) |`,
  );
  console.log(`| of which: build (disclosure control) | ${s(release.buildSeconds)} s | in a worker thread |`);
  console.log(`| of which: independent audit | ${s(release.auditSeconds)} s | in the same worker, after the build |`);
  console.log(
    `| full report served from the release | p50 ${full.p50.toFixed(1)} ms, p95 ${full.p95.toFixed(1)} ms | ${full.figures} figures, ${full.hidden} hidden ([c]); ${QUESTIONS} questions |`,
  );
  console.log(
    `| one measure, authorities, no split | p50 ${small.p50.toFixed(1)} ms, p95 ${small.p95.toFixed(1)} ms | ${small.figures} figures; ${QUESTIONS} questions |`,
  );
} finally {
  await platform.stop();
  const serverUrl = env['DATABASE_URL'];
  if (serverUrl) await dropDatabases(serverUrl, platform.databases.topology);
  await rm(dataDir, { recursive: true, force: true });
}
