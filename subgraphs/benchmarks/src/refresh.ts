// A refresh collects every authority's anonymised aggregates at once. An authority that cannot be
// reached keeps its last snapshot (its figures say how old they are and are marked stale).
import type { NationalDatabase } from '@wales-lac/db';
import { collectAggregates } from './data/collect.ts';
import type { ReleaseSummary } from './data/releases.ts';
import { finishRefresh, startRefresh, storeSnapshot } from './data/snapshots.ts';

/** A refresh and the release built from it. */
export interface RefreshOutcome extends CollectOutcome {
  readonly release: ReleaseSummary;
}

export interface CollectOutcome {
  readonly refreshId: number;
  readonly refreshed: string[];
  readonly unreachable: string[];
  readonly seconds: number;
}

export async function refreshBenchmarks(
  db: NationalDatabase,
  readers: ReadonlyMap<string, string>,
  requestedBy: string,
  timeoutMs: number,
): Promise<CollectOutcome> {
  const started = Date.now();
  const refreshId = await startRefresh(db, requestedBy);
  const results = await Promise.all(
    [...readers].map(async ([code, url]) => {
      try {
        await storeSnapshot(db, refreshId, code, await collectAggregates(url, timeoutMs));
        return { code, ok: true };
      } catch {
        return { code, ok: false };
      }
    }),
  );
  const unreachable = results.filter((r) => !r.ok).map((r) => r.code);
  await finishRefresh(db, refreshId, unreachable);
  return { refreshId, refreshed: results.filter((r) => r.ok).map((r) => r.code), unreachable, seconds: (Date.now() - started) / 1000 };
}
