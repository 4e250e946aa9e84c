// Seeds an authority into a real, migrated PostgreSQL: DATABASE_URL's server when set (in a scratch
// database), the embedded server otherwise.
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

describe('seedAuthorityDatabase', () => {
  it('loads the whole record in one transaction, every table accepted by the migrated schema', async () => {
    const url = await scratchDatabase();
    const connection = connectAuthorityDatabase(url);
    cleanups.push(() => connection.close());
    await migrateAuthorityDatabase(connection.db);
    // "Today" as the database sees it, so the anonymised measures (which use current_date) see the same year.
    const [today] = await connection.sql<{ d: string }[]>`select current_date::text as d`;
    const dataset = generateWales({ asOf: today?.d ?? '' }).authorities.get('W06000015');
    if (!dataset) throw new Error('no Cardiff dataset');

    await seedAuthorityDatabase(connection.db, dataset);
    await seedAttendance(connection.sql, dataset.attendanceDays);
    const tables = {
      pep_sections: dataset.pepSections,
      pep_sign_offs: dataset.pepSignOffs,
      pep_quality_ratings: dataset.pepQualityRatings,
      exclusions: dataset.exclusions,
      reduced_timetables: dataset.reducedTimetables,
      education_other_than_at_school: dataset.educationOtherThanAtSchool,
      sdq_assessments: dataset.sdqAssessments,
      interventions: dataset.interventions,
      additional_learning_needs: dataset.additionalLearningNeeds,
      destinations: dataset.destinations,
      notifications: dataset.notifications,
    };
    for (const [table, rows] of Object.entries(tables)) {
      if (table !== 'notifications') expect(rows.length, table).toBeGreaterThan(0);
      const [count] = await connection.sql<{ n: number }[]>`select count(*)::int as n from ${connection.sql(table)}`;
      expect(count?.n, table).toBe(rows.length);
    }

    // The new tables feed the anonymised measures: Cardiff's figures are near the Welsh rates.
    const figures = await connection.sql<{ measure: string; numerator: number; denominator: number }[]>`
      select measure, numerator::int, denominator::int from anonymised.measure_counts where dimension = 'all'`;
    const rate = (measure: string) => {
      const figure = figures.find((f) => f.measure === measure);
      return figure ? figure.numerator / figure.denominator : Number.NaN;
    };
    const within = (measure: string, low: number, high: number) => {
      expect(rate(measure), measure).toBeGreaterThanOrEqual(low);
      expect(rate(measure), measure).toBeLessThanOrEqual(high);
    };
    within('exclusions', 0.05, 0.2);
    within('reduced-timetable', 0.02, 0.12);
    within('pep-voice', 0.65, 0.85);
    within('idp', 0.6, 0.9);
    within('sdq-completed', 0.65, 0.85);
    within('sdq-concern', 0.25, 0.55);
    within('neet', 0.2, 0.5);
  }, 60_000);
});
