// Loads a generated dataset into empty databases: one transaction each, in foreign-key order.
import { authoritySchema, nationalSchema, type AuthorityDatabase, type NationalDatabase } from '@wales-lac/db';
import type { AuthorityDataset, NationalDataset } from './types.ts';

/** Rows per insert statement: well under PostgreSQL's 65,535 bind parameters. */
export const SEED_CHUNK_SIZE = 1000;

async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += SEED_CHUNK_SIZE) await insert(rows.slice(i, i + SEED_CHUNK_SIZE));
}

export async function seedNationalDatabase(db: NationalDatabase, data: NationalDataset): Promise<void> {
  const { regions, authorities, regionMemberships, schools } = nationalSchema;
  await db.transaction(async (tx) => {
    await inChunks(data.regions, (chunk) => tx.insert(regions).values(chunk));
    await inChunks(data.authorities, (chunk) => tx.insert(authorities).values(chunk));
    await inChunks(data.regionMemberships, (chunk) => tx.insert(regionMemberships).values(chunk));
    await inChunks(data.schools, (chunk) => tx.insert(schools).values(chunk));
  });
}

export async function seedAuthorityDatabase(db: AuthorityDatabase, data: AuthorityDataset): Promise<void> {
  const { learners, careEpisodes, placements, enrolments, peps, pepTargets, staffAllocations } = authoritySchema;
  await db.transaction(async (tx) => {
    await inChunks(data.learners, (chunk) => tx.insert(learners).values(chunk));
    await inChunks(data.careEpisodes, (chunk) => tx.insert(careEpisodes).values(chunk));
    await inChunks(data.placements, (chunk) => tx.insert(placements).values(chunk));
    await inChunks(data.enrolments, (chunk) => tx.insert(enrolments).values(chunk));
    await inChunks(data.peps, (chunk) => tx.insert(peps).values(chunk));
    await inChunks(data.pepTargets, (chunk) => tx.insert(pepTargets).values(chunk));
    await inChunks(data.staffAllocations, (chunk) => tx.insert(staffAllocations).values(chunk));
  });
}
