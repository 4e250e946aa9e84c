// A school move across a border puts the record right, through the real gateway with role tokens
// (issue 15, decision 0027): a child of Cardiff at school in the authority they are placed in moves to
// a school of a third authority. In the same change the designated teacher among the contacts follows
// the school, the old school's sign-off is marked as the school the child left, the agreed plan's review
// falls due within 10 school days, the new school's designated teacher may start that review, and the
// schools and authorities left and joined, and the child's social worker, are each notified with typed
// School, Authority and Learner entities. A retry is applied once; bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSchoolDays } from '@wales-lac/wales';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const today = new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Pupil {
  readonly learnerId: string;
  readonly host: string;
  readonly oldSchool: string;
  readonly socialWorker: string;
  readonly pepId: string;
}
interface NewSchool {
  readonly id: string;
  readonly authority: string;
  /** Its designated teacher as Cardiff knows them from another pupil there. */
  readonly teacher: string;
}

let platform: TestPlatform;
let pupil: Pupil;
let school: NewSchool;
const tokens: Record<'lead' | 'newTeacher' | 'oldTeacher' | 'hostLead' | 'newLead' | 'socialWorker', string> = {
  lead: '',
  newTeacher: '',
  oldTeacher: '',
  hostLead: '',
  newLead: '',
  socialWorker: '',
};

const CURRENT = (alias: string) => `${alias}.started_on <= current_date and (${alias}.ended_on is null or ${alias}.ended_on >= current_date)`;

/** A Cardiff child placed out of county, on a school roll there, with an agreed plan its school signed. */
async function signedPupil(): Promise<Pupil> {
  const [row] = await authorityDb(platform, CARDIFF).unsafe<{ learner_id: string; host: string; school_id: string; social_worker: string; pep_id: string }[]>(
    `select l.id as learner_id, p.authority_code as host, e.school_id, a.staff_subject as social_worker, pep.id as pep_id
       from learners l
       join placements p on p.learner_id = l.id and ${CURRENT('p')} and p.authority_code <> $1
       join enrolments e on e.learner_id = l.id and ${CURRENT('e')} and e.ended_on is null and e.school_authority_code = p.authority_code and e.started_on < current_date
       join staff_allocations a on a.learner_id = l.id and a.staff_role = 'social-worker' and ${CURRENT('a')}
       join peps pep on pep.learner_id = l.id and pep.status = 'agreed'
      where exists (select 1 from pep_sign_offs s where s.pep_id = pep.id and s.signer_role = 'designated-teacher')
        and exists (select 1 from staff_allocations d where d.learner_id = l.id and d.staff_role = 'designated-teacher' and d.ended_on is null)
        and not exists (select 1 from peps q where q.learner_id = l.id and q.status in ('draft', 'in-review'))
      order by l.id limit 1`,
    [CARDIFF],
  );
  if (!row) throw new Error('Cardiff has no child placed out of county with a signed agreed plan in the test data');
  return { learnerId: row.learner_id, host: row.host, oldSchool: row.school_id, socialWorker: row.social_worker, pepId: row.pep_id };
}

/** A school in neither Cardiff nor the host, with a designated teacher Cardiff knows from another pupil there. */
async function schoolAcrossTheBorder(host: string): Promise<NewSchool> {
  const [row] = await authorityDb(platform, CARDIFF)<{ school_id: string; school_authority_code: string; staff_subject: string }[]>`
    select e.school_id, e.school_authority_code, a.staff_subject from enrolments e
      join staff_allocations a on a.learner_id = e.learner_id and a.staff_role = 'designated-teacher' and a.ended_on is null
     where e.ended_on is null and e.school_authority_code not in (${CARDIFF}, ${host})
     order by e.school_id limit 1`;
  if (!row) throw new Error('no school outside Cardiff and the host with a known designated teacher');
  return { id: row.school_id, authority: row.school_authority_code, teacher: row.staff_subject };
}

beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.1' } });
  pupil = await signedPupil();
  school = await schoolAcrossTheBorder(pupil.host);
  // A review far off, so the move visibly brings it forward.
  await authorityDb(platform, CARDIFF)`update peps set next_review_due = ${inDays(120)} where id = ${pupil.pepId}`;
  tokens.lead = await platform.token({ sub: 'vsh-cardiff-moves', role: 'virtual-school-head', authority: CARDIFF });
  tokens.newTeacher = await platform.token({ sub: school.teacher, role: 'designated-teacher', authority: school.authority, school: school.id });
  tokens.oldTeacher = await platform.token({ sub: `dt-${pupil.oldSchool}`, role: 'designated-teacher', authority: pupil.host, school: pupil.oldSchool });
  tokens.hostLead = await platform.token({ sub: 'vsh-left-authority', role: 'virtual-school-head', authority: pupil.host });
  tokens.newLead = await platform.token({ sub: 'vsh-joined-authority', role: 'virtual-school-head', authority: school.authority });
  tokens.socialWorker = await platform.token({ sub: pupil.socialWorker, role: 'social-worker', authority: CARDIFF });
});
afterAll(async () => platform?.stop());

let key = 0;
const nextKey = () => `school-moves-${Date.now()}-${++key}`;
const MOVE =
  'mutation($input: RecordSchoolMoveInput!) { recordSchoolMove(input: $input) { applied recordId learner { currentSchool { id } pepStartDue pepStartOverdue } } }';

/** What a move changes in Cardiff's database, counted, to show that a refused or retried move changes nothing. */
async function footprint(): Promise<Record<string, number>> {
  const sql = authorityDb(platform, CARDIFF);
  const [row] = await sql<{ enrolments: number; allocations: number; notifications: number; marked: number }[]>`
    select (select count(*)::int from enrolments where learner_id = ${pupil.learnerId}) as enrolments,
           (select count(*)::int from staff_allocations where learner_id = ${pupil.learnerId}) as allocations,
           (select count(*)::int from notifications where learner_id = ${pupil.learnerId}) as notifications,
           (select count(*)::int from pep_sign_offs where pep_id = ${pupil.pepId} and school_left_on is not null) as marked`;
  return { ...row };
}

const FEED = `query { notifications(unreadOnly: true) { edges { node {
  id kind effectiveOn movesTo
  movesToSchool { id name } movesToAuthority { code nameEn } movesFromSchool { id } movesFromAuthority { code }
  addressedTo { __typename ... on School { id } ... on Authority { code } ... on Learner { id } }
} } } }`;

interface FeedNode {
  readonly kind: string;
  readonly movesTo: string;
  readonly movesToSchool: { id: string; name: string } | null;
  readonly movesToAuthority: { code: string; nameEn: string };
  readonly movesFromSchool: { id: string } | null;
  readonly movesFromAuthority: { code: string } | null;
  readonly addressedTo: { __typename: string; id?: string; code?: string };
}

/** The caller's notifications of this move. */
async function movesIn(token: string): Promise<FeedNode[]> {
  const { body } = await platform.graphql(token, FEED);
  expect(body.errors).toBeUndefined();
  return (body.data?.notifications.edges ?? [])
    .map((e: { node: FeedNode }) => e.node)
    .filter((n: FeedNode) => n.kind === 'SCHOOL_MOVE' && n.movesToSchool?.id === school.id && n.movesFromSchool?.id === pupil.oldSchool);
}

