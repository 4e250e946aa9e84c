// Each role's own list of children (learners(relationship:)), through the real gateway: a social
// worker's caseload, a designated teacher's looked-after pupils, an education lead's home and hosted
// children, each exactly the children the owning databases say; contacts name the subject each person
// signs in with; a relationship the role never holds is refused naming the argument.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const NEWPORT = 'W06000022';
const CURRENT = (alias: string) => `${alias}.started_on <= current_date and (${alias}.ended_on is null or ${alias}.ended_on >= current_date)`;
const LIST = (relationship: string, reason = '') =>
  `{ learners(first: 500, relationship: ${relationship}${reason}) { totalCount edges { node { id homeAuthority { code } contacts { role subject } } } } }`;

type Node = { id: string; homeAuthority: { code: string }; contacts: { role: string; subject: string }[] | null };
let platform: TestPlatform;
let child: ChildUnderCare;

beforeAll(async () => {
  platform = await startTestPlatform();
  child = await childUnderCare(platform, NEWPORT);
});
afterAll(async () => platform?.stop());

async function list(
  claims: Parameters<TestPlatform['token']>[0],
  relationship: string,
  reason = '',
): Promise<{ ids: string[]; nodes: Node[]; total: number; errors: { extensions?: Record<string, unknown> }[] | undefined }> {
  const { body } = await platform.graphql(await platform.token(claims), LIST(relationship, reason));
  const nodes: Node[] = (body.data?.learners?.edges ?? []).map((e: { node: Node }) => e.node);
  return { ids: nodes.map((n) => n.id).sort(), nodes, total: body.data?.learners?.totalCount ?? 0, errors: body.errors };
}

describe("each role's own list", () => {
  it('gives a social worker exactly their caseload, each child naming them as social worker by subject', async () => {
    const rows = await authorityDb(platform, child.home).unsafe<{ learner_id: string }[]>(
      `select distinct a.learner_id from staff_allocations a where a.staff_role = 'social-worker' and a.staff_subject = $1 and ${CURRENT('a')}`,
      [child.socialWorker],
    );
    const got = await list({ sub: child.socialWorker, role: 'social-worker', authority: child.home }, 'CASELOAD');
    expect(got.errors).toBeUndefined();
    expect(got.ids).toEqual(rows.map((r) => r.learner_id).sort());
    expect(got.ids).toContain(child.learnerId);
    for (const n of got.nodes) expect(n.contacts?.some((c) => c.role === 'SOCIAL_WORKER' && c.subject === child.socialWorker)).toBe(true);
    // The home list of the same worker is the whole home authority (at this scale it may be no bigger), given
    // a reason: without one it is refused, naming the argument (decision 0026).
    const refused = await list({ sub: child.socialWorker, role: 'social-worker', authority: child.home }, 'HOME');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    const home = await list({ sub: child.socialWorker, role: 'social-worker', authority: child.home }, 'HOME', ', reason: { purpose: DUTY }');
    const [{ n = 0 } = {}] = await authorityDb(platform, child.home).unsafe<{ n: number }[]>('select count(*)::int as n from learners');
    expect(home.total).toBe(n);
    expect(home.total).toBeGreaterThanOrEqual(got.total);
  });

  it("gives a designated teacher the looked-after pupils on their school's roll, from every authority", async () => {
    const teacher = { sub: 'dt-own-list', role: 'designated-teacher' as const, authority: child.host, school: child.schoolId };
    const got = await list(teacher, 'SCHOOL');
    expect(got.errors).toBeUndefined();
    expect(got.ids).toContain(child.learnerId);
    let expected: string[] = [];
    for (const { code } of AUTHORITY_FACTS) {
      const rows = await authorityDb(platform, code).unsafe<{ learner_id: string }[]>(
        `select distinct e.learner_id from enrolments e where e.school_id = $1 and ${CURRENT('e')}`,
        [child.schoolId],
      );
      expected = [...expected, ...rows.map((r) => r.learner_id)];
    }
    expect(got.ids).toEqual(expected.sort());
  });

  it('gives an education lead their home children and, separately, the children other authorities place or school with them', async () => {
    const lead = { sub: 'vsh-own-list', role: 'virtual-school-head' as const, authority: child.host };
    const home = await list(lead, 'HOME');
    const hosted = await list(lead, 'HOST');
    expect(home.errors).toBeUndefined();
    expect(hosted.errors).toBeUndefined();
    expect(home.nodes.every((n) => n.homeAuthority.code === child.host)).toBe(true);
    expect(hosted.nodes.every((n) => n.homeAuthority.code !== child.host)).toBe(true);
    expect(hosted.ids).toContain(child.learnerId);
    const [{ n = 0 } = {}] = await authorityDb(platform, child.host).unsafe<{ n: number }[]>('select count(*)::int as n from learners');
    expect(home.total).toBe(n);
  });

  it.each([
    ['a designated teacher', { sub: 'dt', role: 'designated-teacher' as const, authority: 'W06000015', school: '6812001' }, 'CASELOAD'],
    ['a social worker', { sub: 'sw', role: 'social-worker' as const, authority: 'W06000015' }, 'SCHOOL'],
    ['an education lead', { sub: 'vsh', role: 'virtual-school-head' as const, authority: 'W06000015' }, 'CASELOAD'],
  ])('refuses %s a list by a relationship the role never holds, naming the argument', async (_, claims, relationship) => {
    const got = await list(claims, relationship);
    expect(got.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'relationship' }) })]);
  });
});
