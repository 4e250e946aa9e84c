// Each measure's definition pinned on a small hand-made authority whose right answers are worked out
// by hand below. The figures come from the real anonymised view in a real authority database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dimensionsOf, MEASURES } from '@wales-lac/benchmarks-subgraph';
import { connectAuthorityDatabase, databaseName, ensureDatabases, migrateAuthorityDatabase, type AuthorityDatabase, type Connection } from '@wales-lac/db';
import { ownConnection } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const HOME = 'W06000015';
let platform: TestPlatform;
let scratch: Connection<AuthorityDatabase>;
let scratchName: string;

// Dates relative to today, as SQL, so the fixture means the same whatever day the test runs.
const ago = (days: number) => `current_date - ${days}`;
// Ann's school move must fall outside September whatever day the test runs.
const moveDaysAgo = new Date(Date.now() - 98 * 86_400_000).getUTCMonth() === 8 ? 130 : 98;

beforeAll(async () => {
  platform = await startTestPlatform();
  scratchName = databaseName(`m${Date.now().toString(36)}`, 'handmade');
  const scratchUrl = new URL(platform.databases.serverUrl);
  scratchUrl.pathname = `/${scratchName}`;
  const url = scratchUrl.toString();
  await ensureDatabases(platform.databases.serverUrl, { national: url, authorities: new Map() });
  scratch = connectAuthorityDatabase(url);
  await migrateAuthorityDatabase(scratch.db);
  await scratch.sql.unsafe(`
    -- Five children looked after today; care leavers who count only for NEET (Eli, Gwen; Huw is 19, Iwan has no destination).
    insert into learners (id, upn, legal_given_name, legal_family_name, date_of_birth, gender, language_preference, care_status) values
      ('${HOME}:L000001', 'A000000000001', 'Ann', 'One', current_date - interval '8 years', 'female', 'cy', 'looked-after'),
      ('${HOME}:L000002', 'A000000000002', 'Ben', 'Two', current_date - interval '12 years', 'male', 'en', 'looked-after'),
      ('${HOME}:L000003', 'A000000000003', 'Cai', 'Three', current_date - interval '12 years', 'male', 'en', 'looked-after'),
      ('${HOME}:L000004', 'A000000000004', 'Dee', 'Four', current_date - interval '2 years', 'female', 'en', 'looked-after'),
      ('${HOME}:L000005', 'A000000000005', 'Eli', 'Five', current_date - interval '17 years', 'male', 'en', 'care-leaver'),
      ('${HOME}:L000006', 'A000000000006', 'Fflur', 'Six', current_date - interval '17 years', 'female', 'cy', 'looked-after'),
      ('${HOME}:L000007', 'A000000000007', 'Gwen', 'Seven', current_date - interval '18 years', 'female', 'cy', 'care-leaver'),
      ('${HOME}:L000008', 'A000000000008', 'Huw', 'Eight', current_date - interval '19 years', 'male', 'en', 'care-leaver'),
      ('${HOME}:L000009', 'A000000000009', 'Iwan', 'Nine', current_date - interval '16 years', 'male', 'en', 'care-leaver');
    insert into care_episodes (id, learner_id, legal_status, started_on, ended_on) values
      ('${HOME}:E1', '${HOME}:L000001', 'care-order', ${ago(400)}, null),
      ('${HOME}:E2', '${HOME}:L000002', 'care-order', ${ago(400)}, null),
      ('${HOME}:E3', '${HOME}:L000003', 'care-order', ${ago(10)}, null),
      ('${HOME}:E4', '${HOME}:L000004', 'care-order', ${ago(100)}, null),
      ('${HOME}:E5', '${HOME}:L000005', 'care-order', ${ago(900)}, ${ago(30)}),
      ('${HOME}:E6', '${HOME}:L000006', 'care-order', ${ago(400)}, null),
      ('${HOME}:E7', '${HOME}:L000007', 'care-order', ${ago(1500)}, ${ago(100)}),
      ('${HOME}:E8', '${HOME}:L000008', 'care-order', ${ago(1500)}, ${ago(400)}),
      ('${HOME}:E9', '${HOME}:L000009', 'voluntary-accommodation', ${ago(300)}, ${ago(20)});
    -- Ann: 3 placements in the last year (unstable), now outside Cardiff. Ben: one, inside. Cai, Dee, Fflur: one each, inside.
    -- Gwen's last placement before leaving care was in Newport (outside); Eli had none recorded.
    insert into placements (id, learner_id, care_episode_id, placement_type, authority_code, started_on, ended_on) values
      ('${HOME}:PL1', '${HOME}:L000001', '${HOME}:E1', 'foster', '${HOME}', ${ago(400)}, ${ago(300)}),
      ('${HOME}:PL2', '${HOME}:L000001', '${HOME}:E1', 'foster', '${HOME}', ${ago(299)}, ${ago(100)}),
      ('${HOME}:PL3', '${HOME}:L000001', '${HOME}:E1', 'kinship-foster', 'W06000022', ${ago(99)}, null),
      ('${HOME}:PL4', '${HOME}:L000002', '${HOME}:E2', 'childrens-home', '${HOME}', ${ago(400)}, null),
      ('${HOME}:PL5', '${HOME}:L000003', '${HOME}:E3', 'foster', '${HOME}', ${ago(10)}, null),
      ('${HOME}:PL6', '${HOME}:L000004', '${HOME}:E4', 'foster', '${HOME}', ${ago(100)}, null),
      ('${HOME}:PL7', '${HOME}:L000006', '${HOME}:E6', 'foster', '${HOME}', ${ago(400)}, null),
      ('${HOME}:PL8', '${HOME}:L000007', '${HOME}:E7', 'childrens-home', '${HOME}', ${ago(1500)}, ${ago(600)}),
      ('${HOME}:PL9', '${HOME}:L000007', '${HOME}:E7', 'foster', 'W06000022', ${ago(599)}, ${ago(100)});
    -- Ann moved school mid-year (a move outside September); Ben and Cai are on a roll; Dee is too young;
    -- Fflur left school 60 days ago (a pupil in the last 12 months, not on a roll today).
    insert into enrolments (id, learner_id, school_id, school_authority_code, started_on, ended_on) values
      ('${HOME}:EN1', '${HOME}:L000001', '6812001', '${HOME}', ${ago(700)}, ${ago(moveDaysAgo + 1)}),
      ('${HOME}:EN2', '${HOME}:L000001', '6802001', 'W06000022', ${ago(moveDaysAgo)}, null),
      ('${HOME}:EN3', '${HOME}:L000002', '6814001', '${HOME}', ${ago(800)}, null),
      ('${HOME}:EN4', '${HOME}:L000003', '6814001', '${HOME}', ${ago(5)}, null),
      ('${HOME}:EN5', '${HOME}:L000006', '6814001', '${HOME}', ${ago(2000)}, ${ago(60)});
    -- PEPs: Ann agreed (completed in 10 days, reviewed 30 days ago); Ben agreed long ago, completed late, not reviewed this term;
    -- Cai in care 10 days (not yet 20 school days): draft. Ann's earlier PEP superseded. Fflur's is in review (current, not agreed).
    insert into peps (id, learner_id, status, version, initiated_on, completed_on, last_reviewed_on, next_review_due) values
      ('${HOME}:P1', '${HOME}:L000001', 'superseded', 3, ${ago(390)}, ${ago(380)}, ${ago(200)}, ${ago(100)}),
      ('${HOME}:P2', '${HOME}:L000001', 'agreed', 2, ${ago(95)}, ${ago(85)}, ${ago(30)}, current_date + 60),
      ('${HOME}:P3', '${HOME}:L000002', 'agreed', 4, ${ago(300)}, ${ago(240)}, ${ago(150)}, ${ago(60)}),
      ('${HOME}:P4', '${HOME}:L000003', 'draft', 1, ${ago(5)}, null, null, null),
      ('${HOME}:P5', '${HOME}:L000006', 'in-review', 2, ${ago(500)}, ${ago(480)}, ${ago(100)}, ${ago(10)});
    -- "All about me": in Ann's superseded and current PEPs (the current one written down for her), Cai's draft and Fflur's;
    -- Ben's current PEP has his carer's views only.
    insert into pep_sections (pep_id, section, body, language, written_by_subject, written_by_role, on_behalf) values
      ('${HOME}:P1', 'all-about-me', 'I like drawing.', 'cy', 'learner-1', 'learner', false),
      ('${HOME}:P2', 'all-about-me', 'I like football.', 'cy', 'sw-CRF-001', 'social-worker', true),
      ('${HOME}:P3', 'carer-views', 'Settled at home.', 'en', 'sw-CRF-002', 'social-worker', false),
      ('${HOME}:P4', 'all-about-me', 'New school.', 'en', 'learner-3', 'learner', false),
      ('${HOME}:P5', 'all-about-me', 'Dw i eisiau mynd i goleg.', 'cy', 'learner-6', 'learner', false);
    -- Exclusions starting in the last 12 months (365 days ago is out): Ben two fixed-term (3 sessions 10 days ago, 4 sessions
    -- 364 days ago), Cai one (1 session); Fflur one permanent. Not counted: Ben's 366 days ago and his permanent one 400 days
    -- ago, Ann's exactly 365 days ago, Cai's starting in 3 days, and Eli's (a care leaver).
    insert into exclusions (id, learner_id, school_id, kind, starts_on, sessions, reason) values
      ('${HOME}:X1', '${HOME}:L000002', '6814001', 'fixed-term', ${ago(10)}, 3, 'disruptive behaviour'),
      ('${HOME}:X2', '${HOME}:L000002', '6814001', 'fixed-term', ${ago(364)}, 4, 'verbal abuse'),
      ('${HOME}:X3', '${HOME}:L000002', '6814001', 'fixed-term', ${ago(366)}, 2, 'verbal abuse'),
      ('${HOME}:X4', '${HOME}:L000003', '6814001', 'fixed-term', ${ago(2)}, 1, 'defiance of rules'),
      ('${HOME}:X5', '${HOME}:L000001', '6802001', 'fixed-term', ${ago(365)}, 6, 'bullying'),
      ('${HOME}:X6', '${HOME}:L000006', '6814001', 'permanent', ${ago(100)}, null, 'assault on a pupil'),
      ('${HOME}:X7', '${HOME}:L000005', '6814001', 'fixed-term', ${ago(40)}, 5, 'other'),
      ('${HOME}:X8', '${HOME}:L000002', '6814001', 'permanent', ${ago(400)}, null, 'other'),
      ('${HOME}:X9', '${HOME}:L000003', '6814001', 'fixed-term', current_date + 3, 2, 'other');
    -- Reduced timetables touching the last 12 months: Ann's (ended 100 days ago) and Fflur's. Ben's ended exactly 365 days
    -- ago; Cai's starts in 5 days.
    insert into reduced_timetables (id, learner_id, school_id, started_on, ended_on, hours_per_week, reason) values
      ('${HOME}:R1', '${HOME}:L000001', '6802001', ${ago(200)}, ${ago(100)}, 15, 'settling in'),
      ('${HOME}:R2', '${HOME}:L000002', '6814001', ${ago(500)}, ${ago(365)}, 10, 'return from exclusion'),
      ('${HOME}:R3', '${HOME}:L000006', '6814001', ${ago(400)}, ${ago(70)}, 12, 'anxiety'),
      ('${HOME}:R4', '${HOME}:L000003', '6814001', current_date + 5, null, 20, 'settling in');
    -- Additional learning needs: Ann and Fflur have an IDP (Fflur is off roll: the authority keeps it anyway); Ben and Dee
    -- have none yet; Cai's needs are to be identified next week.
    insert into additional_learning_needs (id, learner_id, identified_on, summary, idp_maintained_by, idp_agreed_on, idp_review_due) values
      ('${HOME}:N1', '${HOME}:L000001', ${ago(300)}, 'dyslexia', 'authority', ${ago(200)}, current_date + 100),
      ('${HOME}:N2', '${HOME}:L000002', ${ago(50)}, 'speech and language', null, null, null),
      ('${HOME}:N3', '${HOME}:L000004', ${ago(30)}, 'developmental delay', null, null, null),
      ('${HOME}:N4', '${HOME}:L000006', ${ago(900)}, 'autism', 'school', ${ago(800)}, ${ago(100)}),
      ('${HOME}:N5', '${HOME}:L000003', current_date + 7, 'to be assessed', null, null, null);
    -- SDQs: Ann's latest carer SDQ totals exactly 17 (an older one 25); Ben's latest carer SDQ totals 16 (prosocial 10 is not a
    -- difficulty), his older carer one 20 and a later teacher one 22 (his latest SDQ); Cai's is exactly 365 days old;
    -- Fflur is 17 (outside 4-16).
    insert into sdq_assessments (id, learner_id, completed_on, informant, emotional, conduct, hyperactivity, peer, prosocial) values
      ('${HOME}:S1', '${HOME}:L000001', ${ago(200)}, 'carer', 7, 6, 6, 6, 5),
      ('${HOME}:S2', '${HOME}:L000001', ${ago(100)}, 'carer', 5, 4, 4, 4, 9),
      ('${HOME}:S3', '${HOME}:L000002', ${ago(300)}, 'carer', 5, 5, 5, 5, 6),
      ('${HOME}:S4', '${HOME}:L000002', ${ago(30)}, 'carer', 4, 4, 4, 4, 10),
      ('${HOME}:S5', '${HOME}:L000002', ${ago(10)}, 'teacher', 6, 6, 5, 5, 4),
      ('${HOME}:S6', '${HOME}:L000003', ${ago(365)}, 'carer', 8, 8, 7, 7, 2),
      ('${HOME}:S7', '${HOME}:L000006', ${ago(20)}, 'carer', 8, 8, 7, 7, 2);
    -- Destinations: Eli's latest is NEET (earlier in college); Fflur's latest is college (NEET before; a NEET dated in 5 days
    -- does not count yet); Gwen (18) is NEET; Huw (19) is too old; Iwan (16) has none recorded.
    insert into destinations (id, learner_id, recorded_on, destination) values
      ('${HOME}:D1', '${HOME}:L000005', ${ago(200)}, 'further-education'),
      ('${HOME}:D2', '${HOME}:L000005', ${ago(20)}, 'neet'),
      ('${HOME}:D3', '${HOME}:L000006', ${ago(100)}, 'neet'),
      ('${HOME}:D4', '${HOME}:L000006', ${ago(40)}, 'further-education'),
      ('${HOME}:D5', '${HOME}:L000006', current_date + 5, 'neet'),
      ('${HOME}:D6', '${HOME}:L000007', ${ago(10)}, 'neet'),
      ('${HOME}:D7', '${HOME}:L000008', ${ago(10)}, 'neet');
    -- Targets due in the last year: three, of which one met.
    insert into pep_targets (id, pep_id, description, owner_role, due_on, progress) values
      ('${HOME}:T1', '${HOME}:P2', 'Read daily', 'designated-teacher', ${ago(10)}, 'met'),
      ('${HOME}:T2', '${HOME}:P2', 'Join a club', 'learner', ${ago(20)}, 'not-met'),
      ('${HOME}:T3', '${HOME}:P3', 'Attend maths support', 'designated-teacher', ${ago(40)}, 'in-progress'),
      ('${HOME}:T4', '${HOME}:P3', 'Sit mock exams', 'designated-teacher', current_date + 40, 'not-started');
    -- Attendance: Ann 10 days, one of them off ill (2 sessions missed of 20: 10%, persistently absent);
    -- Ben 10 days all present but one afternoon late ('L' counts as present) and one 'X' day (not counted);
    -- an attendance day older than a year does not count.
    insert into attendance_days (learner_id, date, school_id, am, pm)
      select '${HOME}:L000001', current_date - g, '6802001', case when g = 3 then 'I' else '/' end, case when g = 3 then 'I' else '\\' end
        from generate_series(1, 10) g;
    insert into attendance_days (learner_id, date, school_id, am, pm)
      select '${HOME}:L000002', current_date - g, '6814001', case when g = 5 then 'X' else '/' end, case when g = 5 then 'X' when g = 2 then 'L' else '\\' end
        from generate_series(1, 10) g;
    insert into attendance_days (learner_id, date, school_id, am, pm) values ('${HOME}:L000002', current_date - 400, '6814001', 'O', 'O');
  `);
});

