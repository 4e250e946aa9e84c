// Starts process mode for a test file (every service its own OS process from dist/, rebuilt first), on
// the run's one PostgreSQL server with databases of a unique prefix, dropped afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { issueDevToken, type CallerClaims } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { buildBundles, processModeConfigFromEnv, startProcessMode, type ProcessMode } from '@wales-lac/platform';
import type { GraphQLAnswer } from './platform.ts';
import { TEST_SCALE } from './platform.ts';
import { SMALL_RELEASE_ENV } from './small-release.ts';

export interface TestProcessMode extends ProcessMode {
  token(claims: CallerClaims): Promise<string>;
  graphql(token: string, query: string): Promise<GraphQLAnswer>;
  /** Seconds from the call to the gateway answering. */
  readonly startSeconds: number;
}

export async function startTestProcessMode(env: Record<string, string> = {}): Promise<TestProcessMode> {
  await buildBundles();
  const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-processes-'));
  const config = processModeConfigFromEnv({
    DATA_DIR: dataDir,
    PORT: '0',
    SERVICE_BASE_PORT: '0',
    SEED_SCALE: String(TEST_SCALE),
    DATABASE_PREFIX: `p${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
    SUBGRAPH_TIMEOUT_MS: '10000',
    BENCHMARK_REFRESH_MINUTES: '0',
    ...SMALL_RELEASE_ENV,
    ALERTS_EVERY_MINUTES: '0',
    DATABASE_URL: inject('databaseServerUrl'),
    METRICS_PORT: '0',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const started = performance.now();
  const mode = await startProcessMode(config, { log: (line) => (process.env['PROCESS_LOG'] ? console.log(line) : undefined) });
  const startSeconds = (performance.now() - started) / 1000;
  return {
    ...mode,
    startSeconds,
    async stop() {
      await mode.stop();
      if (config.databases.kind === 'server') await dropDatabases(config.databases.url, mode.topology);
      await rm(dataDir, { recursive: true, force: true });
    },
    token: (claims) => issueDevToken(mode.devIdentity.privateKey, claims),
    async graphql(token, query) {
      const response = await fetch(mode.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] };
    },
  };
}
