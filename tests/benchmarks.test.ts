// National benchmarks through the real gateway: only anonymised views, disclosure control, who sees what,
// and an authority that cannot be reached keeping its last snapshot, marked stale.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const REPORT = /* GraphQL */ `
  query Report($level: GeographyLevel, $dimension: String) {
    benchmarks(level: $level, dimension: $dimension) {
      refreshedAt
      measures { id available }
      figures { measure level code dimension category numerator denominator rate lower upper marker markerText stale snapshotTakenAt comparedWithWales }
      staleAuthorities { code }
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

let platform: TestPlatform;
let national: string;
beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.2' } });
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
    expect([kinds.get('exclusions'), kinds.get('exclusion-days'), kinds.get('permanent-exclusions'), kinds.get('sdq-concern')]).toEqual(['PER_100', 'PER_100', 'COUNT', 'RATE']);
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
    const reader = postgres(platform.databases.anonymisedReaders.get(SWANSEA) ?? '', { max: 1 });
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
    const first = await platform.graphql(national, 'mutation { refreshBenchmarks { refreshed { code } unreachable { code } seconds } }');
    expect(first.body.data?.refreshBenchmarks.unreachable).toEqual([]);
    const before = await platform.graphql(national, REPORT, { level: 'AUTHORITY', dimension: 'all' });
    const swanseaBefore = (before.body.data?.benchmarks.figures as Figure[]).find((f) => f.code === SWANSEA && f.measure === 'cohort');

    const role = new URL(platform.databases.anonymisedReaders.get(SWANSEA) ?? '').username;
    await authorityDb(platform, SWANSEA).unsafe(`revoke usage on schema anonymised from "${role}"`);
    try {
      const second = await platform.graphql(national, 'mutation { refreshBenchmarks { refreshed { code } unreachable { code } } }');
      expect(second.body.data?.refreshBenchmarks.unreachable).toEqual([{ code: SWANSEA }]);
      expect(second.body.data?.refreshBenchmarks.refreshed).toHaveLength(21);

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
