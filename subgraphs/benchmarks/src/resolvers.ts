// Thin resolvers: who may see which figures of which release, the releases, and the refresh on demand.
import type { GraphQLResolverMap } from '@wales-lac/subgraph-edge';
import { MARKERS } from '@wales-lac/disclosure';
import { WORDS, message, platformError } from '@wales-lac/errors';
import { enumValuesOf } from '@wales-lac/subgraph-edge';
import type { BenchmarksContext } from './context.ts';
import type { ReleaseSummary } from './data/releases.ts';
import { DIMENSIONS, MEASURES, type MeasureDefinition } from './measures.ts';
import { neighbourComparison, type NeighbourComparison } from './neighbours.ts';
import type { ServedRelease, StoredFigure } from './release-store.ts';
import { measureById, pooledTrend, POOLED_YEARS, type TrendPoint } from './trends.ts';
import { WALES_CODE } from '@wales-lac/wales';

interface TrendArgs {
  measure: string;
  codes?: string[] | null;
  dimension?: string | null;
  category?: string | null;
}

const MOST_TREND_CODES = 30;

interface BenchmarksArgs {
  measures?: string[] | null;
  dimension?: string | null;
  level?: 'authority' | 'region' | 'wales' | null;
  region?: string | null;
  release?: string | null;
}

const MOST_RELEASES_LISTED = 100;

/** National analysts and authority education leads see every geography; a consortium analyst their region's. */
function checkCaller(ctx: BenchmarksContext): void {
  const { role } = ctx.caller;
  if (role !== 'national-analyst' && role !== 'virtual-school-head' && role !== 'consortium-analyst') {
    throw platformError(message('FORBIDDEN', 'noBenchmarks', { role }));
  }
}

function visibleTo(ctx: BenchmarksContext, release: ServedRelease, region: string | null): (figure: StoredFigure) => boolean {
  const { caller } = ctx;
  const within = caller.role === 'consortium-analyst' ? caller.regionCode : region;
  if (!within) return () => true;
  return (f) => f.level === 'wales' || (f.level === 'region' && f.code === within) || (f.level === 'authority' && release.regionOf.get(f.code) === within);
}

function checkArgs(ctx: BenchmarksContext, args: BenchmarksArgs): void {
  const unknown = (args.measures ?? []).filter((m) => !MEASURES.some((d) => d.id === m));
  if (unknown.length > 0)
    throw platformError(message('BAD_USER_INPUT', 'unknownMeasure', { given: unknown.join(', '), known: MEASURES.map((m) => m.id).join(', ') }), {
      field: 'measures',
    });
  if (args.dimension && !(args.dimension in DIMENSIONS)) {
    throw platformError(message('BAD_USER_INPUT', 'unknownDimension', { given: args.dimension, known: Object.keys(DIMENSIONS).join(', ') }), {
      field: 'dimension',
    });
  }
  if (args.release !== undefined && args.release !== null && !/^[1-9]\d{0,15}$/.test(args.release)) {
    throw platformError(message('BAD_USER_INPUT', 'notAReleaseId', { given: JSON.stringify(args.release) }), { field: 'release' });
  }
  const { caller } = ctx;
  if (args.region && caller.role === 'consortium-analyst' && args.region !== caller.regionCode) {
    throw platformError(message('FORBIDDEN', 'regionRefused', { own: caller.regionCode ?? '', region: args.region }), { field: 'region' });
  }
}

async function releaseFor(ctx: BenchmarksContext, id: string | null | undefined): Promise<ServedRelease> {
  if (id) {
    const release = await ctx.releases.byId(Number(id));
    if (!release) throw platformError(message('BAD_USER_INPUT', 'noSuchRelease', { id }), { field: 'release' });
    return release;
  }
  const release = await ctx.releases.current();
  if (release) return release;
  const newest = await ctx.releases.newest();
  const text =
    newest?.state === 'failed'
      ? message('BENCHMARKS_NOT_PUBLISHED', 'failed', { reason: newest.failure ?? WORDS.noReason })
      : newest?.state === 'building'
        ? message('BENCHMARKS_NOT_PUBLISHED', 'building')
        : message('BENCHMARKS_NOT_PUBLISHED', 'none');
  throw platformError(text);
}

