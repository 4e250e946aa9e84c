// The queries professionals work from: a virtual school head's caseload with filters, a designated
// teacher's looked-after pupils, and a learner's own My PEP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
let platform: TestPlatform;
let lead: string;

interface Node {
  id: string;
  currentSchool: { id: string } | null;
  currentPep: { reviewState: string } | null;
  attendance: { rate: number | null; possibleSessions: number } | null;
}

beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.1' } });
  lead = await platform.token({ sub: 'vsh-cardiff', role: 'virtual-school-head', authority: CARDIFF });
});
afterAll(async () => platform?.stop());

const CASELOAD = `query($filter: Boolean, $below: Float) {
  learners(first: 500, homeAuthority: "${CARDIFF}", overduePep: $filter, attendanceBelow: $below) {
    totalCount edges { node { id currentSchool { id } currentPep { reviewState } attendance { rate possibleSessions } } } } }`;

describe("a virtual school head's caseload", () => {
  it('filters to children whose PEP review is overdue', async () => {
    const { body } = await platform.graphql(lead, CASELOAD, { filter: true });
    expect(body.errors).toBeUndefined();
    const nodes: Node[] = body.data?.learners.edges.map((e: { node: Node }) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.currentPep?.reviewState).toBe('OVERDUE');
    const [row] = await authorityDb(platform, CARDIFF)<{ n: number }[]>`
      select count(distinct learner_id)::int as n from peps where status <> 'superseded' and next_review_due < current_date`;
    expect(body.data?.learners.totalCount).toBe(row?.n);
  });

  it('filters to children with attendance below 90% this school year', async () => {
    const { body } = await platform.graphql(lead, CASELOAD, { below: 0.9 });
    expect(body.errors).toBeUndefined();
    const nodes: Node[] = body.data?.learners.edges.map((e: { node: Node }) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.attendance?.rate).toBeLessThan(0.9);
    const all = await platform.graphql(lead, CASELOAD, {});
    const low = (all.body.data?.learners.edges as { node: Node }[]).filter((e) => e.node.attendance?.rate != null && e.node.attendance.rate < 0.9);
    expect(nodes.map((n) => n.id)).toEqual(low.map((e) => e.node.id));
  });

  it('refuses a share outside 0 to 1, naming it', async () => {
    const { body } = await platform.graphql(lead, CASELOAD, { below: 1.5 });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendanceBelow' });
  });
});

describe("a designated teacher's looked-after pupils", () => {
  it('are the children of any authority on their roll, with attendance', async () => {
    const [school] = await authorityDb(platform, CARDIFF)<{ school_id: string; school_authority_code: string }[]>`
      select school_id, school_authority_code from enrolments where ended_on is null group by 1, 2 order by count(*) desc limit 1`;
    const teacher = await platform.token({
      sub: `dt-${school?.school_id}`,
      role: 'designated-teacher',
      authority: school?.school_authority_code,
      school: school?.school_id,
    });
    const { body } = await platform.graphql(
      teacher,
      '{ learners(first: 500) { totalCount edges { node { id currentSchool { id } attendance { possibleSessions } } } } }',
    );
    expect(body.errors).toBeUndefined();
    const nodes: Node[] = body.data?.learners.edges.map((e: { node: Node }) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.currentSchool?.id).toBe(school?.school_id);
  });
});

describe("a learner's My PEP", () => {
  it('shows their plan and who to contact, not their school records', async () => {
    const [child] = await authorityDb(platform, CARDIFF)<{ learner_id: string }[]>`
      select learner_id from peps where status = 'agreed' order by learner_id limit 1`;
    const self = await platform.token({ sub: 'child', role: 'learner', learner: child?.learner_id });
    const { body } = await platform.graphql(
      self,
      'query($id: ID!) { learner(id: $id) { preferredName currentPep { status targets { description progress } } contacts { role name } attendance { rate } } }',
      { id: child?.learner_id },
    );
    expect(body.data?.learner.currentPep.status).toBe('AGREED');
    expect(body.data?.learner.contacts.length).toBeGreaterThan(0);
    expect(body.data?.learner.attendance).toBeNull();
    expect(body.errors?.map((e) => e.path?.join('.'))).toEqual(['learner.attendance']);
  });
});

describe('filters read the field class they filter on', () => {
  it('are refused, naming the filter, to a role that never reads that class', async () => {
    const [child] = await authorityDb(platform, CARDIFF)<{ id: string }[]>`select id from learners order by id limit 1`;
    const self = await platform.token({ sub: 'child-filter', role: 'learner', learner: child?.id });
    for (const filter of ['excludedThisTerm: true', 'excludedThisTerm: false', 'attendanceBelow: 0.95', 'placedOutOfCounty: true']) {
      const { body } = await platform.graphql(self, `{ learners(first: 10, ${filter}) { totalCount } }`);
      expect(body.data?.learners ?? null, filter).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: filter.split(':')[0] });
    }
  });

  it("select only among children whose class the caller may read: a social worker's overdue PEPs are on their caseload", async () => {
    const [worker] = await authorityDb(platform, CARDIFF)<{ staff_subject: string }[]>`
      select staff_subject from staff_allocations where staff_role = 'social-worker' and ended_on is null group by 1 order by count(*) desc limit 1`;
    const token = await platform.token({ sub: worker?.staff_subject, role: 'social-worker', authority: CARDIFF });
    const { body } = await platform.graphql(
      token,
      `{ learners(first: 500, homeAuthority: "${CARDIFF}", overduePep: true) { totalCount edges { node { id currentPep { reviewState } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const [row] = await authorityDb(platform, CARDIFF)<{ n: number }[]>`
      select count(distinct p.learner_id)::int as n from peps p join staff_allocations a on a.learner_id = p.learner_id
       where a.staff_subject = ${worker?.staff_subject ?? ''} and a.staff_role = 'social-worker' and a.started_on <= current_date and (a.ended_on is null or a.ended_on >= current_date)
         and p.status <> 'superseded' and p.next_review_due < current_date`;
    expect(body.data?.learners.totalCount).toBe(row?.n);
    for (const edge of body.data?.learners.edges ?? []) expect(edge.node.currentPep.reviewState).toBe('OVERDUE');
  });

  it('are audited for each child they return', async () => {
    const { body } = await platform.graphql(lead, `{ learners(first: 5, homeAuthority: "${CARDIFF}", attendanceBelow: 0.9) { edges { node { id } } } }`);
    const first: string = body.data?.learners.edges[0]?.node.id ?? '';
    expect(first).not.toBe('');
    const rows = await authorityDb(
      platform,
      CARDIFF,
    )`select 1 from audit_log where learner_id = ${first} and ${'Query.learners(attendanceBelow)'} = any(fields)`;
    expect(rows.length).toBeGreaterThan(0);
  });
});
