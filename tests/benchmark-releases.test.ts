// Benchmark releases through the real gateway: one release built per refresh and served from then on; a
// build that cannot be protected (injected) or whose audit finds something leaves the earlier release
// published and says why; earlier releases can be read; bad arguments are refused, naming them, and
// build nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReleaseInWorker, type ReleaseBuilder } from '@wales-lac/benchmarks-subgraph';
import { refreshAndWait } from './support/benchmarks.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

/** What the next build does: the real one, or an injected fault. */
let nextBuild: 'real' | 'unprotectable' | 'audit-finds' = 'real';
const builder: ReleaseBuilder = async (input, options, signal) => {
  if (nextBuild === 'unprotectable') throw new Error('disclosure control could not protect the report (injected)');
  const built = await buildReleaseInWorker(input, options, signal);
  return nextBuild === 'audit-finds' ? { ...built, audit: { ...built.audit, findings: 2 } } : built;
};

const RELEASES = '{ benchmarkReleases { id state failure asOf rounding audit { findings cellsChecked method } snapshots { authority { code } stale } } }';
const ANSWER = '{ benchmarks(level: WALES, dimension: "all") { release { id state } notReplacedBecause ageHours figures { measure numerator marker } } }';

let platform: TestPlatform;
let national: string;
beforeAll(async () => {
  platform = await startTestPlatform({ benchmarkReleaseBuilder: builder });
  national = await platform.token({ sub: 'ndg', role: 'national-analyst' });
});
afterAll(async () => platform?.stop());

async function releases(): Promise<
  { id: string; state: string; failure: string | null; audit: { findings: number; cellsChecked: number } | null; snapshots: unknown[] }[]
> {
  const { body } = await platform.graphql(national, RELEASES);
  expect(body.errors).toBeUndefined();
  return body.data?.benchmarkReleases;
}

async function refresh(fault: typeof nextBuild) {
  nextBuild = fault;
  try {
    return (await refreshAndWait(platform, national)).release;
  } finally {
    nextBuild = 'real';
  }
}

describe('benchmark releases', () => {
  it('publishes the first release at start, audited, resting on a snapshot of every authority', async () => {
    const [first] = await releases();
    expect(first).toMatchObject({ state: 'PUBLISHED', failure: null, rounding: 'NONE' });
    expect(first?.audit?.findings).toBe(0);
    expect(first?.snapshots).toHaveLength(22);
    const { body } = await platform.graphql(national, ANSWER);
    expect(body.errors).toBeUndefined();
    expect(body.data?.benchmarks).toMatchObject({ release: { id: first?.id, state: 'PUBLISHED' }, notReplacedBecause: null });
    // At this scale (about 200 children in Wales) almost every count is small and Wales's totals are
    // hidden too (tests/start.test.ts checks what full scale publishes): every figure is a marker or a
    // count of at least 5.
    const figures: { numerator: number | null; marker: string | null }[] = body.data?.benchmarks.figures ?? [];
    expect(figures.length).toBeGreaterThan(15);
    for (const f of figures) expect(f.marker !== null || (f.numerator ?? 0) >= 5).toBe(true);
  });

  it('keeps the earlier release published when a build cannot be protected, and says why', async () => {
    const before = await platform.graphql(national, ANSWER);
    const failed = await refresh('unprotectable');
    expect(failed).toMatchObject({ state: 'FAILED', failure: expect.stringContaining('could not protect') });
    const after = await platform.graphql(national, ANSWER);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.benchmarks.release).toEqual(before.body.data?.benchmarks.release);
    expect(after.body.data?.benchmarks.figures).toEqual(before.body.data?.benchmarks.figures);
    expect(after.body.data?.benchmarks.notReplacedBecause).toContain(`release ${failed.id}`);
    expect(after.body.data?.benchmarks.notReplacedBecause).toContain('could not protect');
  });

  it('does not publish a release whose independent audit finds a figure a reader could work out', async () => {
    const served = (await platform.graphql(national, ANSWER)).body.data?.benchmarks.release.id;
    const failed = await refresh('audit-finds');
    expect(failed).toMatchObject({ state: 'FAILED', failure: expect.stringContaining('audit found 2') });
    expect((await platform.graphql(national, ANSWER)).body.data?.benchmarks.release.id).toBe(served);
  });

  it('publishes the next good build, and still serves an earlier release when asked for it', async () => {
    const earlier = (await platform.graphql(national, ANSWER)).body.data?.benchmarks.release.id;
    const next = await refresh('real');
    expect(next.state).toBe('PUBLISHED');
    const latest = await platform.graphql(national, ANSWER);
    expect(latest.body.data?.benchmarks).toMatchObject({ release: { id: next.id }, notReplacedBecause: null });
    const old = await platform.graphql(national, `{ benchmarks(release: "${earlier}", level: WALES) { release { id } } }`);
    expect(old.body.errors).toBeUndefined();
    expect(old.body.data?.benchmarks.release.id).toBe(earlier);
    expect((await releases()).map((r) => r.state).slice(0, 4)).toEqual(['PUBLISHED', 'FAILED', 'FAILED', 'PUBLISHED']);
  });
});

