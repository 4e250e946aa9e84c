// An authority database bootstrapped as its CloudNativePG Cluster does it (a database owned by the
// application role, the cluster's post-init SQL run as the superuser, the managed role given LOGIN), then
// migrated by the authority service as that owner: benchmarks' reader must be able to read every
// anonymised view, including those the migrations drop and re-create, and nothing identifiable.
// On DATABASE_URL's server when set (in a scratch database and roles), the embedded server otherwise.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAuthorityDatabase, migrateAuthorityDatabase, startEmbeddedServer } from '@wales-lac/db';
import { anonymisedReaderSql } from './databases.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000); // dropping a database waits for a checkpoint

// Roles are per server: scratch names, so that nothing on a shared server is touched.
const suffix = randomBytes(4).toString('hex');
const owner = `k8s_app_${suffix}`;
const reader = `k8s_reader_${suffix}`;
const database = `k8s_authority_${suffix}`;
const password = randomBytes(12).toString('hex');

function as(serverUrl: string, user: string, db: string): string {
  const url = new URL(serverUrl);
  url.username = user;
  url.password = password;
  url.pathname = `/${db}`;
  return url.toString();
}

let readerSql: postgres.Sql;

beforeAll(async () => {
  let serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'deployment-db-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const server = await startEmbeddedServer({ dataDir: join(dir, 'postgres'), port: await freePort() });
    cleanups.push(() => server.stop());
    serverUrl = server.serverUrl;
  }
  const superuser = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  cleanups.push(async () => {
    await superuser.unsafe(`drop database if exists "${database}" with (force)`);
    await superuser.unsafe(`drop role if exists ${reader}`);
    await superuser.unsafe(`drop role if exists ${owner}`);
    await superuser.end({ timeout: 5 });
  });
  // initdb: the owner and its database.
  await superuser.unsafe(`create role ${owner} login password '${password}'`);
  await superuser.unsafe(`create database "${database}" owner ${owner}`);
  // postInitApplicationSQL, as the superuser in the application database.
  const here = new URL(serverUrl);
  here.pathname = `/${database}`;
  const superuserHere = postgres(here.toString(), { max: 1, onnotice: () => undefined });
  for (const statement of anonymisedReaderSql(owner, reader)) await superuserHere.unsafe(statement);
  // The managed role: LOGIN and its password.
  await superuserHere.unsafe(`alter role ${reader} login password '${password}'`);
  await superuserHere.end({ timeout: 5 });
  // The authority service migrates as the owner (MIGRATE=true).
  const service = connectAuthorityDatabase(as(serverUrl, owner, database), { max: 1 });
  await migrateAuthorityDatabase(service.db);
  await service.close();
  readerSql = postgres(as(serverUrl, reader, database), { max: 1, onnotice: () => undefined });
  cleanups.push(() => readerSql.end({ timeout: 5 }));
}, 120_000);

describe('the anonymised reader bootstrapped as the manifests do', () => {
  it('reads every anonymised view the migrations leave, re-created ones included', async () => {
    const views = await readerSql<{ name: string }[]>`select table_name as name from information_schema.views where table_schema = 'anonymised'`;
    expect(views.map((v) => v.name)).toContain('measure_counts');
    for (const { name } of views) await expect(readerSql.unsafe(`select count(*) from anonymised."${name}"`)).resolves.toHaveLength(1);
  });

  it('is refused every identifiable table', async () => {
    const tables = await readerSql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public'`;
    expect(tables.map((t) => t.name)).toContain('learners');
    for (const { name } of tables) await expect(readerSql.unsafe(`select 1 from public."${name}" limit 1`), name).rejects.toMatchObject({ code: '42501' });
  });

  it('cannot create anything in the anonymised schema', async () => {
    await expect(readerSql.unsafe('create view anonymised.mine as select 1')).rejects.toMatchObject({ code: '42501' });
  });
});
