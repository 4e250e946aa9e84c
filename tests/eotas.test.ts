// Education other than at school (EOTAS) through the real gateway: recorded by the home education lead
// (or the designated teacher of the child's school) alongside a school roll and read back on the
// learner; bad input, an overlapping period of the same kind and a reused key change nothing; a caller
// without the right is refused, audited, and learns nothing about the child.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityDb } from './support/fixtures.ts';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const RECORD = `mutation($input: RecordEducationOtherThanAtSchoolInput!) {
  recordEducationOtherThanAtSchool(input: $input) { applied recordId learner { currentSchool { id } educationOtherThanAtSchool { id kind provider hoursPerWeek startedOn endedOn } } }
}`;
let platform: TestPlatform;
let child: ChildUnderCare;
let lead: string;
/** Statements that read the EOTAS table, in any authority. */
let eotasReads = 0;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await startTestPlatform({
    onAuthorityQuery: (_code, query) => {
      if (/^select .* from "education_other_than_at_school"/is.test(query)) eotasReads += 1;
    },
  });
  child = await childUnderCare(platform, CARDIFF);
  lead = await platform.token({ sub: 'vsh-cardiff-eotas', role: 'virtual-school-head', authority: CARDIFF });
});
afterAll(async () => platform?.stop());

let key = 0;
const nextKey = () => `eotas-${Date.now()}-${++key}`;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Refusals of this change in the audit log: by the authority, or by the gateway before routing. */
const refusalsOf = (subject: string) => authorityDb(platform, CARDIFF)`
  select 1 from audit_log where learner_id = ${child.learnerId} and actor_subject = ${subject} and decision = 'denied'
     and (operation_name = 'recordEducationOtherThanAtSchool' or ${'Mutation.recordEducationOtherThanAtSchool'} = any(fields))`;

const rows = async () => {
  const found = await authorityDb(platform, CARDIFF)<
    { n: number }[]
  >`select count(*)::int as n from education_other_than_at_school where learner_id = ${child.learnerId}`;
  return found[0]?.n ?? 0;
};

const input = (change: Record<string, unknown> = {}) => ({
  learner: child.learnerId,
  kind: 'HOME_TUITION',
  provider: 'Cardiff Home Tuition Service',
  hoursPerWeek: 5.5,
  startsOn: addDays(today, 61),
  endsOn: addDays(today, 75),
  idempotencyKey: nextKey(),
  ...change,
});

describe('recording education other than at school', () => {
  it('is done by the home education lead while the child is on a school roll, and read back on the learner, applied once per key', async () => {
    const before = await rows();
    const asked = input({ startsOn: today, endsOn: addDays(today, 60) });
    const first = await platform.graphql(lead, RECORD, { input: asked });
    expect(first.body.errors).toBeUndefined();
    const result = first.body.data?.recordEducationOtherThanAtSchool;
    expect(result).toMatchObject({ applied: true, recordId: expect.stringMatching(/^W06000015:EO\d{6}$/) });
    // A dual arrangement: still on the roll of their school.
    expect(result.learner.currentSchool).not.toBeNull();
    expect(result.learner.educationOtherThanAtSchool[0]).toEqual({
      id: result.recordId,
      kind: 'HOME_TUITION',
      provider: 'Cardiff Home Tuition Service',
      hoursPerWeek: 5.5,
      startedOn: today,
      endedOn: addDays(today, 60),
    });

    const read = await platform.graphql(lead, 'query($id: ID!) { learner(id: $id) { educationOtherThanAtSchool { id kind } } }', { id: child.learnerId });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.learner.educationOtherThanAtSchool).toContainEqual({ id: result.recordId, kind: 'HOME_TUITION' });

    const again = await platform.graphql(lead, RECORD, { input: asked });
    expect(again.body.data?.recordEducationOtherThanAtSchool).toMatchObject({ applied: false, recordId: result.recordId });
    const reused = await platform.graphql(lead, RECORD, { input: { ...asked, provider: 'Another provider' } });
    expect(reused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await rows()).toBe(before + 1);
    const audited = await authorityDb(platform, CARDIFF)`
      select 1 from audit_log where learner_id = ${child.learnerId} and actor_subject = 'vsh-cardiff-eotas' and action = 'write' and decision = 'allowed'
         and operation_name = 'recordEducationOtherThanAtSchool' and ${'Learner.educationOtherThanAtSchool'} = any(fields)`;
    expect(audited).toHaveLength(1);
  });

  it('refuses a period overlapping one of the same kind, naming startsOn; another kind, or a later period, is recorded', async () => {
    const first = await platform.graphql(lead, RECORD, { input: input({ kind: 'TUITION_SERVICE', startsOn: addDays(today, 30), endsOn: addDays(today, 80) }) });
    expect(first.body.errors).toBeUndefined();
    const firstId = first.body.data?.recordEducationOtherThanAtSchool.recordId;
    const before = await rows();

    const open = await platform.graphql(lead, RECORD, { input: input({ kind: 'TUITION_SERVICE', startsOn: addDays(today, 10), endsOn: null }) });
    expect(open.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsOn' });
    expect(open.body.errors?.[0]?.message).toContain(firstId);
    const inside = await platform.graphql(lead, RECORD, {
      input: input({ kind: 'TUITION_SERVICE', startsOn: addDays(today, 80), endsOn: addDays(today, 85) }),
    });
    expect(inside.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsOn' });
    expect(await rows()).toBe(before);

    const otherKind = await platform.graphql(lead, RECORD, {
      input: input({ kind: 'ALTERNATIVE_PROVIDER', provider: 'Y Bont Learning Centre', startsOn: addDays(today, 40), endsOn: null }),
    });
    expect(otherKind.body.errors).toBeUndefined();
    const later = await platform.graphql(lead, RECORD, { input: input({ kind: 'TUITION_SERVICE', startsOn: addDays(today, 81), endsOn: addDays(today, 88) }) });
    expect(later.body.errors).toBeUndefined();
    expect(await rows()).toBe(before + 2);
  });

  it.each([
    ['hoursPerWeek', { hoursPerWeek: 0 }, 'more than 0 and at most 40'],
    ['hoursPerWeek', { hoursPerWeek: 40.5 }, 'more than 0 and at most 40'],
    ['hoursPerWeek', { hoursPerWeek: 2.25 }, 'steps of half an hour'],
    ['endsOn', { startsOn: addDays(today, 10), endsOn: addDays(today, 9) }, 'before startsOn'],
    ['provider', { provider: '   ' }, 'must not be empty'],
    ['provider', { provider: 'x'.repeat(201) }, 'at most 200 characters'],
    ['startsOn', { startsOn: '1990-01-01', endsOn: null }, 'date of birth'],
    ['startsOn', { startsOn: addDays(today, 91), endsOn: null }, '90 days from today'],
  ])('refuses a bad %s (%j), naming it, and changes nothing', async (field, change, message) => {
    const before = await rows();
    const { body } = await platform.graphql(lead, RECORD, { input: input(change) });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors?.[0]?.message).toContain(message);
    expect(await rows()).toBe(before);
  });

  it('is open to the designated teacher of the child’s school, as reduced timetables are', async () => {
    const teacher = await platform.token({ sub: `dt-${child.schoolId}`, role: 'designated-teacher', authority: child.host, school: child.schoolId });
    const { body } = await platform.graphql(teacher, RECORD, { input: input({ kind: 'OTHER', provider: 'Academi Ar-lein (online school)', hoursPerWeek: 3 }) });
    expect(body.errors).toBeUndefined();
    expect(body.data?.recordEducationOtherThanAtSchool.applied).toBe(true);
  });
});

describe('reading it for a caseload', () => {
  it('takes one statement for a whole page of learners', async () => {
    eotasReads = 0;
    const { body } = await platform.graphql(
      lead,
      `{ learners(first: 200, homeAuthority: "${CARDIFF}") { edges { node { id educationOtherThanAtSchool { kind hoursPerWeek } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.learners.edges.length).toBeGreaterThan(20);
    expect(eotasReads).toBe(1);
  });
});