describe('statistical neighbours', () => {
  it("sets an authority's share against its four neighbours' published figures, pooled", async () => {
    const { body } = await platform.graphql(
      national,
      '{ benchmarks(measures: ["pep-in-place"], level: AUTHORITY, dimension: "all") { figures { code numerator denominator rate marker neighbours { authorities { code } pooled { code } numerator denominator rate comparison } } } }',
    );
    expect(body.errors).toBeUndefined();
    type Shown = {
      code: string;
      numerator: number | null;
      denominator: number | null;
      marker: string | null;
      neighbours: {
        authorities: { code: string }[];
        pooled: { code: string }[];
        numerator: number | null;
        denominator: number | null;
        rate: number | null;
        comparison: string;
      };
    };
    const figures: Shown[] = body.data?.benchmarks.figures;
    const byCode = new Map(figures.map((f) => [f.code, f]));
    for (const f of figures) {
      expect(f.neighbours.authorities).toHaveLength(4);
      // Only neighbours whose own figure is published are pooled, and the pool is exactly their sum.
      const pooled = f.neighbours.pooled.map((p) => byCode.get(p.code));
      expect(pooled.every((p) => p?.marker === null)).toBe(true);
      const left = f.neighbours.authorities.filter((a) => !f.neighbours.pooled.some((p) => p.code === a.code));
      expect(left.every((a) => byCode.get(a.code)?.marker !== null)).toBe(true);
      if (pooled.length === 0) expect(f.neighbours.comparison).toBe('NOT_COMPARABLE');
      else {
        expect(f.neighbours.numerator).toBe(pooled.reduce((s, p) => s + (p?.numerator ?? 0), 0));
        expect(f.neighbours.denominator).toBe(pooled.reduce((s, p) => s + (p?.denominator ?? 0), 0));
      }
    }
    const cardiff = await platform.graphql(national, '{ authority(code: "W06000015") { statisticalNeighbours { code } } }');
    expect(cardiff.body.data?.authority.statisticalNeighbours).toEqual(byCode.get('W06000015')?.neighbours.authorities);
  });
});

describe('bad arguments', () => {
  const cases: { what: string; query: string; code: string; field: string; as?: 'consortium-analyst' }[] = [
    { what: 'an unknown measure', query: '{ benchmarks(measures: ["pep-on-mars"]) { figures { code } } }', code: 'BAD_USER_INPUT', field: 'measures' },
    { what: 'an unknown split', query: '{ benchmarks(dimension: "shoe-size") { figures { code } } }', code: 'BAD_USER_INPUT', field: 'dimension' },
    {
      what: 'a release id that is not a number',
      query: '{ benchmarks(release: "latest-ish") { figures { code } } }',
      code: 'BAD_USER_INPUT',
      field: 'release',
    },
    { what: 'a release that does not exist', query: '{ benchmarks(release: "999999") { figures { code } } }', code: 'BAD_USER_INPUT', field: 'release' },
    { what: 'an unknown region', query: '{ benchmarks(region: "ATLANTIS") { figures { code } } }', code: 'BAD_USER_INPUT', field: 'region' },
    {
      what: 'another region, asked by a consortium analyst',
      query: '{ benchmarks(region: "GWE") { figures { code } } }',
      code: 'FORBIDDEN',
      field: 'region',
      as: 'consortium-analyst',
    },
    { what: 'too many releases', query: '{ benchmarkReleases(first: 1000) { id } }', code: 'BAD_USER_INPUT', field: 'first' },
  ];
  it.each(cases)('refuses $what, naming the argument, and builds nothing', async ({ query, code, field, as }) => {
    const token = as ? await platform.token({ sub: 'csc', role: as, region: 'CSC' }) : national;
    const before = (await releases()).length;
    const { body } = await platform.graphql(token, query);
    expect(body.data?.benchmarks ?? body.data?.benchmarkReleases ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect((await releases()).length).toBe(before);
  });

  it('gives a level that is not a level a validation error', async () => {
    const { body } = await platform.graphql(national, '{ benchmarks(level: COUNTY) { figures { code } } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets a consortium analyst ask for their own region', async () => {
    const token = await platform.token({ sub: 'csc', role: 'consortium-analyst', region: 'CSC' });
    const { body } = await platform.graphql(token, '{ benchmarks(region: "CSC", dimension: "all", measures: ["cohort"]) { figures { level code } } }');
    expect(body.errors).toBeUndefined();
    expect(new Set(body.data?.benchmarks.figures.map((f: { code: string }) => f.code))).toEqual(
      new Set(['W06000013', 'W06000014', 'W06000015', 'W06000016', 'W06000024', 'CSC', 'W92000004']),
    );
  });
});
