// Builds the report from the latest snapshots, once per refresh (figures only change when snapshots do).
import type { NationalDatabase } from '@wales-lac/db';
import { countsOfSnapshots, latestFinishedRefresh, latestSnapshots, regionsOfAuthorities } from './data/snapshots.ts';
import type { Figure } from './report.ts';
import { buildReportInWorker, type ReportBuilder } from './report-thread.ts';

export interface StoredReport {
  readonly refreshId: number | null;
  readonly refreshedAt: Date | null;
  readonly figures: readonly Figure[];
  readonly staleAuthorities: readonly string[];
  readonly regionOf: ReadonlyMap<string, string>;
}

/** The current report (built when the refresh changed); stop() ends any build and refuses new ones. */
export interface ReportStore {
  (): Promise<StoredReport>;
  stop(): void;
}

export interface ReportStoreOptions {
  /** How the figures are built: in a worker thread unless told otherwise (unit tests may build in process). */
  readonly build?: ReportBuilder;
}

/** Longest a report build may take (about 4 s at Welsh scale). */
const BUILD_TIME_LIMIT_MS = 5 * 60_000;

export function createReportStore(db: NationalDatabase, today: () => string, options: ReportStoreOptions = {}): ReportStore {
  const buildFigures = options.build ?? buildReportInWorker;
  const stopping = new AbortController();
  let cached: StoredReport | null = null;
  // Disclosure control over the whole report takes seconds at Welsh scale: build it once per refresh (in a
  // worker thread, so the event loop stays free), and let concurrent requests share one build.
  let building: { refreshId: number | null; report: Promise<StoredReport> } | null = null;
  let newest: AbortController | null = null;
  async function currentReport(): Promise<StoredReport> {
    if (stopping.signal.aborted) throw stoppedError();
    const refresh = await latestFinishedRefresh(db);
    const refreshId = refresh?.id ?? null;
    if (cached && cached.refreshId === refreshId) return cached;
    if (building?.refreshId !== refreshId) {
      // A build for an older refresh is stopped (its figures would be replaced anyway), and no build runs
      // past its time limit: a hung one would otherwise hold every question until the next refresh.
      newest?.abort(new Error('a newer refresh replaced this benchmark report build'));
      const control = (newest = new AbortController());
      const signal = AbortSignal.any([stopping.signal, control.signal, AbortSignal.timeout(BUILD_TIME_LIMIT_MS)]);
      const started = { refreshId, report: build(refresh, signal) };
      building = started;
      // A failed build is forgotten, so the next question tries again.
      started.report.catch(() => {
        if (building === started) building = null;
      });
    }
    return building.report;
  }

  async function build(refresh: Awaited<ReturnType<typeof latestFinishedRefresh>>, signal: AbortSignal): Promise<StoredReport> {
    const [snapshots, regionOf] = await Promise.all([latestSnapshots(db), regionsOfAuthorities(db, today())]);
    const counts = await countsOfSnapshots(db, snapshots.map((s) => s.snapshotId));
    const authorityOfSnapshot = new Map(snapshots.map((s) => [s.snapshotId, s.authorityCode]));
    const stale = new Map(snapshots.map((s) => [s.authorityCode, { takenAt: s.takenAt, stale: refresh === null || s.refreshId !== refresh.id }]));
    signal.throwIfAborted();
    const figures = await buildFigures(
      {
        snapshots: stale,
        regionOf,
        counts: counts.map((c) => ({ ...c, authorityCode: authorityOfSnapshot.get(c.snapshotId) ?? '' })),
      },
      signal,
    );
    cached = {
      refreshId: refresh?.id ?? null,
      refreshedAt: refresh?.finishedAt ?? null,
      figures,
      staleAuthorities: [...regionOf.keys()].filter((code) => stale.get(code)?.stale ?? true),
      regionOf,
    };
    return cached;
  }

  return Object.assign(currentReport, {
    stop(): void {
      stopping.abort(stoppedError());
    },
  });
}

function stoppedError(): Error {
  return new Error('the benchmarks service has stopped');
}
