// One authority down: the rest of the answer stands, with an AUTHORITY_UNAVAILABLE error naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSchoolDay } from '@wales-lac/wales';
import { authorityDb, childPlacedOutOfCounty, learnerIdsInReachOf } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const SWANSEA = 'W06000011';
const CARMARTHENSHIRE = 'W06000010';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

describe('an authority that stops answering', () => {
  it('leaves the other authorities’ learners in the answer and names itself', async () => {
    const token = await platform.token({ sub: 'vsh-swansea', role: 'virtual-school-head', authority: SWANSEA });
    const reach = await learnerIdsInReachOf(platform, SWANSEA);
    const before = await platform.graphql(token, '{ learners(first: 100) { totalCount edges { node { id } } } }');
    expect(before.body.errors).toBeUndefined();

    const placed = await childPlacedOutOfCounty(platform, CARMARTHENSHIRE);
    await platform.stopAuthority(CARMARTHENSHIRE);

    const after = await platform.graphql(token, '{ learners(first: 100) { totalCount edges { node { id } } } }');
    expect(after.status).toBe(200);
    const ids: string[] = after.body.data?.learners.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual(reach.filter((id) => !id.startsWith(CARMARTHENSHIRE)).slice(0, 100));
    expect(after.body.errors).toEqual([
      expect.objectContaining({ path: ['learners'], extensions: expect.objectContaining({ code: 'AUTHORITY_UNAVAILABLE', authority: CARMARTHENSHIRE }) }),
    ]);
    expect(after.body.errors?.[0]?.message).toContain('Carmarthenshire');
    expect(after.body.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);

    const home = await platform.token({ sub: 'vsh-carms', role: 'virtual-school-head', authority: CARMARTHENSHIRE });
    const one = await platform.graphql(home, '{ learner(id: "' + placed.learnerId + '") { id } authorities { code } }');
    expect(one.body.data?.learner).toBeNull();
    expect(one.body.data?.authorities).toHaveLength(22);
    expect(one.body.errors?.[0]).toMatchObject({ path: ['learner'], extensions: { code: 'AUTHORITY_UNAVAILABLE', authority: CARMARTHENSHIRE } });
  });

  it('refuses a register that names one of its children whole, recording nothing in any authority', async () => {
    const day = lastSchoolDay();
    const [pupil] = await authorityDb(platform, SWANSEA)<{ learner_id: string; school_id: string }[]>`
      select learner_id, school_id from enrolments where started_on <= ${day} and (ended_on is null or ended_on >= ${day}) order by learner_id limit 1`;
    const [carms] = await authorityDb(platform, CARMARTHENSHIRE)<{ id: string }[]>`select id from learners order by id limit 1`;
    if (!pupil || !carms) throw new Error('test data lacks a Swansea pupil or a Carmarthenshire child');
    const token = await platform.token({ sub: 'vsh-swansea', role: 'virtual-school-head', authority: SWANSEA });
    const marks = [
      { learner: pupil.learner_id, am: 'L', pm: 'L' },
      { learner: carms.id, am: '/', pm: '/' },
    ];
    const { body } = await platform.graphql(token, 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { recorded applied } }', {
      input: { school: pupil.school_id, date: day, marks, idempotencyKey: `fault-register-${Date.now()}` },
    });
    expect(body.data?.recordAttendance ?? null).toBeNull();
    const down = body.errors?.find((e) => e.extensions?.code === 'AUTHORITY_UNAVAILABLE');
    expect(down?.extensions?.authority).toBe(CARMARTHENSHIRE);
    expect(down?.message).toContain('nothing was recorded');
    const written = await authorityDb(
      platform,
      SWANSEA,
    )`select 1 from attendance_days where learner_id = ${pupil.learner_id} and date = ${day} and am = 'L' and pm = 'L'`;
    expect(written).toHaveLength(0);
  });

  it('says a change to a child of the stopped authority was not confirmed', async () => {
    const [carms] = await authorityDb(platform, CARMARTHENSHIRE)<{ id: string }[]>`select id from learners order by id limit 1`;
    const token = await platform.token({ sub: 'vsh-carms', role: 'virtual-school-head', authority: CARMARTHENSHIRE });
    const { body } = await platform.graphql(token, 'mutation($input: StartPepInput!) { startPep(input: $input) { applied } }', {
      input: { learner: carms?.id, idempotencyKey: `fault-start-${Date.now()}` },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'AUTHORITY_UNAVAILABLE', authority: CARMARTHENSHIRE });
    expect(body.errors?.[0]?.message).toContain('not confirmed');
  });

  it('makes /health report the platform as not ready', async () => {
    const response = await fetch(new URL('/health', platform.url));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { detail: { unavailable: string[] } };
    expect(body.detail.unavailable).toEqual([`authority:${CARMARTHENSHIRE}`]);
  });
});

function lastSchoolDay(): string {
  const d = new Date();
  while (!isSchoolDay(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