afterAll(async () => {
  await scratch?.close();
  const admin = ownConnection(platform, 'server');
  await admin.unsafe(`drop database if exists "${scratchName}" with (force)`).catch(() => undefined);
  await admin.end();
  await platform?.stop();
});

async function figure(measure: string, dimension = 'all', category = 'all') {
  const [n, d] = await figureWithChildren(measure, dimension, category);
  return [n, d];
}

/** Numerator, denominator and the children the figure rests on. */
async function figureWithChildren(measure: string, dimension = 'all', category = 'all') {
  const rows = await scratch.sql<{ numerator: string; denominator: string | null; children: string }[]>`
    select numerator, denominator, children from anonymised.measure_counts where measure = ${measure} and dimension = ${dimension} and category = ${category}`;
  const row = rows[0];
  return row ? [Number(row.numerator), row.denominator === null ? null : Number(row.denominator), Number(row.children)] : [0, 0, 0];
}

describe('measure definitions on a hand-made authority', () => {
  // Looked after today: Ann (8, female, placed in Newport), Ben (12, male, children's home), Cai (12, male,
  // in care 10 days), Dee (2, female), Fflur (17, female, foster, left school 60 days ago). Eli left care 30 days
  // ago and counts only for NEET.
  it.each([
    ['cohort', 'all', 'all', 5, null],
    ['cohort', 'gender', 'female', 3, null],
    ['cohort', 'age-band', '10-15', 2, null],
    ['cohort', 'age-band', '1-4', 1, null],
    ['cohort', 'age-band', '5-9', 1, null],
    ['cohort', 'age-band', '16-17', 1, null],
    ['cohort', 'placement-location', 'outside', 1, null],
    ['cohort', 'placement-type', 'foster', 3, null],
    ['cohort', 'placement-type', 'childrens-home', 1, null],
    // Ann's three placements all touch the last 12 months; everyone else has one.
    ['placement-stability', 'all', 'all', 1, 5],
    // On a roll today: Ann, Ben, Cai. Ann changed school outside September; Cai's first school is not a move.
    ['school-stability', 'all', 'all', 1, 3],
    // In care 20+ school days and aged 3-17: Ann, Ben and Fflur (Cai too recent, Dee too young); Ann's and Ben's PEPs are
    // agreed and Fflur's in review: all current.
    ['pep-in-place', 'all', 'all', 3, 3],
    // Started 28 to 365 days ago: Ann's (completed in 10 days) and Ben's (60 days: late).
    ['pep-timely', 'all', 'all', 1, 2],
    // Agreed plans: Ann's reviewed 30 days ago, Ben's 150 days ago.
    ['pep-reviewed', 'all', 'all', 1, 2],
    // Targets due in the last 12 months: Ann's two (one met) and Ben's one (in progress); Ben's future one is not due.
    ['targets-met', 'all', 'all', 1, 3],
    ['targets-met', 'gender', 'female', 1, 2],
    // Sessions in the last 365 days: Ann 18 of 20, Ben 18 of 18 (his 'X' day is not a possible session).
    ['attendance', 'all', 'all', 36, 38],
    ['attendance', 'gender', 'male', 18, 18],
    // Ann missed 2 of 20 possible sessions: exactly 10%, persistently absent; Ben missed none.
    ['persistent-absence', 'all', 'all', 1, 2],
  ] as const)('%s by %s = %s is %d over %s', async (measure, dimension, category, numerator, denominator) => {
    expect(await figure(measure, dimension, category)).toEqual([numerator, denominator]);
  });

  // The record's measures (0006), as [numerator, denominator, children]. Pupils of the last 12 months: Ann, Ben, Cai and
  // Fflur (Dee has never been on a roll). For exclusions the children are the pupils excluded, not the pupils.
  it.each([
    // Fixed-term exclusions: Ben's 10 and 364 days ago, Cai's 2 days ago: 3 of 4 pupils, on 2 children (75 per 100).
    ['exclusions', 'all', 'all', 3, 4, 2],
    ['exclusions', 'gender', 'male', 3, 2, 2],
    ['exclusions', 'gender', 'female', 0, 2, 0],
    // Sessions lost: 3 + 4 + 1 = 8 (4 days: 100 days per 100 pupils).
    ['exclusion-days', 'all', 'all', 8, 4, 2],
    ['exclusion-days', 'placement-type', 'childrens-home', 7, 1, 1],
    // Permanent: Fflur's only (Ben's was 400 days ago). A count of events, resting on 1 child.
    ['permanent-exclusions', 'all', 'all', 1, null, 1],
    ['permanent-exclusions', 'age-band', '16-17', 1, null, 1],
    // On a reduced timetable in the last 12 months: Ann and Fflur (Ben's ended 365 days ago, Cai's has not started).
    ['reduced-timetable', 'all', 'all', 2, 4, 4],
    ['reduced-timetable', 'gender', 'male', 0, 2, 2],
    // Current PEPs: Ann's (voice recorded on her behalf), Ben's (no voice) and Fflur's in-review one; Cai's draft and Ann's
    // superseded PEP do not count although both have "All about me".
    ['pep-voice', 'all', 'all', 2, 3, 3],
    ['pep-voice', 'gender', 'male', 0, 1, 1],
    // With additional learning needs: Ann, Ben, Dee, Fflur (Cai's are not identified yet); Ann and Fflur have an IDP.
    ['idp', 'all', 'all', 2, 4, 4],
    ['idp', 'gender', 'female', 2, 3, 3],
    ['idp', 'age-band', '1-4', 0, 1, 1],
    // Aged 4-16: Ann, Ben, Cai. Ann and Ben have an SDQ in the last 12 months; Cai's is 365 days old.
    ['sdq-completed', 'all', 'all', 2, 3, 3],
    // Of those two, by their latest SDQ against its informant's band: Ann's carer SDQ 17 (a concern, exactly at the carer
    // cut-off); Ben's teacher SDQ 22, later than his carer SDQ of 16 (a concern: the teacher band starts at 16).
    ['sdq-concern', 'all', 'all', 2, 2, 2],
    ['sdq-concern', 'gender', 'female', 1, 1, 1],
    // Aged 16-18 with a destination: Eli (NEET), Fflur (college), Gwen (18, NEET). Huw is 19; Iwan has none.
    ['neet', 'all', 'all', 2, 3, 3],
    ['neet', 'age-band', '16-17', 1, 2, 2],
    ['neet', 'age-band', '18', 1, 1, 1],
    ['neet', 'placement-location', 'outside', 1, 1, 1],
    ['neet', 'placement-type', 'other', 1, 1, 1],
    ['neet', 'gender', 'female', 1, 2, 2],
  ] as const)('%s by %s = %s is %d over %s, resting on %d children', async (measure, dimension, category, numerator, denominator, children) => {
    expect(await figureWithChildren(measure, dimension, category)).toEqual([numerator, denominator, children]);
  });

  it('adds up: every split of every measure sums to its total, in the categories the report publishes', async () => {
    const rows = await scratch.sql<{ measure: string; dimension: string; category: string; numerator: string; denominator: string | null; children: string }[]>`
      select measure, dimension, category, numerator, denominator, children from anonymised.measure_counts`;
    const available = MEASURES.filter((m) => m.available);
    expect(new Set(rows.map((r) => r.measure))).toEqual(new Set(available.map((m) => m.id)));
    for (const measure of available) {
      const own = rows.filter((r) => r.measure === measure.id);
      const total = own.find((r) => r.dimension === 'all');
      for (const [dimension, categories] of Object.entries(dimensionsOf(measure))) {
        const split = own.filter((r) => r.dimension === dimension);
        for (const r of split) expect(categories, `${measure.id} ${dimension}`).toContain(r.category);
        if (dimension === 'all') continue;
        const sum = (key: 'numerator' | 'denominator' | 'children') => split.reduce((s, r) => s + Number(r[key] ?? 0), 0);
        expect([sum('numerator'), sum('denominator'), sum('children')], `${measure.id} by ${dimension}`).toEqual([
          Number(total?.numerator ?? 0),
          Number(total?.denominator ?? 0),
          Number(total?.children ?? 0),
        ]);
      }
    }
  });

  it('exposes no identity: the view has only measure, dimension, category and counts', async () => {
    const columns = await scratch.sql<{ column_name: string }[]>`
      select column_name from information_schema.columns where table_schema = 'anonymised' and table_name = 'measure_counts' order by ordinal_position`;
    expect(columns.map((c) => c.column_name)).toEqual(['measure', 'dimension', 'category', 'numerator', 'denominator', 'children']);
  });
});
