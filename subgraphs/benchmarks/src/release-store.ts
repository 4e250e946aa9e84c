// Benchmark releases: the whole report is built once per refresh (in a worker thread), protected,
// audited and stored in the national database; questions read the latest published release from memory
// and never wait for a build. A build that fails, is stopped or does not pass its audit is recorded with
// its reason, and the release before it stays published.
import type { NationalDatabase } from '@wales-lac/db';
import { countsOfSnapshots, latestFinishedRefresh, latestSnapshots, regionsOfAuthorities } from './data/snapshots.ts';
import {
  failRelease,
  failUnfinishedReleases,
  newestRelease,
  publishedRelease,
  publishedSummaries,
  publishRelease,
  releaseSummaries,
  startRelease,
  type ReleaseSnapshot,
  type ReleaseSummary,
  type Rounding,
} from './data/releases.ts';
import { indexRelease } from './neighbours.ts';
import type { Figure, ReportInput } from './report.ts';
import { buildReleaseInWorker, type ReleaseBuilder } from './report-thread.ts';
import { syntheticCounts } from './synthetic-counts.ts';
import { academicYearOf, releasesByYear, type TrendRelease } from './trends.ts';

/** A figure as a release stores it (dates as ISO text). */
export type StoredFigure = Omit<Figure, 'snapshotTakenAt'> & { readonly snapshotTakenAt: string | null };

/** A published release, ready to answer from. */
export interface ServedRelease {
  readonly summary: ReleaseSummary;
  readonly figures: readonly StoredFigure[];
  /** Region of each authority in the release. */
  readonly regionOf: ReadonlyMap<string, string>;
  readonly staleAuthorities: readonly string[];
}

export interface ReleaseStore {
  /** The latest published release (null before the first one). */
  current(): Promise<ServedRelease | null>;
  /** A published release by id (null when there is none with that id). */
  byId(id: number): Promise<ServedRelease | null>;
  /** The newest release of any state. */
  newest(): Promise<ReleaseSummary | null>;
  list(first: number): Promise<ReleaseSummary[]>;
  /**
   * Starts building a release from the latest snapshots (after any build under way): resolves once it is
   * recorded as building, with a promise of its outcome (published or failed; that one never rejects).
   */
  build(): Promise<StartedBuild>;
  /**
   * Builds synthetic history for the academic years before today's that have no published release, up
   * to `years` back, one release each (after any build under way), so pooled trends exist on a fresh
   * install. Each is protected and audited like a real one and marked synthetic; never served as current.
   */
  buildHistory(years: number): Promise<ReleaseSummary[]>;
  /** The published releases trends pool: one per academic year (real before synthetic), with figures. */
  trendReleases(): Promise<TrendRelease[]>;
  /** Ends a build under way and refuses new ones. */
  stop(): void;
}

export interface StartedBuild {
  /** The release as recorded when its build started (state building). */
  readonly release: ReleaseSummary;
  /** Its outcome: published, or failed with the reason. */
  readonly finished: Promise<ReleaseSummary>;
}

export interface ReleaseStoreOptions {
  readonly rounding: Rounding;
  /** How long the LP audit of a release may work (see release-audit.ts). */
  readonly auditBudgetMs?: number;
  /** How many batches secondary suppression solves (decision 0015). */
  readonly protectionBatches?: number;
  readonly today: () => string;
  /** How a release is built and audited: in a worker thread unless told otherwise (tests inject failures). */
  readonly builder?: ReleaseBuilder;
  /** Longest a build may take before it is stopped and recorded as failed. */
  readonly buildTimeLimitMs?: number;
  readonly log?: (line: string) => void;
}

const DEFAULT_BUILD_LIMIT_MS = 2 * 60_000;

