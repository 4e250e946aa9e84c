// Creates the platform's databases on a server: one per authority and one national.
import postgres from 'postgres';

export interface DatabaseTopology {
  readonly national: string;
  /** Database URL per authority GSS code. */
  readonly authorities: ReadonlyMap<string, string>;
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

export function databaseName(prefix: string, part: string): string {
  const name = `${prefix}_${part}`.toLowerCase();
  if (!IDENTIFIER.test(name)) throw new Error(`'${name}' is not a safe database name`);
  return name;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The topology of databases named `<prefix>_<code>` on one server. */
export function topologyOnServer(serverUrl: string, prefix: string, authorityCodes: readonly string[]): DatabaseTopology {
  return {
    national: withDatabase(serverUrl, databaseName(prefix, 'national')),
    authorities: new Map(authorityCodes.map((code) => [code, withDatabase(serverUrl, databaseName(prefix, code))])),
  };
}

/** Creates each named database that does not exist yet. */
export async function ensureDatabases(serverUrl: string, topology: DatabaseTopology): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    const wanted = [topology.national, ...topology.authorities.values()].map((u) => new URL(u).pathname.slice(1));
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname = any(${wanted})`;
    const present = new Set(rows.map((r) => r.datname));
    for (const name of wanted) {
      if (present.has(name)) continue;
      if (!IDENTIFIER.test(name)) throw new Error(`'${name}' is not a safe database name`);
      await admin.unsafe(`create database "${name}"`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Drops the databases of a topology (test clean-up). */
export async function dropDatabases(serverUrl: string, topology: DatabaseTopology): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    for (const url of [topology.national, ...topology.authorities.values()]) {
      const name = new URL(url).pathname.slice(1);
      if (IDENTIFIER.test(name)) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}
