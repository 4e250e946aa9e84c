// The database role the national benchmarks use: it can log in and read the `anonymised` schema of an
// authority database, and nothing else (it has no grant on any identifiable table).
import postgres from 'postgres';

const ROLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

export interface AnonymisedReader {
  readonly role: string;
  readonly password: string;
}

/** Creates (or updates) the role and grants it the anonymised views of one authority database. */
export async function grantAnonymisedReader(databaseUrl: string, reader: AnonymisedReader): Promise<void> {
  if (!ROLE_NAME.test(reader.role)) throw new Error(`'${reader.role}' is not a safe role name`);
  if (!/^[A-Za-z0-9]{16,128}$/.test(reader.password)) throw new Error('the anonymised reader password must be 16-128 letters and digits');
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const database = new URL(databaseUrl).pathname.slice(1);
    const [exists] = await admin`select 1 from pg_roles where rolname = ${reader.role}`;
    // Role statements take no bind parameters; both values are checked above.
    const verb = exists ? 'alter' : 'create';
    await admin.unsafe(`${verb} role "${reader.role}" with login nosuperuser nocreatedb nocreaterole noinherit password '${reader.password}'`);
    await admin.unsafe(`grant connect on database "${database}" to "${reader.role}"`);
    await admin.unsafe(`grant usage on schema anonymised to "${reader.role}"`);
    await admin.unsafe(`grant select on all tables in schema anonymised to "${reader.role}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** The URL of the same database, logged in as the anonymised reader. */
export function anonymisedReaderUrl(databaseUrl: string, reader: AnonymisedReader): string {
  const url = new URL(databaseUrl);
  url.username = reader.role;
  url.password = reader.password;
  return url.toString();
}