describe('a caller without the right to record it', () => {
  it.each([
    ['the host authority’s education lead', () => ({ sub: 'vsh-host-eotas', role: 'virtual-school-head' as const, authority: child.host })],
    ['the allocated social worker', () => ({ sub: child.socialWorker, role: 'social-worker' as const, authority: CARDIFF })],
    ['another authority’s education lead', () => ({ sub: 'vsh-anglesey-eotas', role: 'virtual-school-head' as const, authority: 'W06000001' })],
  ])('%s is refused, learns nothing about the child, and the refusal is audited', async (_who, claims) => {
    const before = await rows();
    const token = await platform.token(claims());
    // A start before the child's birth: a refused caller is not told so.
    const { body } = await platform.graphql(token, RECORD, { input: input({ startsOn: '2000-01-04', endsOn: null }) });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.errors?.[0]?.message).not.toMatch(/birth|\d{4}-\d{2}-\d{2}/);
    expect(body.data?.recordEducationOtherThanAtSchool ?? null).toBeNull();
    expect(await rows()).toBe(before);
    expect((await refusalsOf(claims().sub)).length).toBeGreaterThan(0);
  });

  it('the child themselves is refused at the gateway and changes nothing', async () => {
    const before = await rows();
    const token = await platform.token({ sub: 'learner-eotas', role: 'learner', learner: child.learnerId });
    const { body } = await platform.graphql(token, RECORD, { input: input() });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rows()).toBe(before);
    expect((await refusalsOf('learner-eotas')).length).toBeGreaterThan(0);
  });
});
