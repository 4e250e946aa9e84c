// Each measure's definition pinned on a small hand-made authority whose right answers are worked out
// by hand below. The figures come from the real anonymised view in a real authority database.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAuthorityDatabase, databaseName, ensureDatabases, migrateAuthorityDatabase, type AuthorityDatabase, type Connection } from '@wales-lac/db';
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
    -- Four children looked after today, one who left care (not counted anywhere).
    insert into learners (id, upn, legal_given_name, legal_family_name, date_of_birth, gender, language_preference, care_status) values
      ('${HOME}:L000001', 'A000000000001', 'Ann', 'One', current_date - interval '8 years', 'female', 'cy', 'looked-after'),
      ('${HOME}:L000002', 'A000000000002', 'Ben', 'Two', current_date - interval '12 years', 'male', 'en', 'looked-after'),
      ('${HOME}:L000003', 'A000000000003', 'Cai', 'Three', current_date - interval '12 years', 'male', 'en', 'looked-after'),
      ('${HOME}:L000004', 'A000000000004', 'Dee', 'Four', current_date - interval '2 years', 'female', 'en', 'looked-after'),
      ('${HOME}:L000005', 'A000000000005', 'Eli', 'Five', current_date - interval '17 years', 'male', 'en', 'care-leaver');
    insert into care_episodes (id, learner_id, legal_status, started_on, ended_on) values
      ('${HOME}:E1', '${HOME}:L000001', 'care-order', ${ago(400)}, null),
      ('${HOME}:E2', '${HOME}:L000002', 'care-order', ${ago(400)}, null),
      ('${HOME}:E3', '${HOME}:L000003', 'care-order', ${ago(10)}, null),
      ('${HOME}:E4', '${HOME}:L000004', 'care-order', ${ago(100)}, null),
      ('${HOME}:E5', '${HOME}:L000005', 'care-order', ${ago(900)}, ${ago(30)});
    -- Ann: 3 placements in the last year (unstable), now outside Cardiff. Ben: one, inside. Cai, Dee: one each, inside.
    insert into placements (id, learner_id, care_episode_id, placement_type, authority_code, started_on, ended_on) values
      ('${HOME}:PL1', '${HOME}:L000001', '${HOME}:E1', 'foster', '${HOME}', ${ago(400)}, ${ago(300)}),
      ('${HOME}:PL2', '${HOME}:L000001', '${HOME}:E1', 'foster', '${HOME}', ${ago(299)}, ${ago(100)}),
      ('${HOME}:PL3', '${HOME}:L000001', '${HOME}:E1', 'kinship-foster', 'W06000022', ${ago(99)}, null),
      ('${HOME}:PL4', '${HOME}:L000002', '${HOME}:E2', 'childrens-home', '${HOME}', ${ago(400)}, null),
      ('${HOME}:PL5', '${HOME}:L000003', '${HOME}:E3', 'foster', '${HOME}', ${ago(10)}, null),
      ('${HOME}:PL6', '${HOME}:L000004', '${HOME}:E4', 'foster', '${HOME}', ${ago(100)}, null);
    -- Ann moved school mid-year (a move outside September); Ben and Cai are on a roll; Dee is too young.
    insert into enrolments (id, learner_id, school_id, school_authority_code, started_on, ended_on) values
      ('${HOME}:EN1', '${HOME}:L000001', '6812001', '${HOME}', ${ago(700)}, ${ago(moveDaysAgo + 1)}),
      ('${HOME}:EN2', '${HOME}:L000001', '6802001', 'W06000022', ${ago(moveDaysAgo)}, null),
      ('${HOME}:EN3', '${HOME}:L000002', '6814001', '${HOME}', ${ago(800)}, null),
      ('${HOME}:EN4', '${HOME}:L000003', '6814001', '${HOME}', ${ago(5)}, null);
    -- PEPs: Ann agreed (completed in 10 days, reviewed 30 days ago); Ben agreed long ago, completed late, not reviewed this term;
    -- Cai in care 10 days (not yet 20 school days): draft. Ann's earlier PEP superseded.
    insert into peps (id, learner_id, status, version, initiated_on, completed_on, last_reviewed_on, next_review_due) values
      ('${HOME}:P1', '${HOME}:L000001', 'superseded', 3, ${ago(390)}, ${ago(380)}, ${ago(200)}, ${ago(100)}),
      ('${HOME}:P2', '${HOME}:L000001', 'agreed', 2, ${ago(95)}, ${ago(85)}, ${ago(30)}, current_date + 60),
      ('${HOME}:P3', '${HOME}:L000002', 'agreed', 4, ${ago(300)}, ${ago(240)}, ${ago(150)}, ${ago(60)}),
      ('${HOME}:P4', '${HOME}:L000003', 'draft', 1, ${ago(5)}, null, null, null);
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
  const admin = postgres(platform.databases.serverUrl, { max: 1 });
  await admin.unsafe(`drop database if exists "${scratchName}" with (force)`).catch(() => undefined);
  await admin.end();
  await platform?.stop();
});

async function figure(measure: string, dimension = 'all', category = 'all') {
  const rows = await scratch.sql<{ numerator: string; denominator: string | null }[]>`
    select numerator, denominator from anonymised.measure_counts where measure = ${measure} and dimension = ${dimension} and category = ${category}`;
  const row = rows[0];
  return row ? [Number(row.numerator), row.denominator === null ? null : Number(row.denominator)] : [0, 0];
}

describe('measure definitions on a hand-made authority', () => {
  // Looked after today: Ann (8, female, placed in Newport), Ben (12, male, children's home), Cai (12, male,
  // in care 10 days), Dee (2, female). Eli left care 30 days ago and counts nowhere.
  it.each([
    ['cohort', 'all', 'all', 4, null],
    ['cohort', 'gender', 'female', 2, null],
    ['cohort', 'age-band', '10-15', 2, null],
    ['cohort', 'age-band', '1-4', 1, null],
    ['cohort', 'age-band', '5-9', 1, null],
    ['cohort', 'placement-location', 'outside', 1, null],
    ['cohort', 'placement-type', 'foster', 2, null],
    ['cohort', 'placement-type', 'childrens-home', 1, null],
    // Ann's three placements all touch the last 12 months; everyone else has one.
    ['placement-stability', 'all', 'all', 1, 4],
    // On a roll today: Ann, Ben, Cai. Ann changed school outside September; Cai's first school is not a move.
    ['school-stability', 'all', 'all', 1, 3],
    // In care 20+ school days and aged 3-17: Ann and Ben (Cai too recent, Dee too young); both have an agreed PEP.
    ['pep-in-place', 'all', 'all', 2, 2],
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

  it('exposes no identity: the view has only measure, dimension, category and counts', async () => {
    const columns = await scratch.sql<{ column_name: string }[]>`
      select column_name from information_schema.columns where table_schema = 'anonymised' and table_name = 'measure_counts' order by ordinal_position`;
    expect(columns.map((c) => c.column_name)).toEqual(['measure', 'dimension', 'category', 'numerator', 'denominator', 'children']);
  });
});
