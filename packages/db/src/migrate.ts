import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { AuthorityDatabase, NationalDatabase } from './connection.ts';

const migrationsFolder = (name: string) => fileURLToPath(new URL(`../../../drizzle/${name}`, import.meta.url));

/** Brings an authority database to the latest schema; safe to run on every start. */
export async function migrateAuthorityDatabase(db: AuthorityDatabase): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder('authority') });
}

/** Brings the national database to the latest schema; safe to run on every start. */
export async function migrateNationalDatabase(db: NationalDatabase): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder('national') });
}
