// A child of one authority placed in another, asked about through the national gateway by callers of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anotherAuthority, childPlacedOutOfCounty, type PlacedChild } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const LEARNER_QUERY = /* GraphQL */ `
  query Child($id: ID!) {
    learner(id: $id) {
      id
      legalGivenName
      upn
      homeAuthority {
        code
        name
        nameEn
        nameCy
        region {
          code
        }
      }
      currentPlacement {
        placedOutOfCounty
        authority {
          code
          nameEn
        }
      }
      currentSchool {
        id
        name
        authority {
          code
        }
      }
      currentPep {
        status
        reviewState
        targets {
          description
          progress
        }
      }
    }
  }
`;

let platform: TestPlatform;
let child: PlacedChild;

beforeAll(async () => {
  platform = await startTestPlatform();
  child = await childPlacedOutOfCounty(platform, CARDIFF);
});
afterAll(async () => platform?.stop());

describe('a child of Cardiff placed in another authority', () => {
  it('is seen in full by the home authority, with names from the reference service', async () => {
    const token = await platform.token({ sub: 'vsh-cardiff', role: 'virtual-school-head', authority: CARDIFF });
    const { status, body } = await platform.graphql(token, LEARNER_QUERY, { id: child.learnerId });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.learner).toMatchObject({
      id: child.learnerId,
      homeAuthority: { code: CARDIFF, nameEn: 'Cardiff', nameCy: 'Caerdydd', region: { code: 'CSC' } },
      currentPlacement: { placedOutOfCounty: true, authority: { code: child.hostAuthority } },
    });
    expect(body.data?.learner.upn).toMatch(/^[A-Z]\d{11}[0-9A-Z]$/);
  });

  it('is seen by the host authority where the child lives: education and PEP, not care history', async () => {
    const token = await platform.token({ sub: 'vsh-host', role: 'virtual-school-head', authority: child.hostAuthority });
    const { body } = await platform.graphql(token, LEARNER_QUERY, { id: child.learnerId });
    expect(body.data?.learner).toMatchObject({ id: child.learnerId, homeAuthority: { code: CARDIFF }, currentPlacement: null });
    expect(body.data?.learner.upn).toMatch(/^[A-Z]\d{11}[0-9A-Z]$/);
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['learner', 'currentPlacement'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });

  it('answers names in Welsh when the caller asks for Welsh', async () => {
    const token = await platform.token({ sub: 'vsh-cardiff', role: 'virtual-school-head', authority: CARDIFF });
    const { body } = await platform.graphql(token, LEARNER_QUERY, { id: child.learnerId }, { 'accept-language': 'cy-GB, en;q=0.5' });
    expect(body.data?.learner.homeAuthority.name).toBe('Caerdydd');
  });

  it('is refused to an authority with no relationship to the child', async () => {
    const stranger = anotherAuthority(platform, CARDIFF, child.hostAuthority);
    const token = await platform.token({ sub: 'vsh-other', role: 'virtual-school-head', authority: stranger });
    const { body } = await platform.graphql(token, LEARNER_QUERY, { id: child.learnerId });
    expect(body.data?.learner).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ path: ['learner'], extensions: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(body)).not.toContain('legalGivenName');
  });

  it('is seen by the child themself, and another child is refused', async () => {
    const self = await platform.token({ sub: 'child', role: 'learner', learner: child.learnerId });
    const mine = await platform.graphql(self, LEARNER_QUERY, { id: child.learnerId });
    expect(mine.body.data?.learner.id).toBe(child.learnerId);

    const other = await childPlacedOutOfCounty(platform, anotherAuthority(platform, CARDIFF));
    const theirs = await platform.graphql(self, LEARNER_QUERY, { id: other.learnerId });
    expect(theirs.body.data?.learner).toBeNull();
    expect(theirs.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is refused to a national analyst, who sees no individual child', async () => {
    const token = await platform.token({ sub: 'ndg', role: 'national-analyst' });
    const { body } = await platform.graphql(token, LEARNER_QUERY, { id: child.learnerId });
    expect(body.data?.learner).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reaches the owner through `me` for a learner caller', async () => {
    const self = await platform.token({ sub: 'child', role: 'learner', learner: child.learnerId });
    const { body } = await platform.graphql(self, '{ me { role authority { code } learner { id homeAuthority { code } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.me).toEqual({ role: 'LEARNER', authority: { code: CARDIFF }, learner: { id: child.learnerId, homeAuthority: { code: CARDIFF } } });
  });
});

describe('reference data', () => {
  it('lists the 22 authorities with both names and their region', async () => {
    const token = await platform.token({ sub: 'ndg', role: 'national-analyst' });
    const { body } = await platform.graphql(token, '{ authorities { code nameEn nameCy region { code } } }');
    expect(body.data?.authorities).toHaveLength(22);
    expect(body.data?.authorities).toContainEqual({ code: 'W06000001', nameEn: 'Isle of Anglesey', nameCy: 'Ynys Môn', region: { code: 'GWE' } });
  });
});
