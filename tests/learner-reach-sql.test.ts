// The SQL form of the relationships (lac_may_see, migration 0013, the first step of decision 0019) must
// agree with data/reach.ts's learnersVisibleTo, the predicate the service uses today, on a table of
// callers × child situations. Both are asked on the same small hand-made authority database.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import {
  authoritySchema,
  connectAuthorityDatabase,
  databaseName,
  dropDatabases,
  ensureDatabases,
  migrateAuthorityDatabase,
  type AuthorityDatabase,
  type Connection,
} from '@wales-lac/db';
import type { Caller } from '@wales-lac/caller';
import { learnersVisibleTo } from '../subgraphs/authority/src/data/reach.ts';

const HOME = 'W06000015';
const HOST = 'W06000022';
const TODAY = '2026-03-10';
let scratch: Connection<AuthorityDatabase>;
let topology: { national: string; authorities: Map<string, string> };

const caller = (c: Partial<Caller> & Pick<Caller, 'role'>): Caller => ({
  subject: 's',
  authorityCode: null,
  schoolId: null,
  learnerId: null,
  regionCode: null,
  ...c,
});

// L1 placed and at school at home; L2 placed in HOST (current); L3 at school in HOST (current), placement
// in HOST ended; L4 on sw-1's caseload (current), L5's allocation to sw-1 ended; L6 enrolment at school S1 starts tomorrow.
const CALLERS: Record<string, Caller> = {
  homeHead: caller({ role: 'virtual-school-head', authorityCode: HOME }),
  hostHead: caller({ role: 'virtual-school-head', authorityCode: HOST }),
  otherHead: caller({ role: 'virtual-school-head', authorityCode: 'W06000001' }),
  headNoAuthority: caller({ role: 'virtual-school-head' }),
  homeWorker: caller({ role: 'social-worker', subject: 'sw-9', authorityCode: HOME }),
  hostWorker: caller({ role: 'social-worker', subject: 'sw-1', authorityCode: HOST }),
  teacherS1: caller({ role: 'designated-teacher', schoolId: 'S1', authorityCode: HOST }),
  teacherS2: caller({ role: 'designated-teacher', schoolId: 'S2', authorityCode: HOME }),
  teacherNoSchool: caller({ role: 'designated-teacher', authorityCode: HOST }),
  learnerL4: caller({ role: 'learner', learnerId: `${HOME}:L4`, authorityCode: HOME }),
  learnerNone: caller({ role: 'learner', authorityCode: HOME }),
  consortium: caller({ role: 'consortium-analyst', regionCode: 'CSC' }),
  national: caller({ role: 'national-analyst' }),
};

beforeAll(async () => {
  const name = databaseName(`r${Date.now().toString(36)}`, 'reach');
  const url = new URL(inject('databaseServerUrl'));
  url.pathname = `/${name}`;
  topology = { national: url.toString(), authorities: new Map() };
  await ensureDatabases(inject('databaseServerUrl'), topology);
  scratch = connectAuthorityDatabase(url.toString(), { max: 2 });
  await migrateAuthorityDatabase(scratch.db);
  const ids = [1, 2, 3, 4, 5, 6];
  await scratch.sql.unsafe(`
    insert into learners (id, upn, legal_given_name, legal_family_name, date_of_birth, gender, language_preference, care_status)
      select '${HOME}:L' || n, 'A00000000000' || n, 'Child', 'No' || n, date '2015-01-01', 'female', 'en', 'looked-after' from unnest(array[${ids}]) n;
    insert into care_episodes (id, learner_id, legal_status, started_on, ended_on)
      select '${HOME}:E' || n, '${HOME}:L' || n, 'care-order', date '2025-01-01', null from unnest(array[${ids}]) n;
    insert into placements (id, learner_id, care_episode_id, placement_type, authority_code, started_on, ended_on) values
      ('${HOME}:P1', '${HOME}:L1', '${HOME}:E1', 'foster', '${HOME}', '2025-01-01', null),
      ('${HOME}:P2', '${HOME}:L2', '${HOME}:E2', 'foster', '${HOST}', '2025-01-01', null),
      ('${HOME}:P3', '${HOME}:L3', '${HOME}:E3', 'foster', '${HOST}', '2025-01-01', '2026-03-09');
    insert into enrolments (id, learner_id, school_id, school_authority_code, started_on, ended_on) values
      ('${HOME}:N1', '${HOME}:L1', 'S2', '${HOME}', '2025-01-01', null),
      ('${HOME}:N3', '${HOME}:L3', 'S1', '${HOST}', '2025-01-01', '2026-03-10'),
      ('${HOME}:N6', '${HOME}:L6', 'S1', '${HOST}', '2026-03-11', null);
    insert into staff_allocations (id, learner_id, staff_role, staff_subject, staff_name, work_email, started_on, ended_on) values
      ('${HOME}:A4', '${HOME}:L4', 'social-worker', 'sw-1', 'Sam Worker', 'sam@example.invalid', '2025-01-01', null),
      ('${HOME}:A5', '${HOME}:L5', 'social-worker', 'sw-1', 'Sam Worker', 'sam@example.invalid', '2025-01-01', '2026-03-09');
  `);
});

afterAll(async () => {
  await scratch?.close();
  if (topology) await dropDatabases(inject('databaseServerUrl'), topology);
});

async function visibleInTypeScript(c: Caller): Promise<string[]> {
  const rows = await scratch.db
    .select({ id: authoritySchema.learners.id })
    .from(authoritySchema.learners)
    .where(learnersVisibleTo(c, HOME, TODAY))
    .orderBy(authoritySchema.learners.id);
  return rows.map((r) => r.id);
}

async function visibleInSql(c: Caller | null): Promise<string[]> {
  return scratch.sql.begin(async (tx) => {
    if (c) {
      await tx`select set_config('lac.role', ${c.role}, true), set_config('lac.subject', ${c.subject}, true),
        set_config('lac.caller_authority', ${c.authorityCode ?? ''}, true), set_config('lac.school', ${c.schoolId ?? ''}, true),
        set_config('lac.learner', ${c.learnerId ?? ''}, true), set_config('lac.own_authority', ${HOME}, true), set_config('lac.today', ${TODAY}, true)`;
    }
    const rows = await tx<{ id: string }[]>`select id from learners where lac_may_see(id) order by id`;
    return rows.map((r) => r.id);
  });
}

describe('lac_may_see agrees with learnersVisibleTo', () => {
  for (const [name, c] of Object.entries(CALLERS)) {
    it(name, async () => {
      expect(await visibleInSql(c)).toEqual(await visibleInTypeScript(c));
    });
  }

  it('the cases tell the relationships apart', async () => {
    expect(await visibleInTypeScript(CALLERS['hostHead'] as Caller)).toEqual([`${HOME}:L2`, `${HOME}:L3`]);
    expect(await visibleInTypeScript(CALLERS['hostWorker'] as Caller)).toEqual([`${HOME}:L4`]);
    expect(await visibleInTypeScript(CALLERS['teacherS1'] as Caller)).toEqual([`${HOME}:L3`]);
    expect(await visibleInTypeScript(CALLERS['homeHead'] as Caller)).toHaveLength(6);
  });

  it('sees nothing when no caller is set (fails closed)', async () => {
    expect(await visibleInSql(null)).toEqual([]);
  });
});
