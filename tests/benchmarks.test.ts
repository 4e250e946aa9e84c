// National benchmarks through the real gateway: only anonymised views, disclosure control, who sees what,
// and an authority that cannot be reached keeping its last snapshot, marked stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverableCells, type AdditiveRelation } from '@wales-lac/disclosure';
import { AUTHORITY_FACTS, WALES_CODE } from '@wales-lac/wales';
import { refreshAndWait } from './support/benchmarks.ts';
import { authorityDb, ownConnection } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const REPORT = /* GraphQL */ `
  query Report($level: GeographyLevel, $dimension: String) {
    benchmarks(level: $level, dimension: $dimension) {
      refreshedAt
      measures {
        id
        available
      }
      figures {
        measure
        level
        code
        dimension
        category
        numerator
        denominator
        rate
        lower
        upper
        marker
        markerText
        stale
        snapshotTakenAt
        comparedWithWales
      }
      staleAuthorities {
        code
      }
    }
  }
`;
const SWANSEA = 'W06000011';

interface Figure {
  measure: string;
  level: string;
  code: string;
  dimension: string;
  category: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  lower: number | null;
  upper: number | null;
  marker: string | null;
  stale: boolean;
  snapshotTakenAt: string | null;
}

/** How a count of children adds up: authorities to their region, regions to Wales, categories to all. */
function lookedAfterSums(places: readonly string[]): AdditiveRelation[] {
  const splits = new Map<string, string[]>();
  for (const place of places) {
    const [, dimension = '', category = ''] = place.split('|');
    if (dimension !== 'all' && !splits.get(dimension)?.includes(category)) splits.set(dimension, [...(splits.get(dimension) ?? []), category]);
  }
  const regions = [...new Set(AUTHORITY_FACTS.map((a) => a.regionCode))];
  const geos = [...AUTHORITY_FACTS.map((a) => a.code), ...regions, WALES_CODE];
  const cells = [['all', 'all'], ...[...splits].flatMap(([d, cs]) => cs.map((c) => [d, c]))];
  return [
    ...cells.flatMap(([d, c]) => [
      ...regions.map((r) => ({ total: `${r}|${d}|${c}`, parts: AUTHORITY_FACTS.filter((a) => a.regionCode === r).map((a) => `${a.code}|${d}|${c}`) })),
      { total: `${WALES_CODE}|${d}|${c}`, parts: regions.map((r) => `${r}|${d}|${c}`) },
    ]),
    ...geos.flatMap((g) => [...splits].map(([d, cs]) => ({ total: `${g}|all|all`, parts: cs.map((c) => `${g}|${d}|${c}`) }))),
  ];
}

let platform: TestPlatform;
let national: string;
beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.2', BENCHMARK_PROTECTION_BATCHES: '8' } });
  national = await platform.token({ sub: 'ndg', role: 'national-analyst' });
});
afterAll(async () => platform?.stop());

