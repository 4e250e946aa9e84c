// Pooled three-year trends through the real gateway on a fresh install: synthetic history for four
// earlier academic years is built (protected and audited like a real release) after the first release,
// and benchmarkTrend sums exactly the published figures of each period's three releases, hiding a period
// when any of its years is hidden. Bad arguments are refused naming the argument.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKERS } from '@wales-lac/disclosure';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const WALES = 'W92000004';
const CARDIFF = 'W06000015';

let platform: TestPlatform;
let national: string;
type Release = { id: string; state: string; synthetic: boolean; asOf: string; audit: { findings: number } | null };
let releases: Release[] = [];

beforeAll(async () => {
  // Scale 0.3 (about 2,100 children) so that Wales's and the larger authorities' totals publish.
  platform = await startTestPlatform({ env: { BENCHMARK_HISTORY_YEARS: '4', SEED_SCALE: '0.3', BENCHMARK_PROTECTION_BATCHES: '8' } });
  national = await platform.token({ sub: 'ndg', role: 'national-analyst' });
  for (const deadline = Date.now() + 240_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    const { body } = await platform.graphql(national, '{ benchmarkReleases(first: 10) { id state synthetic asOf audit { findings } } }');
    releases = body.data?.benchmarkReleases ?? [];
    if (releases.filter((r) => r.synthetic && r.state !== 'BUILDING').length >= 4) break;
  }
}, 400_000);
afterAll(async () => platform?.stop());

const TREND = (args: string) =>
  `{ benchmarkTrend(${args}) { measure pooledYears series { code level points { academicYear pooledYears numerator denominator rate lower upper marker markerText synthetic releases } } } }`;
type Point = {
  academicYear: string;
  pooledYears: string[];
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  marker: string | null;
  synthetic: boolean;
  releases: string[];
};

async function figureIn(
  release: string,
  measure: string,
  code: string,
): Promise<{ numerator: number | null; denominator: number | null; marker: string | null }> {
  const { body } = await platform.graphql(
    national,
    `{ benchmarks(release: "${release}", measures: ["${measure}"], dimension: "all") { figures { code category numerator denominator marker } } }`,
  );
  expect(body.errors).toBeUndefined();
  return body.data?.benchmarks.figures.find((f: { code: string; category: string }) => f.code === code && f.category === 'all');
}

