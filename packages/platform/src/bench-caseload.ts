// npm run bench:caseload — a virtual school head's caseload page through the real gateway: SQL
// statements per page at 10, 100 and 500 learners (DataLoader keeps them independent of the page
// size) and the latency of the query. Full-scale Wales; DATABASE_URL when set, else embedded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDevToken } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { platformConfigFromEnv } from './config.ts';
import { startPlatform } from './platform.ts';

const CARDIFF = 'W06000015';
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 15);
const CASELOAD = (first: number) => `{ learners(first: ${first}, homeAuthority: "${CARDIFF}") { totalCount edges { node {
  id legalGivenName preferredName dateOfBirth currentSchool { id name } currentPlacement { type placedOutOfCounty authority { name } }
  currentPep { status reviewState nextReviewDue completionDue completionState quality { rating } signOffs { role current } targets { progress } }
  attendance { rate persistentlyAbsent } attendanceThisTerm { rate } exclusions { kind sessions } reducedTimetables { hoursPerWeek endedOn }
  additionalLearningNeeds { hasIdp } contacts { role name } } } } }`;

let statements = 0;
const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-bench-caseload-'));
const env: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  METRICS_PORT: '0',
  SEED_SCALE: '1',
  DATABASE_PREFIX: `benchc${Date.now().toString(36)}`,
  EMBEDDED_POSTGRES_PORT: '55873',
  BENCHMARK_REFRESH_MINUTES: '0',
  // No alerts run while measuring (a full-scale run takes seconds, 5 s after start).
  ALERTS_EVERY_MINUTES: '0',
};
const platform = await startPlatform(platformConfigFromEnv(env), { onAuthorityQuery: () => (statements += 1) });
try {
  const token = await issueDevToken(platform.devIdentity.privateKey, { sub: 'bench', role: 'virtual-school-head', authority: CARDIFF });
  const ask = async (query: string) => {
    const started = performance.now();
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: { learners: { edges: unknown[] } } };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return { ms: performance.now() - started, rows: body.data?.learners.edges.length ?? 0 };
  };
  console.log('| page size | learners returned | SQL statements per page (all authorities) | median latency |');
  console.log('|---|---|---|---|');
  for (const first of [10, 100, 500]) {
    await ask(CASELOAD(first));
    statements = 0;
    const { rows } = await ask(CASELOAD(first));
    const perPage = statements;
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) times.push((await ask(CASELOAD(first))).ms);
    times.sort((a, b) => a - b);
    console.log(`| ${first} | ${rows} | ${perPage} | ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(0)} ms |`);
  }
} finally {
  await platform.stop();
  const serverUrl = env['DATABASE_URL'];
  if (serverUrl) await dropDatabases(serverUrl, platform.databases.topology);
  await rm(dataDir, { recursive: true, force: true });
}
