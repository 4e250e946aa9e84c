// The embedded server is what a fresh machine gets: prove it really starts, serves and keeps data.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connectAuthorityDatabase } from './connection.ts';
import { startEmbeddedServer } from './embedded.ts';
import { migrateAuthorityDatabase } from './migrate.ts';
import { ensureDatabases, topologyOnServer } from './provision.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('embedded PostgreSQL', () => {
  it('starts, migrates an authority database, and keeps its rows across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wales-lac-embedded-'));
    dirs.push(dir);
    const port = await freePort();
    const options = { dataDir: join(dir, 'postgres'), port };
    let server = await startEmbeddedServer(options);
    const topology = topologyOnServer(server.serverUrl, 'embedded_test', ['W06000015']);
    await ensureDatabases(server.serverUrl, topology);
    const url = topology.authorities.get('W06000015') ?? '';
    let connection = connectAuthorityDatabase(url);
    await migrateAuthorityDatabase(connection.db);
    await connection.sql`insert into learners (id, upn, legal_given_name, legal_family_name, date_of_birth, gender, language_preference)
      values ('W06000015:L000001', 'B801200005001', 'Synthetic', 'Child', '2015-05-01', 'female', 'cy')`;
    await connection.close();
    await server.stop();

    server = await startEmbeddedServer(options);
    connection = connectAuthorityDatabase(url);
    const rows = await connection.sql<{ id: string }[]>`select id from learners`;
    expect(rows.map((r) => r.id)).toEqual(['W06000015:L000001']);
    await expect(connection.sql`insert into learners (id, upn, legal_given_name, legal_family_name, date_of_birth, gender, language_preference)
      values ('W06000015:L000002', 'short', 'A', 'B', '2015-05-01', 'nonsense', 'cy')`).rejects.toThrow(/check constraint/);
    await connection.close();
    await server.stop();
  }, 60_000);
});
