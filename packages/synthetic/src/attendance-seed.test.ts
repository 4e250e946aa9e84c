// Seeds attendance into a real PostgreSQL: DATABASE_URL's server when set (in a scratch database),
// the embedded server otherwise.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAuthorityDatabase, migrateAuthorityDatabase, startEmbeddedServer, type EmbeddedServer } from '@wales-lac/db';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWales } from './generate.ts';
import { seedAttendance, seedAuthorityDatabase } from './seed.ts';

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
});

/** A server URL and the name of a fresh scratch database on it. */
async function scratchDatabase(): Promise<string> {
  let serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'synth-attendance-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const server: EmbeddedServer = await startEmbeddedServer({ dataDir: join(dir, 'postgres'), port: await freePort() });
    cleanups.push(() => server.stop());
    serverUrl = server.serverUrl;
  }
  const name = `synth_attendance_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

describe('seedAttendance', () => {
  it('copies every row into attendance_days, backslash marks intact', async () => {
    const url = await scratchDatabase();
    const connection = connectAuthorityDatabase(url);
    cleanups.push(() => connection.close());
    await migrateAuthorityDatabase(connection.db);
    const dataset = generateWales({ scale: 0.05, asOf: '2025-03-31' }).authorities.get('W06000015');
    if (!dataset) throw new Error('no Cardiff dataset');
    expect(dataset.attendanceDays.length).toBeGreaterThan(1000);

    await seedAuthorityDatabase(connection.db, dataset);
    const [before] = await connection.sql<{ n: number }[]>`select count(*)::int as n from attendance_days`;
    expect(before?.n).toBe(0);
    await seedAttendance(connection.sql, dataset.attendanceDays);

    const [after] = await connection.sql<{ n: number }[]>`select count(*)::int as n from attendance_days`;
    expect(after?.n).toBe(dataset.attendanceDays.length);
    const first = dataset.attendanceDays.find((r) => r.pm === '\\');
    if (!first) throw new Error('no afternoon present mark');
    const stored = await connection.sql<{ date: string; school_id: string; am: string; pm: string }[]>`
      select date::text as date, school_id, am, pm from attendance_days where learner_id = ${first.learnerId} and date = ${first.date}`;
    expect(stored).toEqual([{ date: first.date, school_id: first.schoolId, am: first.am, pm: '\\' }]);
    const [marks] = await connection.sql<{ n: number }[]>`select count(*)::int as n from attendance_days where pm = ${'\\'}`;
    expect(marks?.n).toBe(dataset.attendanceDays.filter((r) => r.pm === '\\').length);
  }, 60_000);
});