describe('the national report', () => {
  it('covers 22 authorities, 4 regions and Wales with intervals, suppression and snapshot dates', async () => {
    const { body } = await platform.graphql(national, REPORT, { dimension: 'all' });
    expect(body.errors).toBeUndefined();
    const figures: Figure[] = body.data?.benchmarks.figures;
    const cohort = figures.filter((f) => f.measure === 'cohort');
    expect(cohort.filter((f) => f.level === 'AUTHORITY')).toHaveLength(22);
    expect(cohort.filter((f) => f.level === 'REGION')).toHaveLength(4);
    const wales = cohort.find((f) => f.level === 'WALES');
    expect(wales?.numerator).toBeGreaterThan(1000);
    expect(wales?.snapshotTakenAt).toBeTruthy();

    const rates = figures.filter((f) => f.measure === 'pep-in-place' && f.marker === null);
    expect(rates.length).toBeGreaterThan(0);
    for (const f of rates) {
      expect(f.lower).toBeLessThanOrEqual(f.rate ?? -1);
      expect(f.upper).toBeGreaterThanOrEqual(f.rate ?? 2);
      expect(f.rate).toBeCloseTo((f.numerator ?? 0) / (f.denominator ?? 1), 10);
    }
    expect(figures.some((f) => f.marker === '[c]' && f.numerator === null)).toBe(true);
    expect(figures.filter((f) => f.measure === 'time-away').every((f) => f.marker === '[x]')).toBe(true);
    expect(figures.filter((f) => f.measure === 'exclusions').some((f) => f.marker === '[x]')).toBe(false);
  });

  it('publishes exclusions per 100 pupils without an interval, and permanent exclusions as a count', async () => {
    const { body } = await platform.graphql(national, REPORT, {});
    expect(body.errors).toBeUndefined();
    const figures: Figure[] = body.data?.benchmarks.figures;
    for (const f of figures.filter((x) => (x.measure === 'exclusions' || x.measure === 'exclusion-days') && x.marker === null)) {
      const perUnit = f.measure === 'exclusion-days' ? 0.5 : 1;
      expect(f.rate).toBeCloseTo((((f.numerator ?? 0) * perUnit) / (f.denominator ?? 1)) * 100, 10);
      expect([f.lower, f.upper]).toEqual([null, null]);
    }
    for (const f of figures.filter((x) => x.measure === 'permanent-exclusions')) {
      expect([f.denominator, f.rate, f.lower, f.upper]).toEqual([null, null, null, null]);
    }
    expect(figures.filter((f) => f.measure === 'neet' && f.dimension === 'age-band').map((f) => f.category)).toContain('18');
  });

  it('says which measures are rates, counts or figures per 100', async () => {
    const { body } = await platform.graphql(national, '{ benchmarks(level: WALES, dimension: "all") { measures { id kind } } }');
    expect(body.errors).toBeUndefined();
    const kinds = new Map((body.data?.benchmarks.measures as { id: string; kind: string }[]).map((m) => [m.id, m.kind]));
    expect([kinds.get('exclusions'), kinds.get('exclusion-days'), kinds.get('permanent-exclusions'), kinds.get('sdq-concern')]).toEqual([
      'PER_100',
      'PER_100',
      'COUNT',
      'RATE',
    ]);
  });

  it('never publishes a count below 5, and says what a marker means in Welsh', async () => {
    const { body } = await platform.graphql(national, REPORT, {}, { 'accept-language': 'cy' });
    const figures: (Figure & { markerText: string | null })[] = body.data?.benchmarks.figures;
    for (const f of figures) {
      if (f.numerator !== null) expect(f.numerator).toBeGreaterThanOrEqual(5);
      if (f.denominator !== null) expect(f.denominator).toBeGreaterThanOrEqual(5);
    }
    expect(figures.find((f) => f.marker === '[c]')?.markerText).toMatch(/Cyfrinachol/);
  });

  it('shows a number two figures publish the same in both, and a small one in neither', async () => {
    const { body } = await platform.graphql(national, REPORT, {});
    expect(body.errors).toBeUndefined();
    const figures: Figure[] = body.data?.benchmarks.figures;
    const at = (f: Figure) => `${f.code}|${f.dimension}|${f.category}`;
    // Children looked after: the cohort's count and placement stability's denominator (decision 0010).
    const cohort = new Map(figures.filter((f) => f.measure === 'cohort').map((f) => [at(f), f.numerator]));
    const stability = figures.filter((f) => f.measure === 'placement-stability');
    expect(stability.length).toBe(cohort.size);
    let shownByBoth = 0;
    for (const f of stability) {
      const count = cohort.get(at(f));
      if (f.denominator !== null && count !== null && count !== undefined) {
        expect(f.denominator).toBe(count);
        shownByBoth += 1;
      }
    }
    expect(shownByBoth).toBeGreaterThan(0);
    // A reader who puts the two side by side (adding and subtracting across geographies and categories,
    // with the full attack) works out no count the cohort hides.
    const published = new Map<string, number>();
    for (const f of figures) {
      if (f.measure === 'cohort' && f.numerator !== null) published.set(at(f), f.numerator);
      if (f.measure === 'placement-stability' && f.denominator !== null) published.set(at(f), f.denominator);
    }
    const hidden = [...cohort.keys()].filter((place) => !published.has(place));
    expect(hidden.length).toBeGreaterThan(0);
    expect(recoverableCells(published, hidden, lookedAfterSums([...cohort.keys()]))).toEqual([]);
  }, 120_000);

  it('contains no identity', async () => {
    const { body } = await platform.graphql(national, REPORT, {});
    expect(JSON.stringify(body)).not.toMatch(/W06\d{6}:L\d+|legalGivenName|dateOfBirth|"upn"/);
  });
});

