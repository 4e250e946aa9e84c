// Builds the report from the latest snapshots, once per refresh (figures only change when snapshots do).
import type { NationalDatabase } from '@wales-lac/db';
import { countsOfSnapshots, latestFinishedRefresh, latestSnapshots, regionsOfAuthorities } from './data/snapshots.ts';
import { buildReport, type Figure } from './report.ts';

export interface StoredReport {
  readonly refreshId: number | null;
  readonly refreshedAt: Date | null;
  readonly figures: readonly Figure[];
  readonly staleAuthorities: readonly string[];
  readonly regionOf: ReadonlyMap<string, string>;
}

export function createReportStore(db: NationalDatabase, today: () => string) {
  let cached: StoredReport | null = null;
  // Disclosure control over the whole report takes seconds at Welsh scale: build it once per refresh,
  // and let concurrent requests share one build.
  let building: { refreshId: number | null; report: Promise<StoredReport> } | null = null;
  return async function currentReport(): Promise<StoredReport> {
    const refresh = await latestFinishedRefresh(db);
    const refreshId = refresh?.id ?? null;
    if (cached && cached.refreshId === refreshId) return cached;
    if (building?.refreshId !== refreshId) {
      building = { refreshId, report: build(refresh) };
      building.report.catch(() => (building = null));
    }
    return building.report;
  };

  async function build(refresh: Awaited<ReturnType<typeof latestFinishedRefresh>>): Promise<StoredReport> {
    const [snapshots, regionOf] = await Promise.all([latestSnapshots(db), regionsOfAuthorities(db, today())]);
    const counts = await countsOfSnapshots(db, snapshots.map((s) => s.snapshotId));
    const authorityOfSnapshot = new Map(snapshots.map((s) => [s.snapshotId, s.authorityCode]));
    const stale = new Map(snapshots.map((s) => [s.authorityCode, { takenAt: s.takenAt, stale: refresh === null || s.refreshId !== refresh.id }]));
    const figures = buildReport({
      snapshots: stale,
      regionOf,
      counts: counts.map((c) => ({ ...c, authorityCode: authorityOfSnapshot.get(c.snapshotId) ?? '' })),
    });
    cached = {
      refreshId: refresh?.id ?? null,
      refreshedAt: refresh?.finishedAt ?? null,
      figures,
      staleAuthorities: [...regionOf.keys()].filter((code) => stale.get(code)?.stale ?? true),
      regionOf,
    };
    return cached;
  }
}
