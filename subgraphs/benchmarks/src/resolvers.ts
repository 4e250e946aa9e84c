// Thin resolvers: who may see which figures, and the refresh on demand.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { MARKERS } from '@wales-lac/disclosure';
import { platformError } from '@wales-lac/errors';
import { enumValuesOf } from '@wales-lac/subgraph-edge';
import type { BenchmarksContext } from './context.ts';
import { DIMENSIONS, MEASURES, type MeasureDefinition } from './measures.ts';
import type { Figure } from './report.ts';
import type { StoredReport } from './report-store.ts';

interface BenchmarksArgs {
  measures?: string[] | null;
  dimension?: string | null;
  level?: 'authority' | 'region' | 'wales' | null;
}

/** National analysts and authority education leads see every geography; a consortium analyst their region's. */
function visibleTo(ctx: BenchmarksContext, report: StoredReport): (figure: Figure) => boolean {
  const { caller } = ctx;
  if (caller.role === 'national-analyst' || caller.role === 'virtual-school-head') return () => true;
  if (caller.role === 'consortium-analyst') {
    return (f) => f.level === 'wales' || (f.level === 'region' && f.code === caller.regionCode) || (f.level === 'authority' && report.regionOf.get(f.code) === caller.regionCode);
  }
  throw platformError('FORBIDDEN', `a ${caller.role} does not see national benchmarks`);
}

function checkArgs(args: BenchmarksArgs): void {
  const unknown = (args.measures ?? []).filter((m) => !MEASURES.some((d) => d.id === m));
  if (unknown.length > 0) throw platformError('BAD_USER_INPUT', `unknown measure ${unknown.join(', ')}; measures are ${MEASURES.map((m) => m.id).join(', ')}`, { field: 'measures' });
  if (args.dimension && !(args.dimension in DIMENSIONS)) {
    throw platformError('BAD_USER_INPUT', `unknown dimension ${args.dimension}; dimensions are ${Object.keys(DIMENSIONS).join(', ')}`, { field: 'dimension' });
  }
}

const MARKER_BY_CODE = new Map<string, (typeof MARKERS)[keyof typeof MARKERS]>(Object.values(MARKERS).map((m) => [m.code, m]));

export const resolvers: GraphQLResolverMap<BenchmarksContext> = {
  Query: {
    benchmarks: async (_: unknown, args: BenchmarksArgs, ctx: BenchmarksContext) => {
      checkArgs(args);
      const report = await ctx.report();
      const visible = visibleTo(ctx, report);
      const figures = report.figures.filter(
        (f) => visible(f) && (!args.measures || args.measures.includes(f.measure)) && (!args.dimension || f.dimension === args.dimension) && (!args.level || f.level === args.level),
      );
      return {
        refreshedAt: report.refreshedAt?.toISOString() ?? null,
        measures: MEASURES.filter((m) => !args.measures || args.measures.includes(m.id)),
        figures,
        staleAuthorities: report.staleAuthorities.map((code) => ({ code })),
      };
    },
  },
  Mutation: {
    refreshBenchmarks: async (_: unknown, __: unknown, ctx: BenchmarksContext) => {
      if (ctx.caller.role !== 'national-analyst') throw platformError('FORBIDDEN', 'only a national analyst may refresh the benchmarks');
      const outcome = await ctx.refresh(ctx.caller.subject);
      return { refreshed: outcome.refreshed.map((code) => ({ code })), unreachable: outcome.unreachable.map((code) => ({ code })), seconds: outcome.seconds };
    },
  },
  BenchmarkMeasure: {
    name: (m: MeasureDefinition, _: unknown, ctx: BenchmarksContext) => (ctx.language === 'cy' ? m.nameCy : m.nameEn),
  },
  BenchmarkFigure: {
    authority: (f: Figure) => (f.level === 'authority' ? { code: f.code } : null),
    markerText: (f: Figure, _: unknown, ctx: BenchmarksContext) => {
      const marker = f.marker ? MARKER_BY_CODE.get(f.marker) : undefined;
      return marker ? (ctx.language === 'cy' ? marker.cy : marker.en) : null;
    },
    snapshotTakenAt: (f: Figure) => f.snapshotTakenAt?.toISOString() ?? null,
  },
  MeasureKind: enumValuesOf(['count', 'rate', 'per-100']),
  GeographyLevel: enumValuesOf(['authority', 'region', 'wales']),
  Comparison: enumValuesOf(['higher', 'lower', 'similar', 'not-comparable']),
};
