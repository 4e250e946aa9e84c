// Brings the platform's databases up: a server (embedded or given), one database per authority and
// one national, migrated, and seeded with synthetic Wales when empty.
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import {
  authoritySchema,
  connectAuthorityDatabase,
  connectNationalDatabase,
  anonymisedReaderUrl,
  ensureDatabases,
  grantAnonymisedReader,
  migrateAuthorityDatabase,
  migrateNationalDatabase,
  nationalSchema,
  startEmbeddedServer,
  topologyOnServer,
  type AuthorityDatabase,
  type Connection,
  type DatabaseTopology,
  type NationalDatabase,
} from '@wales-lac/db';
import { generateWales, seedAttendance, seedAuthorityDatabase, seedNationalDatabase } from '@wales-lac/synthetic';
import { AUTHORITY_CODES, type DatabaseSource } from './config.ts';

export interface PlatformDatabases {
  readonly topology: DatabaseTopology;
  readonly serverUrl: string;
  readonly national: Connection<NationalDatabase>;
  readonly authorities: ReadonlyMap<string, Connection<AuthorityDatabase>>;
  /** Each authority database as the anonymised reader role (it can read the anonymised views only). */
  readonly anonymisedReaders: ReadonlyMap<string, string>;
  /** Closes this process's pools but leaves the server running (process mode: the services connect themselves). */
  closeConnections(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  readonly source: DatabaseSource;
  readonly overrides: ReadonlyMap<string, string>;
  readonly seed: { readonly seed: number; readonly scale: number; readonly asOf: string };
  readonly log: (line: string) => void;
  /** Called with every statement an authority's pool sends (benchmarks count statements per request). */
  readonly onAuthorityQuery?: (authorityCode: string, query: string) => void;
}

async function serverFor(source: DatabaseSource, log: (line: string) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  if (source.kind === 'server') return { url: source.url, stop: async () => undefined };
  log(`starting embedded PostgreSQL in ${source.dataDir} on port ${source.port}`);
  const server = await startEmbeddedServer({ dataDir: source.dataDir, port: source.port });
  return { url: server.serverUrl, stop: () => server.stop() };
}

function withOverrides(base: DatabaseTopology, overrides: ReadonlyMap<string, string>): DatabaseTopology {
  return {
    national: overrides.get('national') ?? base.national,
    authorities: new Map([...base.authorities].map(([code, url]) => [code, overrides.get(code) ?? url])),
  };
}

async function isEmpty(query: Promise<{ n: number }[]>): Promise<boolean> {
  return ((await query)[0]?.n ?? 0) === 0;
}

export async function openPlatformDatabases(options: DatabaseOptions): Promise<PlatformDatabases> {
  const { log } = options;
  const server = await serverFor(options.source, log);
  const prefix = options.source.kind === 'server' ? options.source.prefix : 'wales_lac';
  const onServer = topologyOnServer(server.url, prefix, AUTHORITY_CODES);
  await ensureDatabases(server.url, onServer);
  const topology = withOverrides(onServer, options.overrides);

  const national = connectNationalDatabase(topology.national, { max: 4 });
  const onQuery = options.onAuthorityQuery;
  const authorities = new Map(
    [...topology.authorities].map(([code, url]) => [
      code,
      connectAuthorityDatabase(url, { max: 3, ...(onQuery ? { onQuery: (q: string) => onQuery(code, q) } : {}) }),
    ]),
  );
  const closeConnections = async () => {
    await Promise.all([national.close(), ...[...authorities.values()].map((c) => c.close())]);
  };
  const close = async () => {
    await closeConnections();
    await server.stop();
  };
  try {
    await migrateNationalDatabase(national.db);
    await Promise.all([...authorities.values()].map((c) => migrateAuthorityDatabase(c.db)));
    await seedIfEmpty(national, authorities, options);
    // A fresh password each start: the role can read only the anonymised views, and only this platform knows it.
    const reader = { role: `${prefix}_benchmarks`, password: randomBytes(24).toString('hex') };
    for (const url of topology.authorities.values()) await grantAnonymisedReader(url, reader);
    const anonymisedReaders = new Map([...topology.authorities].map(([code, url]) => [code, anonymisedReaderUrl(url, reader)]));
    return { topology, serverUrl: server.url, national, authorities, anonymisedReaders, closeConnections, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

async function seedIfEmpty(
  national: Connection<NationalDatabase>,
  authorities: ReadonlyMap<string, Connection<AuthorityDatabase>>,
  options: DatabaseOptions,
): Promise<void> {
  const emptyNational = await isEmpty(national.db.select({ n: count() }).from(nationalSchema.authorities));
  const emptyAuthorities: string[] = [];
  for (const [code, connection] of authorities) {
    if (await isEmpty(connection.db.select({ n: count() }).from(authoritySchema.learners))) emptyAuthorities.push(code);
  }
  if (!emptyNational && emptyAuthorities.length === 0) return;
  const { log } = options;
  log(`generating synthetic Wales (seed ${options.seed.seed}, scale ${options.seed.scale}, as of ${options.seed.asOf})`);
  const wales = generateWales(options.seed);
  if (emptyNational) {
    await seedNationalDatabase(national.db, wales.national);
    log(`seeded national reference data: ${wales.national.authorities.length} authorities, ${wales.national.schools.length} schools`);
  }
  let done = 0;
  for (const code of emptyAuthorities) {
    const dataset = wales.authorities.get(code);
    const connection = authorities.get(code);
    if (!dataset || !connection) continue;
    await seedAuthorityDatabase(connection.db, dataset);
    await seedAttendance(connection.sql, dataset.attendanceDays);
    done += 1;
    log(`seeded ${code} (${done}/${emptyAuthorities.length}): ${dataset.learners.length} learners, ${dataset.attendanceDays.length} days of attendance`);
  }
}