export function createReleaseStore(db: NationalDatabase, options: ReleaseStoreOptions): ReleaseStore {
  const builder = options.builder ?? buildReleaseInWorker;
  const log = options.log ?? (() => undefined);
  const stopping = new AbortController();
  let served: ServedRelease | null = null;
  let loaded = false;
  const byIdCache = new Map<number, ServedRelease>();
  let cleared = false;

  // The newest release of any state, read from the database once and then kept as builds start and end
  // (this service is the only writer): every answer asks for it, so it is not read per question.
  let newestKnown: { summary: ReleaseSummary | null } | null = null;
  const noteNewest = (summary: ReleaseSummary) => {
    if (summary.synthetic) return;
    if (newestKnown && (!newestKnown.summary || newestKnown.summary.id <= summary.id)) newestKnown = { summary };
  };
  async function newest(): Promise<ReleaseSummary | null> {
    if (!newestKnown) {
      const summary = await newestRelease(db);
      // A build may have been noted while this read was under way: keep the newer.
      if (!newestKnown) newestKnown = { summary };
    }
    return (newestKnown as { summary: ReleaseSummary | null }).summary;
  }

  async function current(): Promise<ServedRelease | null> {
    if (!loaded) {
      const row = await publishedRelease(db);
      // A build may have finished while this read was under way: the newer release wins.
      if (row && (!served || served.summary.id < row.summary.id)) served = toServed(row.summary, row.figures as StoredFigure[]);
      loaded = true;
    }
    return served;
  }

  async function byId(id: number): Promise<ServedRelease | null> {
    if (served?.summary.id === id) return served;
    const cached = byIdCache.get(id);
    if (cached) return cached;
    const row = await publishedRelease(db, id);
    if (!row) return null;
    const release = toServed(row.summary, row.figures as StoredFigure[]);
    // A few earlier releases stay in memory; they never change.
    if (byIdCache.size >= 4) byIdCache.delete(byIdCache.keys().next().value as number);
    byIdCache.set(id, release);
    return release;
  }

  // One build at a time, in order; while one is waiting to start, later requests share it (it will read
  // the newest snapshots when it starts).
  let tail: Promise<unknown> = Promise.resolve();
  let waiting: Promise<StartedBuild> | null = null;
  function build(): Promise<StartedBuild> {
    if (waiting) return waiting;
    const prior = tail;
    const started = (async () => {
      await prior;
      waiting = null;
      if (stopping.signal.aborted) throw new Error('the benchmarks service has stopped');
      return startBuild();
    })();
    waiting = started;
    tail = started.then((s) => s.finished).catch(() => undefined);
    return started;
  }

  async function startBuild(): Promise<StartedBuild> {
    if (!cleared) {
      await failUnfinishedReleases(db);
      cleared = true;
    }
    const asOf = options.today();
    const { input, snapshots, refreshId } = await releaseInput(db, asOf);
    const id = await startRelease(db, { refreshId, asOf, rounding: options.rounding, snapshots });
    const summary = (await releaseSummaries(db, 5)).find((r) => r.id === id);
    if (!summary) throw new Error(`release ${id} disappeared`);
    newestKnown = { summary };
    return { release: summary, finished: finishBuild(id, input, snapshots) };
  }

  async function finishBuild(id: number, input: ReportInput, snapshots: readonly ReleaseSnapshot[]): Promise<ReleaseSummary> {
    const started = Date.now();
    try {
      if (snapshots.length === 0) throw new Error('no authority has been collected yet');
      const signal = AbortSignal.any([stopping.signal, AbortSignal.timeout(options.buildTimeLimitMs ?? DEFAULT_BUILD_LIMIT_MS)]);
      const outcome = await builder(
        input,
        {
          rounding: options.rounding,
          ...(options.auditBudgetMs === undefined ? {} : { auditBudgetMs: options.auditBudgetMs }),
          ...(options.protectionBatches === undefined ? {} : { protectionBatches: options.protectionBatches }),
        },
        signal,
      );
      if (outcome.audit.findings > 0) {
        await failRelease(db, id, `the independent audit found ${outcome.audit.findings} hidden figures a reader could work out`, outcome.audit);
      } else {
        const figures = outcome.figures.map(storedFigure);
        await publishRelease(db, id, { figures, audit: outcome.audit, buildSeconds: outcome.buildSeconds, auditSeconds: outcome.auditSeconds });
        const summary = (await releaseSummaries(db, 1)).find((r) => r.id === id);
        if (summary && !summary.synthetic && (!served || served.summary.id < id)) served = toServed(summary, figures);
        const unproven = outcome.audit.unproven
          ? `, ${outcome.audit.unproven} of ${outcome.audit.cellsChecked} hidden counts not settled by the LP audit in its time`
          : '';
        log(
          `benchmark release ${id} published: ${figures.length} figures, built in ${outcome.buildSeconds.toFixed(1)} s, audited in ${outcome.auditSeconds.toFixed(1)} s${unproven}`,
        );
      }
    } catch (error) {
      const reason = stopping.signal.aborted ? 'the service stopped before the build finished' : describe(error);
      await failRelease(db, id, reason).catch(() => undefined);
      log(
        `benchmark release ${id} failed after ${((Date.now() - started) / 1000).toFixed(1)} s: ${reason}; release ${served?.summary.id ?? '(none)'} stays published`,
      );
    }
    const summary = (await releaseSummaries(db, 5)).find((r) => r.id === id);
    if (!summary) throw new Error(`release ${id} disappeared`);
    noteNewest(summary);
    return summary;
  }

  async function buildHistory(years: number): Promise<ReleaseSummary[]> {
    const today = options.today();
    const held = new Set((await publishedSummaries(db)).map((r) => academicYearOf(r.asOf)));
    const { input, snapshots } = await releaseInput(db, today);
    // Sized like today's cohort in each authority, drifting a little year on year.
    const sizes = new Map(
      input.counts.filter((c) => c.measure === 'cohort' && c.dimension === 'all' && c.category === 'all').map((c) => [c.authorityCode, c.numerator]),
    );
    const built: ReleaseSummary[] = [];
    for (let back = 1; back <= years; back += 1) {
      const asOf = yearsBefore(today, back);
      if (held.has(academicYearOf(asOf)) || stopping.signal.aborted || sizes.size === 0) continue;
      const takenAt = new Date(`${asOf}T00:00:00Z`);
      const history: ReportInput = {
        snapshots: new Map([...input.snapshots.keys()].map((code) => [code, { takenAt, stale: false }])),
        regionOf: input.regionOf,
        counts: syntheticCounts(back, { scale: 'wales', sizes: new Map([...sizes].map(([code, n]) => [code, n * (1 - 0.02 * back)])) }),
      };
      const marked = snapshots.map((s) => ({ ...s, snapshotId: 0, takenAt: takenAt.toISOString(), stale: false }));
      const started = await enqueue(async () => {
        const id = await startRelease(db, { refreshId: null, asOf, rounding: options.rounding, snapshots: marked, synthetic: true });
        return finishBuild(id, history, marked);
      });
      built.push(started);
    }
    return built;
  }

  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = tail.then(() => {
      if (stopping.signal.aborted) throw new Error('the benchmarks service has stopped');
      return work();
    });
    tail = run.catch(() => undefined);
    return run;
  }

  const trendCache = new Map<number, TrendRelease>();
  async function trendReleases(): Promise<TrendRelease[]> {
    const chosen = releasesByYear((await publishedSummaries(db)).map((r) => ({ id: r.id, asOf: r.asOf, synthetic: r.synthetic, figures: [] })));
    const out: TrendRelease[] = [];
    for (const r of chosen.values()) {
      let loaded = trendCache.get(r.id);
      if (!loaded) {
        const row = await publishedRelease(db, r.id);
        if (!row) continue;
        loaded = { id: r.id, asOf: r.asOf, synthetic: r.synthetic, figures: row.figures as StoredFigure[] };
        trendCache.set(r.id, loaded);
      }
      out.push(loaded);
    }
    // Only the releases standing for a year are kept (the current year's changes with every refresh).
    const ids = new Set([...chosen.values()].map((r) => r.id));
    for (const id of trendCache.keys()) if (!ids.has(id)) trendCache.delete(id);
    return out;
  }

  return {
    current,
    byId,
    newest,
    list: (first) => releaseSummaries(db, first),
    build,
    buildHistory,
    trendReleases,
    stop: () => stopping.abort(new Error('the benchmarks service has stopped')),
  };
}

