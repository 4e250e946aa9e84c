// Starts the real platform for a test file: DATABASE_URL's server when set (databases with a
// unique prefix, dropped afterwards), otherwise an embedded PostgreSQL in a temporary folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { issueDevToken, type CallerClaims, type DevTokenOptions } from '@wales-lac/caller';
import { dropDatabases } from '@wales-lac/db';
import { platformConfigFromEnv, startPlatform, type Platform, type PlatformOptions } from '@wales-lac/platform';

export interface TestPlatform extends Platform {
  token(claims: CallerClaims, options?: DevTokenOptions): Promise<string>;
  graphql(token: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLAnswer>;
}

export interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
}

export const TEST_SCALE = 0.03;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

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
    ...(process.env['DATABASE_URL'] ? { DATABASE_URL: process.env['DATABASE_URL'] } : { EMBEDDED_POSTGRES_PORT: String(await freePort()) }),
    ...options.env,
  };
  const config = platformConfigFromEnv(env);
  const platform = await startPlatform(config, options);
  return {
    ...platform,
    async stop() {
      await platform.stop();
      if (config.databases.kind === 'server') await dropDatabases(config.databases.url, platform.databases.topology);
      await rm(dataDir, { recursive: true, force: true });
    },
    token: (claims, tokenOptions) => issueDevToken(platform.devIdentity.privateKey, claims, tokenOptions),
    async graphql(token, query, variables = {}, headers = {}) {
      const response = await fetch(platform.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] };
    },
  };
}
