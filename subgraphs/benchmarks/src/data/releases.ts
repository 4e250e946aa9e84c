// Benchmark releases in the national database: built once per refresh, then only read.
import { and, desc, eq } from 'drizzle-orm';
import { nationalSchema, type NationalDatabase } from '@wales-lac/db';

const { benchmarkReleases } = nationalSchema;

export type ReleaseState = 'building' | 'published' | 'failed';
export type Rounding = 'none' | 'nearest-5';

/** One snapshot a release used. */
export interface ReleaseSnapshot {
  readonly authorityCode: string;
  readonly snapshotId: number;
  readonly takenAt: string;
  readonly stale: boolean;
  /** The authority's region on the release's day (consortium analysts see their region's). */
  readonly regionCode: string | null;
}

export interface ReleaseAudit {
  /** Hidden cells whose feasible interval the audit computed. */
  readonly cellsChecked: number;
  /** Hidden cells a reader could pin into 0-4 or recover (0 in every published release). */
  readonly findings: number;
  /** Hidden cells the LP could not settle within its time budget (checked by the protection's own reader only). */
  readonly unproven?: number;
  readonly method: string;
}

/** A release without its figures (for lists, and for what an answer says about where it came from). */
export interface ReleaseSummary {
  readonly id: number;
  readonly refreshId: number | null;
  readonly asOf: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly state: ReleaseState;
  readonly failure: string | null;
  readonly rounding: Rounding;
  readonly snapshots: readonly ReleaseSnapshot[];
  readonly audit: ReleaseAudit | null;
  readonly buildSeconds: number | null;
  readonly auditSeconds: number | null;
  readonly synthetic: boolean;
}

const summaryColumns = {
  id: benchmarkReleases.id,
  refreshId: benchmarkReleases.refreshId,
  asOf: benchmarkReleases.asOf,
  startedAt: benchmarkReleases.startedAt,
  finishedAt: benchmarkReleases.finishedAt,
  state: benchmarkReleases.status,
  failure: benchmarkReleases.failure,
  rounding: benchmarkReleases.rounding,
  snapshots: benchmarkReleases.snapshots,
  audit: benchmarkReleases.audit,
  buildSeconds: benchmarkReleases.buildSeconds,
  auditSeconds: benchmarkReleases.auditSeconds,
  synthetic: benchmarkReleases.synthetic,
};

interface SummaryRow {
  readonly id: number;
  readonly refreshId: number | null;
  readonly asOf: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly state: string;
  readonly failure: string | null;
  readonly rounding: string;
  readonly snapshots: unknown;
  readonly audit: unknown;
  readonly buildSeconds: number | null;
  readonly auditSeconds: number | null;
  readonly synthetic: boolean;
}

function toSummary(row: SummaryRow): ReleaseSummary {
  return {
    ...row,
    state: row.state as ReleaseState,
    rounding: row.rounding as Rounding,
    snapshots: row.snapshots as ReleaseSnapshot[],
    audit: (row.audit as ReleaseAudit | null) ?? null,
  };
}

export async function startRelease(
  db: NationalDatabase,
  release: { refreshId: number | null; asOf: string; rounding: Rounding; snapshots: readonly ReleaseSnapshot[]; synthetic?: boolean },
): Promise<number> {
  const [row] = await db
    .insert(benchmarkReleases)
    .values({
      refreshId: release.refreshId,
      asOf: release.asOf,
      rounding: release.rounding,
      snapshots: release.snapshots,
      status: 'building',
      synthetic: release.synthetic ?? false,
    })
    .returning({ id: benchmarkReleases.id });
  if (!row) throw new Error('the release could not be recorded');
  return row.id;
}

export async function publishRelease(
  db: NationalDatabase,
  id: number,
  outcome: { figures: readonly unknown[]; audit: ReleaseAudit; buildSeconds: number; auditSeconds: number },
): Promise<void> {
  await db
    .update(benchmarkReleases)
    .set({
      status: 'published',
      finishedAt: new Date(),
      figures: outcome.figures,
      audit: outcome.audit,
      buildSeconds: outcome.buildSeconds,
      auditSeconds: outcome.auditSeconds,
    })
    .where(and(eq(benchmarkReleases.id, id), eq(benchmarkReleases.status, 'building')));
}

export async function failRelease(db: NationalDatabase, id: number, failure: string, audit: ReleaseAudit | null = null): Promise<void> {
  await db.update(benchmarkReleases).set({ status: 'failed', finishedAt: new Date(), failure, audit }).where(eq(benchmarkReleases.id, id));
}

/** Builds a service stopped half-way leave 'building' rows: they never finished, so they failed. */
export async function failUnfinishedReleases(db: NationalDatabase): Promise<void> {
  await db
    .update(benchmarkReleases)
    .set({ status: 'failed', finishedAt: new Date(), failure: 'the service stopped before the build finished' })
    .where(eq(benchmarkReleases.status, 'building'));
}

export async function releaseSummaries(db: NationalDatabase, first: number): Promise<ReleaseSummary[]> {
  const rows = await db.select(summaryColumns).from(benchmarkReleases).orderBy(desc(benchmarkReleases.id)).limit(first);
  return rows.map(toSummary);
}

/** A published release with its figures: the given one, or the latest (non-synthetic) one. */
export async function publishedRelease(db: NationalDatabase, id?: number): Promise<{ summary: ReleaseSummary; figures: unknown[] } | null> {
  const where =
    id === undefined
      ? and(eq(benchmarkReleases.status, 'published'), eq(benchmarkReleases.synthetic, false))
      : and(eq(benchmarkReleases.status, 'published'), eq(benchmarkReleases.id, id));
  const [row] = await db
    .select({ ...summaryColumns, figures: benchmarkReleases.figures })
    .from(benchmarkReleases)
    .where(where)
    .orderBy(desc(benchmarkReleases.id))
    .limit(1);
  if (!row) return null;
  const { figures, ...summary } = row;
  return { summary: toSummary(summary), figures: (figures as unknown[] | null) ?? [] };
}

/** The newest release of any state: when it is not the published one, the answer says why. */
export async function newestRelease(db: NationalDatabase): Promise<ReleaseSummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(benchmarkReleases)
    .where(eq(benchmarkReleases.synthetic, false))
    .orderBy(desc(benchmarkReleases.id))
    .limit(1);
  return row ? toSummary(row) : null;
}

/** Every published release, newest first, without figures (trends choose one per academic year). */
export async function publishedSummaries(db: NationalDatabase): Promise<ReleaseSummary[]> {
  const rows = await db.select(summaryColumns).from(benchmarkReleases).where(eq(benchmarkReleases.status, 'published')).orderBy(desc(benchmarkReleases.id));
  return rows.map(toSummary);
}
