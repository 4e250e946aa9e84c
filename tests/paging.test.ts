// Walking every page of `learners` across 22 authorities: no child missing, none repeated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerIdsInReachOf } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const NEWPORT = 'W06000022';
const PAGE = /* GraphQL */ `
  query Page($first: Int!, $after: String) {
    learners(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          homeAuthority {
            code
          }
        }
      }
    }
  }
`;

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

async function walk(token: string, first: number): Promise<{ ids: string[]; pages: number; totals: Set<number> }> {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { body } = await platform.graphql(token, PAGE, { first, after });
    expect(body.errors).toBeUndefined();
    const connection = body.data?.learners;
    totals.add(connection.totalCount);
    ids.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
    pages += 1;
    if (!connection.pageInfo.hasNextPage) break;
    expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
    after = connection.pageInfo.endCursor;
    if (pages > 500) throw new Error('paging does not end');
  }
  return { ids, pages, totals };
}

describe('paging learners across authorities', () => {
  it.each([1, 7, 100])('pages of %d give every child in reach exactly once, in id order', async (first) => {
    const token = await platform.token({ sub: 'vsh-newport', role: 'virtual-school-head', authority: NEWPORT });
    const expected = await learnerIdsInReachOf(platform, NEWPORT);
    const { ids, totals } = await walk(token, first);
    expect(ids).toEqual(expected);
    expect([...totals]).toEqual([expected.length]);
    expect(new Set(ids.map((id) => id.slice(0, 9))).size).toBeGreaterThan(1);
  });

  it('filters by home authority and by placement out of county', async () => {
    const token = await platform.token({ sub: 'vsh-newport', role: 'virtual-school-head', authority: NEWPORT });
    const { body } = await platform.graphql(
      token,
      `{ own: learners(first: 100, homeAuthority: "${NEWPORT}", placedOutOfCounty: true) {
           totalCount edges { node { id currentPlacement { placedOutOfCounty } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data?.own.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.length).toBe(body.data?.own.totalCount);
    for (const node of nodes) {
      expect(node.id.startsWith(NEWPORT)).toBe(true);
      expect(node.currentPlacement.placedOutOfCounty).toBe(true);
    }
  });

  it('gives a learner only themself and refuses an analyst the list', async () => {
    const [first] = await learnerIdsInReachOf(platform, NEWPORT);
    const self = await platform.token({ sub: 'child', role: 'learner', learner: first });
    const mine = await platform.graphql(self, '{ learners(first: 100) { totalCount edges { node { id } } } }');
    expect(mine.body.data?.learners).toEqual({ totalCount: 1, edges: [{ node: { id: first } }] });

    const analyst = await platform.token({ sub: 'ndg', role: 'national-analyst' });
    const none = await platform.graphql(analyst, '{ learners { totalCount edges { node { id } } } }');
    expect(none.body.data ?? null).toBeNull();
    expect(none.body.errors?.[0]).toMatchObject({ path: ['learners'], extensions: { code: 'FORBIDDEN' } });
  });

  it('keeps aliases, fragments and two root fields apart', async () => {
    const token = await platform.token({ sub: 'vsh-newport', role: 'virtual-school-head', authority: NEWPORT });
    const [firstId] = await learnerIdsInReachOf(platform, NEWPORT);
    const { body } = await platform.graphql(
      token,
      `query Two($id: ID!) {
         one: learner(id: $id) { ...Who }
         few: learners(first: 2) { count: totalCount info: pageInfo { more: hasNextPage } list: edges { node { ...Who } } }
       }
       fragment Who on Learner { key: id }`,
      { id: firstId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.one).toEqual({ key: firstId });
    expect(body.data?.few.list).toHaveLength(2);
    expect(body.data?.few.list[0].node.key).toBe(firstId);
    expect(body.data?.few.info.more).toBe(true);
  });
});
