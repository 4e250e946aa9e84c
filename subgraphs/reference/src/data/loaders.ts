// Per-request loaders. Authorities and regions are few: one query each per request, on first use.
import DataLoader from 'dataloader';
import type { NationalDatabase } from '@wales-lac/db';
import { allRegions, authoritiesWithRegion, schoolsByIds, type AuthorityRow, type RegionRow, type SchoolRow } from './reference.ts';

export interface ReferenceLoaders {
  authorities(): Promise<AuthorityRow[]>;
  regions(): Promise<RegionRow[]>;
  readonly school: DataLoader<string, SchoolRow | null>;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => (pending ??= load());
}

export function createReferenceLoaders(db: NationalDatabase, today: string): ReferenceLoaders {
  return {
    authorities: once(() => authoritiesWithRegion(db, today)),
    regions: once(() => allRegions(db)),
    school: new DataLoader(async (ids) => {
      const found = await schoolsByIds(db, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
