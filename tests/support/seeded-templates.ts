// Seeded databases made once per run and copied for each test file. Most files start the platform on the
// same synthetic Wales (same seed, scale, day and benchmark settings); seeding it and building its first
// benchmark release again for every file was most of a start. The first file that wants a data set
// starts a platform on template databases (prefix `p<run><key>`), stops it, and every file with that data
// set then gets PostgreSQL copies of them (CREATE DATABASE … TEMPLATE), which the platform finds seeded
// and released, exactly as a restart on an existing install does. A file that shapes its own data (its
// own day, prefix or release builder, or a larger scale) seeds fresh, as before.
import { createHash } from 'node:crypto';
import postgres from 'postgres';
import { topologyOnServer, type DatabaseTopology } from '@wales-lac/db';
import { AUTHORITY_CODES, startPlatform, type PlatformConfig, type PlatformOptions } from '@wales-lac/platform';

/** Scales several files share; a copy is worth making only for those. */
const SHARED_SCALES = new Set([0.03, 0.1]);

/** Options that change what is seeded or released, or where: such a start seeds its own databases. */
const DATA_SHAPING_OPTIONS: readonly (keyof PlatformOptions)[] = ['asOf', 'benchmarkReleaseBuilder', 'externalAuthorities'];

/** Names the data set a start would seed, or null when its databases must be its own. */
export function sharedDataSet(config: PlatformConfig, options: PlatformOptions, env: Readonly<Record<string, string | undefined>>): string | null {
  if (config.databases.kind !== 'server' || config.databaseOverrides.size > 0) return null;
  if (DATA_SHAPING_OPTIONS.some((option) => options[option] !== undefined)) return null;
  if (env['DATABASE_PREFIX'] !== undefined || !SHARED_SCALES.has(config.seed.scale)) return null;
  const shape = {
    seed: config.seed,
    day: new Date().toISOString().slice(0, 10),
    rounding: config.benchmarkRounding,
    audit: config.benchmarkAuditSeconds,
    history: config.benchmarkHistoryYears,
    batches: config.benchmarkProtectionBatches,
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 10);
}

function names(topology: DatabaseTopology): string[] {
  return [topology.national, ...topology.authorities.values()].map((url) => new URL(url).pathname.slice(1));
}

/**
 * Makes the databases of `prefix` copies of the data set's templates, building the templates first when
 * this run has none yet. The copies are ordinary databases: the caller's platform migrates (a no-op),
 * finds them seeded and serves the stored release.
 */
export async function copySeededDatabases(config: PlatformConfig, dataSet: string, runId: string, prefix: string): Promise<void> {
  if (config.databases.kind !== 'server') throw new Error('seeded templates need a database server');
  const serverUrl = config.databases.url;
  const templatePrefix = `p${runId}${dataSet}`;
  const template = names(topologyOnServer(serverUrl, templatePrefix, AUTHORITY_CODES));
  const target = names(topologyOnServer(serverUrl, prefix, AUTHORITY_CODES));
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    // Files run two at a time: the first to want a data set builds it while the other waits here.
    await admin`select pg_advisory_lock(hashtext(${templatePrefix}))`;
    const present = await admin<{ n: number }[]>`select count(*)::int as n from pg_database where datname = any(${template})`;
    if ((present[0]?.n ?? 0) < template.length) {
      const builder = await startPlatform({ ...config, databases: { ...config.databases, prefix: templatePrefix } });
      await builder.stop();
    }
    for (const [index, name] of target.entries()) await admin.unsafe(`create database "${name}" template "${template[index]}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Drops this run's templates (a server kept between runs, DATABASE_URL's, is left as it was found). */
export async function dropSeededTemplates(serverUrl: string, runId: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`p${runId}%`}`;
    for (const { datname } of rows) if (/^[a-z0-9_]+$/.test(datname)) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
