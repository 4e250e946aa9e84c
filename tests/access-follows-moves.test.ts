// Relationships are computed at the moment of each request: a move changes access on the next one.
// And an access that cannot be audited returns nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { anotherAuthority, authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const NEWPORT = 'W06000022';
const QUERY = 'query($id: ID!) { learner(id: $id) { id legalGivenName } }';
let platform: TestPlatform;
let child: ChildUnderCare;

beforeAll(async () => {
  platform = await startTestPlatform();
  child = await childUnderCare(platform, NEWPORT);
});
afterAll(async () => platform?.stop());

async function seenBy(authority: string): Promise<boolean> {
  const token = await platform.token({ sub: `vsh-${authority}`, role: 'virtual-school-head', authority });
  const { body } = await platform.graphql(token, QUERY, { id: child.learnerId });
  return body.data?.learner?.legalGivenName != null;
}

describe('a placement and school move', () => {
  it('takes access from the old host and gives it to the new one on the next request', async () => {
    const newHost = anotherAuthority(platform, child.home, child.host);
    expect(await seenBy(child.host)).toBe(true);
    expect(await seenBy(newHost)).toBe(false);

    const sql = authorityDb(platform, child.home);
    await sql.begin(async (tx) => {
      await tx`update placements set ended_on = current_date - 1 where learner_id = ${child.learnerId} and ended_on is null`;
      await tx`update enrolments set ended_on = current_date - 1 where learner_id = ${child.learnerId} and ended_on is null`;
      await tx`insert into placements (id, learner_id, care_episode_id, placement_type, authority_code, started_on)
               select ${`${child.home}:PL999999`}, learner_id, care_episode_id, 'foster', ${newHost}, current_date
               from placements where learner_id = ${child.learnerId} order by started_on desc limit 1`;
    });

    expect(await seenBy(child.host)).toBe(false);
    expect(await seenBy(newHost)).toBe(true);
    expect(await seenBy(child.home)).toBe(true);
  });
});

describe('an audit log that cannot be written', () => {
  it('fails the request rather than return personal data unaudited', async () => {
    const sql = authorityDb(platform, child.home);
    const token = await platform.token({ sub: 'vsh-home', role: 'virtual-school-head', authority: child.home });
    await sql`alter table audit_log add constraint audit_log_test_refuses check (false) not valid`;
    try {
      const { status, body } = await platform.graphql(token, QUERY, { id: child.learnerId });
      expect(status).toBe(200);
      expect(body.data?.learner ?? null).toBeNull();
      expect(JSON.stringify(body)).not.toContain(child.learnerId.slice(-6) + '"');
      expect(body.errors?.some((e) => e.extensions?.code === 'AUDIT_UNAVAILABLE')).toBe(true);
    } finally {
      await sql`alter table audit_log drop constraint audit_log_test_refuses`;
    }
    const { body } = await platform.graphql(token, QUERY, { id: child.learnerId });
    expect(body.data?.learner?.id).toBe(child.learnerId);
  });
});

describe('one clock', () => {
  // The platform's day is moved; the database's own date is not. Lists (decided in SQL) and single
  // records (decided in the service) must both follow the platform's day.
  const real = new Date().toISOString().slice(0, 10);
  const plus = (days: number) => new Date(Date.parse(`${real}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  let day = real;
  let moved: TestPlatform;
  let pupil: ChildUnderCare;
  beforeAll(async () => {
    moved = await startTestPlatform({ today: () => day });
    pupil = await childUnderCare(moved, NEWPORT);
  });
  afterAll(async () => moved?.stop());

  async function hostSees(authority: string): Promise<{ record: boolean; listed: boolean }> {
    const token = await moved.token({ sub: `vsh-${authority}`, role: 'virtual-school-head', authority });
    const record = await moved.graphql(token, QUERY, { id: pupil.learnerId });
    const list = await moved.graphql(token, `{ learners(first: 500, homeAuthority: "${pupil.home}") { edges { node { id } } } }`);
    return {
      record: record.body.data?.learner?.legalGivenName != null,
      listed: (list.body.data?.learners?.edges ?? []).some((e: { node: { id: string } }) => e.node.id === pupil.learnerId),
    };
  }

  it('moves a child to a new host on the day the platform says, in lists as in records', async () => {
    const newHost = anotherAuthority(moved, pupil.home, pupil.host);
    const sql = authorityDb(moved, pupil.home);
    // A move ten days from now: the placement and school end then, and a new placement starts the day after.
    await sql.begin(async (tx) => {
      await tx`update placements set ended_on = ${plus(10)} where learner_id = ${pupil.learnerId} and ended_on is null`;
      await tx`update enrolments set ended_on = ${plus(10)} where learner_id = ${pupil.learnerId} and ended_on is null`;
      await tx`insert into placements (id, learner_id, care_episode_id, placement_type, authority_code, started_on)
               select ${`${pupil.home}:PL999998`}, learner_id, care_episode_id, 'foster', ${newHost}, ${plus(11)}
               from placements where learner_id = ${pupil.learnerId} order by started_on desc limit 1`;
    });
    expect(await hostSees(pupil.host)).toEqual({ record: true, listed: true });
    expect(await hostSees(newHost)).toEqual({ record: false, listed: false });
    day = plus(12);
    expect(await hostSees(pupil.host)).toEqual({ record: false, listed: false });
    expect(await hostSees(newHost)).toEqual({ record: true, listed: true });
  });
});