/** Why the served release is not the newest one, when a newer build failed. */
async function notReplacedBecause(ctx: BenchmarksContext, served: ServedRelease, asked: boolean): Promise<string | null> {
  if (asked) return null;
  const newest = await ctx.releases.newest();
  if (!newest || newest.id <= served.summary.id || newest.state !== 'failed') return null;
  return `release ${newest.id} (${newest.asOf}) was not published: ${newest.failure ?? 'no reason recorded'}`;
}

export const resolvers: GraphQLResolverMap<BenchmarksContext> = {
  Query: {
    benchmarks: async (_: unknown, args: BenchmarksArgs, ctx: BenchmarksContext) => {
      checkCaller(ctx);
      checkArgs(ctx, args);
      const release = await releaseFor(ctx, args.release);
      if (args.region && ![...release.regionOf.values()].includes(args.region)) {
        throw platformError(
          message('BAD_USER_INPUT', 'unknownRegion', { given: args.region, known: [...new Set(release.regionOf.values())].sort().join(', ') }),
          { field: 'region' },
        );
      }
      const visible = visibleTo(ctx, release, args.region ?? null);
      const figures = release.figures.filter(
        (f) =>
          visible(f) &&
          (!args.measures || args.measures.includes(f.measure)) &&
          (!args.dimension || f.dimension === args.dimension) &&
          (!args.level || f.level === args.level),
      );
      const published = release.summary.finishedAt ?? release.summary.startedAt;
      const taken = release.summary.snapshots.map((s) => s.takenAt).sort();
      return {
        release: release.summary,
        notReplacedBecause: await notReplacedBecause(ctx, release, Boolean(args.release)),
        ageHours: Math.max(0, (ctx.now().getTime() - published.getTime()) / 3_600_000),
        refreshedAt: taken[taken.length - 1] ?? null,
        measures: MEASURES.filter((m) => !args.measures || args.measures.includes(m.id)),
        figures,
        staleAuthorities: release.staleAuthorities.map((code) => ({ code })),
      };
    },
    benchmarkReleases: async (_: unknown, args: { first?: number | null }, ctx: BenchmarksContext) => {
      checkCaller(ctx);
      const first = args.first ?? 20;
      if (!Number.isInteger(first) || first < 1 || first > MOST_RELEASES_LISTED) {
        throw platformError(message('BAD_USER_INPUT', 'releasesFirst', { max: MOST_RELEASES_LISTED, given: first }), { field: 'first' });
      }
      return ctx.releases.list(first);
    },
    benchmarkTrend: async (_: unknown, args: TrendArgs, ctx: BenchmarksContext) => {
      checkCaller(ctx);
      const measure = measureById(args.measure);
      if (!measure)
        throw platformError(message('BAD_USER_INPUT', 'unknownMeasure', { given: args.measure, known: MEASURES.map((m) => m.id).join(', ') }), {
          field: 'measure',
        });
      const dimension = args.dimension ?? 'all';
      const category = args.category ?? 'all';
      const categories = DIMENSIONS[dimension];
      if (!categories)
        throw platformError(message('BAD_USER_INPUT', 'unknownDimension', { given: dimension, known: Object.keys(DIMENSIONS).join(', ') }), {
          field: 'dimension',
        });
      if (!categories.includes(category))
        throw platformError(message('BAD_USER_INPUT', 'unknownCategory', { given: category, dimension, known: categories.join(', ') }), { field: 'category' });
      const codes = args.codes && args.codes.length > 0 ? [...new Set(args.codes)] : [WALES_CODE];
      if (codes.length > MOST_TREND_CODES)
        throw platformError(message('BAD_USER_INPUT', 'tooManyCodes', { max: MOST_TREND_CODES, given: codes.length }), { field: 'codes' });
      const release = await releaseFor(ctx, null);
      const known = new Set([WALES_CODE, ...release.regionOf.keys(), ...release.regionOf.values()]);
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length > 0)
        throw platformError(message('BAD_USER_INPUT', 'unknownGeography', { given: unknown.join(', '), wales: WALES_CODE }), { field: 'codes' });
      const { caller } = ctx;
      if (caller.role === 'consortium-analyst') {
        const outside = codes.filter((c) => c !== WALES_CODE && c !== caller.regionCode && release.regionOf.get(c) !== caller.regionCode);
        if (outside.length > 0)
          throw platformError(message('FORBIDDEN', 'codesRefused', { own: caller.regionCode ?? '', codes: outside.join(', ') }), { field: 'codes' });
      }
      const series = pooledTrend(await ctx.releases.trendReleases(), measure, codes, dimension, category);
      return { measure: measure.id, pooledYears: POOLED_YEARS, dimension, category, series };
    },
  },
  Mutation: {
    refreshBenchmarks: async (_: unknown, __: unknown, ctx: BenchmarksContext) => {
      if (ctx.caller.role !== 'national-analyst') throw platformError(message('FORBIDDEN', 'refreshNational'));
      const outcome = await ctx.refresh(ctx.caller.subject);
      return {
        refreshed: outcome.refreshed.map((code) => ({ code })),
        unreachable: outcome.unreachable.map((code) => ({ code })),
        seconds: outcome.seconds,
        release: outcome.release,
      };
    },
  },
  BenchmarkRelease: {
    id: (r: ReleaseSummary) => String(r.id),
    startedAt: (r: ReleaseSummary) => r.startedAt.toISOString(),
    finishedAt: (r: ReleaseSummary) => r.finishedAt?.toISOString() ?? null,
    snapshots: (r: ReleaseSummary) => r.snapshots.map((s) => ({ authority: { code: s.authorityCode }, takenAt: s.takenAt, stale: s.stale })),
  },
  NeighbourComparison: {
    authorities: (c: NeighbourComparison) => c.authorities.map((code) => ({ code })),
    pooled: (c: NeighbourComparison) => c.pooled.map((code) => ({ code })),
  },
  BenchmarkTrendPoint: {
    releases: (p: TrendPoint) => p.releases.map(String),
    markerText: (p: TrendPoint, _: unknown, ctx: BenchmarksContext) => markerText(p.marker, ctx),
  },
  BenchmarkAudit: {
    unproven: (a: { unproven?: number }) => a.unproven ?? 0,
  },
  BenchmarkMeasure: {
    name: (m: MeasureDefinition, _: unknown, ctx: BenchmarksContext) => (ctx.language === 'cy' ? m.nameCy : m.nameEn),
  },
  BenchmarkFigure: {
    authority: (f: StoredFigure) => (f.level === 'authority' ? { code: f.code } : null),
    neighbours: (f: StoredFigure) => neighbourComparison(f),
    markerText: (f: StoredFigure, _: unknown, ctx: BenchmarksContext) => markerText(f.marker, ctx),
  },
  MeasureKind: enumValuesOf(['count', 'rate', 'per-100']),
  GeographyLevel: enumValuesOf(['authority', 'region', 'wales']),
  Comparison: enumValuesOf(['higher', 'lower', 'similar', 'not-comparable']),
  BenchmarkReleaseState: enumValuesOf(['building', 'published', 'failed']),
  BenchmarkRounding: enumValuesOf(['none', 'nearest-5']),
};

function markerText(code: string | null, ctx: BenchmarksContext): string | null {
  const marker = code ? MARKER_BY_CODE.get(code) : undefined;
  return marker ? (ctx.language === 'cy' ? marker.cy : marker.en) : null;
}

const MARKER_BY_CODE = new Map<string, (typeof MARKERS)[keyof typeof MARKERS]>(Object.values(MARKERS).map((m) => [m.code, m]));