describe('who sees what', () => {
  it('gives a consortium analyst their region, its authorities and Wales only', async () => {
    const token = await platform.token({ sub: 'csc', role: 'consortium-analyst', region: 'CSC' });
    const { body } = await platform.graphql(token, REPORT, { dimension: 'all' });
    const codes = new Set((body.data?.benchmarks.figures as Figure[]).map((f) => f.code));
    expect(codes).toEqual(new Set(['W06000013', 'W06000014', 'W06000015', 'W06000016', 'W06000024', 'CSC', 'W92000004']));
  });

  it('refuses benchmarks to a designated teacher, and individual children to a national analyst', async () => {
    const teacher = await platform.token({ sub: 'dt', role: 'designated-teacher', authority: 'W06000015', school: '6812001' });
    const refused = await platform.graphql(teacher, REPORT, {});
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const learners = await platform.graphql(national, '{ learners { totalCount } }');
    expect(learners.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets only a national analyst refresh', async () => {
    const lead = await platform.token({ sub: 'vsh', role: 'virtual-school-head', authority: SWANSEA });
    const refused = await platform.graphql(lead, 'mutation { refreshBenchmarks { seconds } }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the anonymised reader role', () => {
  it('reads the anonymised views and is refused every identifiable table by PostgreSQL', async () => {
    const reader = ownConnection(platform, SWANSEA, 'anonymised-reader');
    try {
      const rows = await reader`select count(*)::int as n from anonymised.measure_counts`;
      expect(rows[0]?.n).toBeGreaterThan(0);
      const record = ['exclusions', 'reduced_timetables', 'sdq_assessments', 'additional_learning_needs', 'destinations', 'pep_sections', 'interventions'];
      for (const table of ['learners', 'placements', 'enrolments', 'peps', 'pep_targets', 'staff_allocations', 'audit_log', ...record]) {
        await expect(reader.unsafe(`select * from ${table} limit 1`)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await reader.end();
    }
  });
});

describe('an authority that cannot be reached during a refresh', () => {
  it('keeps its last snapshot, marked stale, while the others refresh', async () => {
    const first = await refreshAndWait(platform, national);
    expect(first.unreachable).toEqual([]);
    expect(first.release.state).toBe('PUBLISHED');
    const before = await platform.graphql(national, REPORT, { level: 'AUTHORITY', dimension: 'all' });
    const swanseaBefore = (before.body.data?.benchmarks.figures as Figure[]).find((f) => f.code === SWANSEA && f.measure === 'cohort');

    const role = new URL(platform.databases.anonymisedReaders.get(SWANSEA) ?? '').username;
    await authorityDb(platform, SWANSEA).unsafe(`revoke usage on schema anonymised from "${role}"`);
    try {
      const second = await refreshAndWait(platform, national);
      expect(second.unreachable).toEqual([{ code: SWANSEA }]);
      expect(second.refreshed).toHaveLength(21);
      expect(second.release.state).toBe('PUBLISHED');

      const after = await platform.graphql(national, REPORT, { dimension: 'all' });
      const figures: Figure[] = after.body.data?.benchmarks.figures;
      const swansea = figures.find((f) => f.code === SWANSEA && f.measure === 'cohort');
      expect(swansea).toMatchObject({ stale: true, numerator: swanseaBefore?.numerator, snapshotTakenAt: swanseaBefore?.snapshotTakenAt });
      expect(figures.find((f) => f.code === 'W06000015' && f.measure === 'cohort')?.stale).toBe(false);
      expect(figures.find((f) => f.code === 'ERW' && f.measure === 'cohort')?.stale).toBe(true);
      expect(after.body.data?.benchmarks.staleAuthorities).toEqual([{ code: SWANSEA }]);
    } finally {
      await authorityDb(platform, SWANSEA).unsafe(`grant usage on schema anonymised to "${role}"`);
    }
  });
});