describe('pooled trends on a fresh install', () => {
  it('builds four earlier academic years of synthetic history, each published with a clean audit, and still serves the real release', async () => {
    const history = releases.filter((r) => r.synthetic);
    expect(history.map((r) => r.state)).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED']);
    expect(history.every((r) => r.audit?.findings === 0)).toBe(true);
    expect(new Set(history.map((r) => r.asOf.slice(0, 4))).size).toBe(4);
    const { body } = await platform.graphql(national, '{ benchmarks(level: WALES, dimension: "all") { release { id synthetic } } }');
    expect(body.data?.benchmarks.release.synthetic).toBe(false);
  });

  it.each(['cohort', 'pep-in-place', 'attendance'])(
    "gives Wales three rolling periods of %s, each the sum of its three releases' published figures",
    async (measure) => {
      const { body } = await platform.graphql(national, TREND(`measure: "${measure}"`));
      expect(body.errors).toBeUndefined();
      const [wales] = body.data?.benchmarkTrend.series ?? [];
      expect(wales).toMatchObject({ code: WALES, level: 'WALES' });
      const points: Point[] = wales.points;
      expect(points).toHaveLength(3);
      const last = points[2];
      expect(last?.releases).toContain(releases.find((r) => !r.synthetic && r.state === 'PUBLISHED')?.id);
      for (const point of points) {
        expect(point.pooledYears).toHaveLength(3);
        expect(point.synthetic).toBe(true);
        const years = await Promise.all(point.releases.map((id) => figureIn(id, measure, WALES)));
        if (years.some((y) => y.marker !== null)) expect(point.marker).toBe('[c]');
        else {
          expect(point.marker).toBeNull();
          expect(point.numerator).toBe(years.reduce((s, y) => s + (y.numerator ?? 0), 0));
          if (measure === 'cohort') expect(point.rate).toBeNull();
          else {
            expect(point.denominator).toBe(years.reduce((s, y) => s + (y.denominator ?? 0), 0));
            expect(point.rate).toBeCloseTo((point.numerator ?? 0) / (point.denominator ?? 1));
          }
        }
      }
      // Wales's number of children looked after is published every year at this scale.
      if (measure === 'cohort') expect(points.every((p) => p.marker === null)).toBe(true);
    },
  );

  it("hides every authority's period that has a hidden year, and publishes no pooled count below 5", async () => {
    const codes = AUTHORITY_FACTS.map((a) => a.code);
    const { body } = await platform.graphql(national, TREND(`measure: "cohort", codes: ${JSON.stringify(codes)}`));
    expect(body.errors).toBeUndefined();
    const series: { code: string; points: Point[] }[] = body.data?.benchmarkTrend.series ?? [];
    expect(series.map((s) => s.code)).toEqual(codes);
    const cardiff = series.find((s) => s.code === CARDIFF);
    for (const point of cardiff?.points ?? []) {
      const years = await Promise.all(point.releases.map((id) => figureIn(id, 'cohort', CARDIFF)));
      expect(point.marker === '[c]').toBe(years.some((y) => y.marker !== null));
      if (point.marker === null) expect(point.numerator).toBe(years.reduce((s, y) => s + (y.numerator ?? 0), 0));
    }

    for (const s of series) for (const p of s.points) expect(p.marker !== null || (p.numerator ?? 0) >= 5).toBe(true);
  });

  it("says in Welsh what a hidden period's marker means", async () => {
    const codes = JSON.stringify(AUTHORITY_FACTS.map((a) => a.code));
    const { body } = await platform.graphql(national, TREND(`measure: "permanent-exclusions", codes: ${codes}`), {}, { 'accept-language': 'cy' });
    const points = (body.data?.benchmarkTrend.series as { points: (Point & { markerText: string | null })[] }[]).flatMap((s) => s.points);
    const hidden = points.find((p) => p.marker === MARKERS.suppressed.code);
    expect(hidden?.markerText).toBe(MARKERS.suppressed.cy);
  });

  const refusals: { what: string; args: string; code: string; field: string; as?: 'consortium-analyst' | 'designated-teacher' }[] = [
    { what: 'an unknown measure', args: 'measure: "happiness"', code: 'BAD_USER_INPUT', field: 'measure' },
    { what: 'an unknown split', args: 'measure: "cohort", dimension: "shoe-size"', code: 'BAD_USER_INPUT', field: 'dimension' },
    { what: 'an unknown category', args: 'measure: "cohort", dimension: "gender", category: "purple"', code: 'BAD_USER_INPUT', field: 'category' },
    { what: 'an unknown geography', args: 'measure: "cohort", codes: ["W06999999"]', code: 'BAD_USER_INPUT', field: 'codes' },
    {
      what: "another region's authority, for a consortium analyst",
      args: 'measure: "cohort", codes: ["W06000001"]',
      code: 'FORBIDDEN',
      field: 'codes',
      as: 'consortium-analyst',
    },
  ];
  it.each(refusals)('refuses $what, naming the argument', async ({ args, code, field, as }) => {
    const token = as === 'consortium-analyst' ? await platform.token({ sub: 'csc', role: 'consortium-analyst', region: 'CSC' }) : national;
    const { body } = await platform.graphql(token, TREND(args));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, field });
  });

  it('lets a consortium analyst follow their own region, its authorities and Wales', async () => {
    const token = await platform.token({ sub: 'csc', role: 'consortium-analyst', region: 'CSC' });
    const { body } = await platform.graphql(token, TREND(`measure: "cohort", codes: ["CSC", "${CARDIFF}", "${WALES}"]`));
    expect(body.errors).toBeUndefined();
    expect(body.data?.benchmarkTrend.series.map((s: { code: string }) => s.code)).toEqual(['CSC', CARDIFF, WALES]);
  });

  it('is refused to a designated teacher', async () => {
    const token = await platform.token({ sub: 'dt', role: 'designated-teacher', authority: CARDIFF, school: '6812345' });
    const { body } = await platform.graphql(token, TREND('measure: "cohort"'));
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