describe('bad input to a school move', () => {
  it('is refused naming the field, and changes nothing', async () => {
    const before = await footprint();
    const notWelsh = await platform.graphql(tokens.lead, MOVE, {
      input: { learner: pupil.learnerId, school: '9990001', startsOn: today, idempotencyKey: nextKey() },
    });
    expect(notWelsh.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'school' });
    const badDay = await platform.graphql(tokens.lead, MOVE, {
      input: { learner: pupil.learnerId, school: school.id, startsOn: '2026-02-30', idempotencyKey: nextKey() },
    });
    expect(badDay.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsOn' });
    const badKey = await platform.graphql(tokens.lead, MOVE, {
      input: { learner: pupil.learnerId, school: school.id, startsOn: today, idempotencyKey: 'short' },
    });
    expect(badKey.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await footprint()).toEqual(before);
  });

  it('is refused to the new school’s designated teacher, who may not move a child, and changes nothing', async () => {
    const before = await footprint();
    const { body } = await platform.graphql(tokens.newTeacher, MOVE, {
      input: { learner: pupil.learnerId, school: school.id, startsOn: today, idempotencyKey: nextKey() },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await footprint()).toEqual(before);
  });
});

describe('a school move across a border', () => {
  const moveKey = `school-moves-the-move-${Date.now()}`;
  const reviewDue = addSchoolDays(today, 10);

  it('moves the child, and a retry with the same key is applied once', async () => {
    const before = await footprint();
    const input = { learner: pupil.learnerId, school: school.id, startsOn: today, idempotencyKey: moveKey };
    const first = await platform.graphql(tokens.lead, MOVE, { input });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.recordSchoolMove).toMatchObject({
      applied: true,
      learner: { currentSchool: { id: school.id }, pepStartDue: reviewDue, pepStartOverdue: false },
    });
    const after = await footprint();
    // One enrolment, one new teacher; five notifications: two schools, two authorities, the social worker; one sign-off marked.
    expect(after).toEqual({ enrolments: before.enrolments! + 1, allocations: before.allocations! + 1, notifications: before.notifications! + 5, marked: 1 });
    const again = await platform.graphql(tokens.lead, MOVE, { input });
    expect(again.body.data?.recordSchoolMove).toMatchObject({ applied: false, recordId: first.body.data?.recordSchoolMove.recordId });
    expect(await footprint()).toEqual(after);
  });

  it('puts the new school’s designated teacher among the contacts in place of the old one', async () => {
    const { body } = await platform.graphql(tokens.lead, 'query($id: ID!) { learner(id: $id) { contacts { role subject since } } }', { id: pupil.learnerId });
    expect(body.errors).toBeUndefined();
    const teachers = body.data?.learner.contacts.filter((c: { role: string }) => c.role === 'DESIGNATED_TEACHER');
    expect(teachers).toEqual([{ role: 'DESIGNATED_TEACHER', subject: school.teacher, since: today }]);
    const [ended] = await authorityDb(platform, CARDIFF)<{ ended_on: string }[]>`
      select ended_on::text from staff_allocations where learner_id = ${pupil.learnerId} and staff_role = 'designated-teacher' and staff_subject <> ${school.teacher} order by started_on desc limit 1`;
    expect(ended?.ended_on).toBeDefined();
    expect(ended!.ended_on < today).toBe(true);
  });

  it('marks the old school’s sign-off as the school the child left, and shows the review due within 10 school days', async () => {
    const { body } = await platform.graphql(
      tokens.newTeacher,
      'query($id: ID!) { learner(id: $id) { currentPep { id status nextReviewDue reviewState signOffs { role current school { id } schoolLeftOn } } } }',
      { id: pupil.learnerId },
    );
    expect(body.errors).toBeUndefined();
    const pep = body.data?.learner.currentPep;
    const dueSoon = reviewDue <= inDays(14);
    expect(pep).toMatchObject({ id: pupil.pepId, status: 'AGREED', nextReviewDue: reviewDue, reviewState: dueSoon ? 'DUE_SOON' : 'ON_TRACK' });
    expect(pep.signOffs.find((s: { role: string }) => s.role === 'DESIGNATED_TEACHER')).toEqual({
      role: 'DESIGNATED_TEACHER',
      current: false,
      school: { id: pupil.oldSchool },
      schoolLeftOn: today,
    });
  });

  it('lets the new school’s designated teacher start the review and write the school’s picture; the old school may not', async () => {
    const start = 'mutation($input: StartPepInput!) { startPep(input: $input) { applied pep { id status version } } }';
    const refused = await platform.graphql(tokens.oldTeacher, start, { input: { learner: pupil.learnerId, idempotencyKey: nextKey() } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const started = await platform.graphql(tokens.newTeacher, start, { input: { learner: pupil.learnerId, idempotencyKey: nextKey() } });
    expect(started.body.errors).toBeUndefined();
    const draft = started.body.data?.startPep.pep;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(draft.id).not.toBe(pupil.pepId);
    const write = await platform.graphql(
      tokens.newTeacher,
      'mutation($input: WritePepSectionInput!) { writePepSection(input: $input) { applied pep { version schoolPicture { body writtenByRole } } } }',
      {
        input: {
          pep: draft.id,
          section: 'SCHOOL_PICTURE',
          body: 'Settling in well; reading assessed in the first week.',
          language: 'EN',
          pepVersion: 1,
          idempotencyKey: nextKey(),
        },
      },
    );
    expect(write.body.errors).toBeUndefined();
    expect(write.body.data?.writePepSection.pep).toEqual({
      version: 2,
      schoolPicture: { body: 'Settling in well; reading assessed in the first week.', writtenByRole: 'designated-teacher' },
    });
    // Started since the child joined: no new start is due, and the new school may not start another.
    const { body } = await platform.graphql(tokens.lead, 'query($id: ID!) { learner(id: $id) { pepStartDue } }', { id: pupil.learnerId });
    expect(body.data?.learner.pepStartDue).toBeNull();
  });

  it('notifies the school and authority the child left, the new ones and the social worker, with typed targets', async () => {
    const toNew = {
      movesToSchool: expect.objectContaining({ id: school.id }),
      movesToAuthority: expect.objectContaining({ code: school.authority }),
      movesFromSchool: { id: pupil.oldSchool },
      movesFromAuthority: { code: pupil.host },
      effectiveOn: today,
    };
    const newSchool = await movesIn(tokens.newTeacher);
    expect(newSchool).toEqual([expect.objectContaining({ ...toNew, addressedTo: { __typename: 'School', id: school.id } })]);
    // The deprecated code still answers, for documents written before the typed fields.
    expect(newSchool[0]?.movesTo).toBe(school.id);
    expect(newSchool[0]?.movesToSchool?.name).toMatch(/\S/);
    expect(newSchool[0]?.movesToAuthority.nameEn).toMatch(/\S/);
    expect(await movesIn(tokens.oldTeacher)).toEqual([expect.objectContaining({ ...toNew, addressedTo: { __typename: 'School', id: pupil.oldSchool } })]);
    expect(await movesIn(tokens.hostLead)).toEqual([expect.objectContaining({ ...toNew, addressedTo: { __typename: 'Authority', code: pupil.host } })]);
    expect(await movesIn(tokens.newLead)).toEqual([expect.objectContaining({ ...toNew, addressedTo: { __typename: 'Authority', code: school.authority } })]);
    const worker = await movesIn(tokens.socialWorker);
    expect(worker).toEqual([expect.objectContaining({ ...toNew, addressedTo: { __typename: 'Learner', id: pupil.learnerId } })]);
    // The home authority made the move and is not told of it; a social worker without the child is not told either.
    expect(await movesIn(tokens.lead)).toEqual([]);
    const otherWorker = await platform.token({ sub: 'sw-not-this-child', role: 'social-worker', authority: CARDIFF });
    expect(await movesIn(otherWorker)).toEqual([]);
  });

  it('lets the social worker mark their notification read; another social worker is refused', async () => {
    const { body } = await platform.graphql(
      tokens.socialWorker,
      'query { notifications(unreadOnly: true) { edges { node { id addressedTo { __typename } movesToSchool { id } } } } }',
    );
    const note = body.data?.notifications.edges
      .map((e: { node: { id: string; addressedTo: { __typename: string }; movesToSchool: { id: string } | null } }) => e.node)
      .find(
        (n: { addressedTo: { __typename: string }; movesToSchool: { id: string } | null }) =>
          n.addressedTo.__typename === 'Learner' && n.movesToSchool?.id === school.id,
      );
    expect(note).toBeDefined();
    const mark = 'mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { id readAt } }';
    const otherWorker = await platform.token({ sub: 'sw-not-this-child', role: 'social-worker', authority: CARDIFF });
    const refused = await platform.graphql(otherWorker, mark, { input: { notification: note.id, idempotencyKey: nextKey() } });
    // Someone else's notification answers as one that does not exist: ids tell a stranger nothing.
    const missing = `${String(note.id).split(':')[0]}:N999999`;
    const nobodys = await platform.graphql(otherWorker, mark, { input: { notification: missing, idempotencyKey: nextKey() } });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'notification' });
    expect(refused.body.errors?.[0]?.message).toBe(nobodys.body.errors?.[0]?.message.replace(missing, note.id));
    // A key that is not well-formed is refused naming it, and the notification stays unread.
    const badKey = await platform.graphql(tokens.socialWorker, mark, { input: { notification: note.id, idempotencyKey: '' } });
    expect(badKey.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect((await movesIn(tokens.socialWorker)).length).toBeGreaterThan(0);
    const key = nextKey();
    const read = await platform.graphql(tokens.socialWorker, mark, { input: { notification: note.id, idempotencyKey: key } });
    expect(read.body.errors).toBeUndefined();
    const readAt = read.body.data?.markNotificationRead.readAt;
    expect(readAt).not.toBeNull();
    // A retry is applied once: the same answer, the time it was first read.
    const retry = await platform.graphql(tokens.socialWorker, mark, { input: { notification: note.id, idempotencyKey: key } });
    expect(retry.body.data?.markNotificationRead).toEqual({ id: note.id, readAt });
    expect(await movesIn(tokens.socialWorker)).toEqual([]);
  });
});
