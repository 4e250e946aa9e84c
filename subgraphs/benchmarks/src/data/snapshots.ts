// Dated snapshots of each authority's aggregates in the national database.
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { nationalSchema, type NationalDatabase } from '@wales-lac/db';
import type { AggregateRow } from './collect.ts';

const { benchmarkSnapshots, benchmarkCounts, benchmarkRefreshes, regionMemberships } = nationalSchema;

export async function startRefresh(db: NationalDatabase, requestedBy: string): Promise<number> {
  const [row] = await db.insert(benchmarkRefreshes).values({ requestedBy }).returning({ id: benchmarkRefreshes.id });
  if (!row) throw new Error('refresh could not be recorded');
  return row.id;
}

export async function finishRefresh(db: NationalDatabase, refreshId: number, unreachable: readonly string[]): Promise<void> {
  await db
    .update(benchmarkRefreshes)
    .set({ finishedAt: new Date(), unreachable: [...unreachable] })
    .where(eq(benchmarkRefreshes.id, refreshId));
}

export async function storeSnapshot(db: NationalDatabase, refreshId: number, authorityCode: string, rows: readonly AggregateRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    const [snapshot] = await tx.insert(benchmarkSnapshots).values({ authorityCode, refreshId }).returning({ id: benchmarkSnapshots.id });
    if (!snapshot) throw new Error('snapshot could not be recorded');
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.insert(benchmarkCounts).values(rows.slice(i, i + 1000).map((r) => ({ ...r, snapshotId: snapshot.id })));
    }
  });
}

export interface LatestSnapshot {
  readonly authorityCode: string;
  readonly snapshotId: number;
  readonly takenAt: Date;
  readonly refreshId: number;
}

/** Each authority's most recent snapshot. */
export async function latestSnapshots(db: NationalDatabase): Promise<LatestSnapshot[]> {
  const rows = await db
    .selectDistinctOn([benchmarkSnapshots.authorityCode], {
      authorityCode: benchmarkSnapshots.authorityCode,
      snapshotId: benchmarkSnapshots.id,
      takenAt: benchmarkSnapshots.takenAt,
      refreshId: benchmarkSnapshots.refreshId,
    })
    .from(benchmarkSnapshots)
    .orderBy(benchmarkSnapshots.authorityCode, desc(benchmarkSnapshots.takenAt), desc(benchmarkSnapshots.id));
  return rows;
}

export async function countsOfSnapshots(db: NationalDatabase, snapshotIds: readonly number[]) {
  if (snapshotIds.length === 0) return [];
  return db
    .select()
    .from(benchmarkCounts)
    .where(inArray(benchmarkCounts.snapshotId, [...snapshotIds]));
}

export async function latestFinishedRefresh(db: NationalDatabase) {
  const [row] = await db.select().from(benchmarkRefreshes).where(isNotNull(benchmarkRefreshes.finishedAt)).orderBy(desc(benchmarkRefreshes.id)).limit(1);
  return row ?? null;
}

/** Region of each authority today. */
export async function regionsOfAuthorities(db: NationalDatabase, today: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ authorityCode: regionMemberships.authorityCode, regionCode: regionMemberships.regionCode })
    .from(regionMemberships)
    .where(and(sql`${regionMemberships.validFrom} <= ${today}`, sql`(${regionMemberships.validTo} is null or ${regionMemberships.validTo} > ${today})`));
  return new Map(rows.map((r) => [r.authorityCode, r.regionCode]));
}
