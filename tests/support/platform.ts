// Starts the real platform for a test file, on the run's one PostgreSQL server (DATABASE_URL's, or the
// embedded one database-server.ts starts), with databases of a unique prefix, dropped afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { issueDevToken, type CallerClaims, type DevTokenOptions } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { platformConfigFromEnv, startPlatform, type Platform, type PlatformOptions } from '@wales-lac/platform';

import { copySeededDatabases, sharedDataSet } from './seeded-templates.ts';
import { SMALL_RELEASE_ENV } from './small-release.ts';

export interface TestPlatform extends Platform {
  token(claims: CallerClaims, options?: DevTokenOptions): Promise<string>;
  graphql(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
    operationName?: string,
  ): Promise<GraphQLAnswer>;
}

export interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
}

export const TEST_SCALE = 0.03;

export { freePort } from './ports.ts';

export async function startTestPlatform(options: PlatformOptions & { env?: Record<string, string> } = {}): Promise<TestPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-test-'));
  const prefix = `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const env: Record<string, string | undefined> = {
    DATA_DIR: dataDir,
    PORT: '0',
    SEED_SCALE: String(TEST_SCALE),
    DATABASE_PREFIX: prefix,
    // Generous: the first query after a start runs on cold code on a shared 2-core machine; tests of timeouts set their own.
    SUBGRAPH_TIMEOUT_MS: '10000',
    // A quick first release (small-release.ts); the trend test asks for history itself.
    ...SMALL_RELEASE_ENV,
    // Alerts only when a test runs them (platform.alerts.run): a run at start would change every file's feeds.
    ALERTS_EVERY_MINUTES: '0',
    DATABASE_URL: inject('databaseServerUrl'),
    // The gateway's /metrics on a port of the OS's choosing; a request's log line only when a test asks for it.
    METRICS_PORT: '0',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const config = platformConfigFromEnv(env);
  const dataSet = sharedDataSet(config, options, options.env ?? {});
  if (dataSet) await copySeededDatabases(config, dataSet, inject('runId'), prefix);
  const platform = await startPlatform(config, options);
  return {
    ...platform,
    async stop() {
      await platform.stop();
      if (config.databases.kind === 'server') await dropDatabases(config.databases.url, platform.databases.topology);
      await rm(dataDir, { recursive: true, force: true });
    },
    token: (claims, tokenOptions) => issueDevToken(platform.devIdentity.privateKey, claims, tokenOptions),
    async graphql(token, query, variables = {}, headers = {}, operationName) {
      const response = await fetch(platform.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] };
    },
  };
}