/** What a build reads: each authority's latest snapshot and its counts, and the regions today. */
async function releaseInput(db: NationalDatabase, asOf: string): Promise<{ input: ReportInput; snapshots: ReleaseSnapshot[]; refreshId: number | null }> {
  const [refresh, latest, regionOf] = await Promise.all([latestFinishedRefresh(db), latestSnapshots(db), regionsOfAuthorities(db, asOf)]);
  const counts = await countsOfSnapshots(
    db,
    latest.map((s) => s.snapshotId),
  );
  const authorityOfSnapshot = new Map(latest.map((s) => [s.snapshotId, s.authorityCode]));
  const stale = (s: (typeof latest)[number]) => refresh === null || s.refreshId !== refresh.id;
  return {
    refreshId: refresh?.id ?? null,
    snapshots: latest.map((s) => ({
      authorityCode: s.authorityCode,
      snapshotId: s.snapshotId,
      takenAt: s.takenAt.toISOString(),
      stale: stale(s),
      regionCode: regionOf.get(s.authorityCode) ?? null,
    })),
    input: {
      snapshots: new Map(latest.map((s) => [s.authorityCode, { takenAt: s.takenAt, stale: stale(s) }])),
      regionOf,
      counts: counts.map((c) => ({ ...c, authorityCode: authorityOfSnapshot.get(c.snapshotId) ?? '' })),
    },
  };
}

/** The same day `years` earlier (29 February becomes 28). */
function yearsBefore(isoDate: string, years: number): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toServed(summary: ReleaseSummary, figures: readonly StoredFigure[]): ServedRelease {
  indexRelease(figures);
  const regionOf = new Map(summary.snapshots.flatMap((s) => (s.regionCode ? [[s.authorityCode, s.regionCode] as const] : [])));
  return { summary, figures, regionOf, staleAuthorities: summary.snapshots.filter((s) => s.stale).map((s) => s.authorityCode) };
}

function storedFigure(figure: Figure): StoredFigure {
  return { ...figure, snapshotTakenAt: figure.snapshotTakenAt ? new Date(figure.snapshotTakenAt).toISOString() : null };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 500 ? `${message.slice(0, 500)}…` : message;
}
