// One authority down: the rest of the answer stands, with an AUTHORITY_UNAVAILABLE error naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPlacedOutOfCounty, learnerIdsInReachOf } from './support/fixtures.ts';
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

  it('makes /health report the platform as not ready', async () => {
    const response = await fetch(new URL('/health', platform.url));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { detail: { unavailable: string[] } };
    expect(body.detail.unavailable).toEqual([`authority:${CARMARTHENSHIRE}`]);
  });
});
