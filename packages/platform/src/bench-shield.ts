// npm run bench:shield — what enforcement costs in latency: the same queries through two gateways over
// the same 22 authorities, one with the gateway's shield pass and one without (the authorities enforce
// in both), alternating, in one run. Reports medians and the ratio. Uses DATABASE_URL when set.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, issueDevToken } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { createGateway, loadSupergraph } from '@wales-lac/gateway';
import { platformConfigFromEnv } from './config.ts';
import { startPlatform } from './platform.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 60);
const CARDIFF = 'W06000015';
const QUERIES = {
  'one child, full record': `query($id: ID!) { learner(id: $id) { id legalGivenName upn homeAuthority { name } currentPlacement { type authority { name } }
      currentSchool { name } currentPep { status reviewState targets { description progress } } contacts { role name } } }`,
  'caseload page of 100': `{ learners(first: 100, homeAuthority: "${CARDIFF}") { totalCount edges { node { id legalGivenName currentSchool { name }
      currentPlacement { type } currentPep { status reviewState } } } } }`,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-bench-shield-'));
const env: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  METRICS_PORT: '0',
  DATABASE_PREFIX: `bench${Date.now().toString(36)}`,
  EMBEDDED_POSTGRES_PORT: '55871',
  BENCHMARK_REFRESH_MINUTES: '0',
  // No alerts run while measuring (a full-scale run takes seconds, 5 s after start).
  ALERTS_EVERY_MINUTES: '0',
};
const platform = await startPlatform(platformConfigFromEnv(env));
const unshielded = await createGateway({
  supergraphSdl: loadSupergraph(),
  authorities: platform.authorityUrls,
  services: platform.serviceUrls,
  identity: { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, key: platform.devIdentity.publicKey },
  assertionPrivateKey: platform.gatewayKeys.privateKey,
  shield: false,
});
const unshieldedUrl = (await unshielded.listen(0)).url;
try {
  const token = await issueDevToken(platform.devIdentity.privateKey, { sub: 'bench', role: 'virtual-school-head', authority: CARDIFF });
  const [first] = await platform.databases.authorities.get(CARDIFF)!.sql<{ id: string }[]>`select id from learners order by id limit 1`;
  const ask = async (url: string, query: string) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { id: first?.id } }),
    });
    await response.json();
    return performance.now() - started;
  };
  console.log(`| query | gateway without shield pass (median ms) | with shield pass (median ms) | ratio |`);
  console.log('|---|---|---|---|');
  for (const [name, query] of Object.entries(QUERIES)) {
    for (let i = 0; i < 5; i += 1) await Promise.all([ask(platform.url, query), ask(unshieldedUrl, query)]);
    const withShield: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      without.push(await ask(unshieldedUrl, query));
      withShield.push(await ask(platform.url, query));
    }
    console.log(`| ${name} | ${median(without).toFixed(1)} | ${median(withShield).toFixed(1)} | ${(median(withShield) / median(without)).toFixed(2)}× |`);
  }
} finally {
  await unshielded.stop();
  await platform.stop();
  const serverUrl = env['DATABASE_URL'];
  if (serverUrl) await dropDatabases(serverUrl, platform.databases.topology);
  await rm(dataDir, { recursive: true, force: true });
}
