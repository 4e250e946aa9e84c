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
