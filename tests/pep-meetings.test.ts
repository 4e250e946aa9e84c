// PEP review meetings through the real gateway with role tokens (issue 15, decision 0030): a Cardiff child
// placed and at school across the border. The home education lead arranges the meeting; each invitee (the
// school's designated teacher across the border, the lead, the social worker, the child) sees the invitation
// in their own notifications and answers for themselves; nobody else may answer; a move based on a stale
// version is CONFLICT; the minutes become sections of the next version of the plan; a retry is applied once;
// bad input names the field and changes nothing; a third authority sees nothing of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolAuthorityCode } from '@wales-lac/wales';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const today = new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Child {
  readonly learnerId: string;
  readonly host: string;
  readonly school: string;
  readonly otherSchool: string;
  readonly socialWorker: string;
  readonly pepId: string;
}

let platform: TestPlatform;
let child: Child;
let third: string;
const tokens: Record<'lead' | 'teacher' | 'socialWorker' | 'child' | 'hostLead' | 'otherTeacher' | 'thirdLead', string> = {
  lead: '',
  teacher: '',
  socialWorker: '',
  child: '',
  hostLead: '',
  otherTeacher: '',
  thirdLead: '',
};

const CURRENT = (alias: string) => `${alias}.started_on <= current_date and (${alias}.ended_on is null or ${alias}.ended_on >= current_date)`;

/** A Cardiff child placed out of county, on a school roll there, with a social worker and an agreed plan and no draft. */
async function childAcrossTheBorder(): Promise<Child> {
  const [row] = await authorityDb(platform, CARDIFF).unsafe<
    { learner_id: string; host: string; school_id: string; other_school: string; social_worker: string; pep_id: string }[]
  >(
    `select l.id as learner_id, p.authority_code as host, e.school_id, a.staff_subject as social_worker, pep.id as pep_id,
            (select o.school_id from enrolments o where o.school_id <> e.school_id and o.ended_on is null order by o.school_id limit 1) as other_school
       from learners l
       join placements p on p.learner_id = l.id and ${CURRENT('p')} and p.authority_code <> $1
       join enrolments e on e.learner_id = l.id and ${CURRENT('e')} and e.ended_on is null and e.school_authority_code = p.authority_code
       join staff_allocations a on a.learner_id = l.id and a.staff_role = 'social-worker' and ${CURRENT('a')}
       join peps pep on pep.learner_id = l.id and pep.status = 'agreed'
      where not exists (select 1 from peps q where q.learner_id = l.id and q.status in ('draft', 'in-review'))
      order by l.id limit 1`,
    [CARDIFF],
  );
  if (!row) throw new Error('Cardiff has no child placed out of county with an agreed plan in the test data');
  return {
    learnerId: row.learner_id,
    host: row.host,
    school: row.school_id,
    otherSchool: row.other_school,
    socialWorker: row.social_worker,
    pepId: row.pep_id,
  };
}

beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.1' } });
  child = await childAcrossTheBorder();
  third = ['W06000001', 'W06000002', 'W06000003'].find((code) => code !== child.host) ?? 'W06000001';
  tokens.lead = await platform.token({ sub: 'vsh-cardiff-meetings', role: 'virtual-school-head', authority: CARDIFF });
  tokens.teacher = await platform.token({ sub: `dt-${child.school}`, role: 'designated-teacher', authority: child.host, school: child.school });
  tokens.socialWorker = await platform.token({ sub: child.socialWorker, role: 'social-worker', authority: CARDIFF });
  tokens.child = await platform.token({ sub: 'child-meetings', role: 'learner', learner: child.learnerId });
  tokens.hostLead = await platform.token({ sub: 'vsh-host-meetings', role: 'virtual-school-head', authority: child.host });
  tokens.otherTeacher = await platform.token({
    sub: `dt-${child.otherSchool}`,
    role: 'designated-teacher',
    authority: schoolAuthorityCode(child.otherSchool) ?? child.host,
    school: child.otherSchool,
  });
  tokens.thirdLead = await platform.token({ sub: 'vsh-third-meetings', role: 'virtual-school-head', authority: third });
});
afterAll(async () => platform?.stop());

let key = 0;
const nextKey = () => `pep-meetings-${Date.now()}-${++key}`;

const MEETING_FIELDS =
  'id status version date startTime place onlineLink scheduledByRole invitees { role response respondedAt } minutesRecordedIn { id status version schoolPicture { body writtenByRole } reviewActions { body } }';
const SCHEDULE = `mutation($input: SchedulePepMeetingInput!) { schedulePepMeeting(input: $input) { applied meeting { ${MEETING_FIELDS} } } }`;
const RESCHEDULE = `mutation($input: ReschedulePepMeetingInput!) { reschedulePepMeeting(input: $input) { applied meeting { ${MEETING_FIELDS} } } }`;
const CANCEL = `mutation($input: CancelPepMeetingInput!) { cancelPepMeeting(input: $input) { applied meeting { id status version } } }`;
const RESPOND = `mutation($input: RespondToPepMeetingInput!) { respondToPepMeeting(input: $input) { applied meeting { id invitees { role response } } } }`;
const MINUTES = `mutation($input: RecordPepMeetingMinutesInput!) { recordPepMeetingMinutes(input: $input) { applied meeting { ${MEETING_FIELDS} } } }`;
const FEED = `query { notifications(first: 200) { edges { node { id kind effectiveOn readAt meetingTomorrow movesToAuthority { code } learner { id } meeting { id status date startTime place onlineLink } } } } }`;

/** What meeting changes touch in Cardiff's database, counted, to show that a refused or retried change changes nothing. */
async function footprint(): Promise<Record<string, number>> {
  const [row] = await authorityDb(platform, CARDIFF)<
    { meetings: number; versions: number; invitees: number; answers: number; notifications: number; peps: number; sections: number }[]
  >`
    select (select count(*)::int from pep_meetings where learner_id = ${child.learnerId}) as meetings,
           (select coalesce(sum(version), 0)::int from pep_meetings where learner_id = ${child.learnerId}) as versions,
           (select count(*)::int from pep_meeting_invitees i join pep_meetings m on m.id = i.meeting_id where m.learner_id = ${child.learnerId}) as invitees,
           (select count(*)::int from pep_meeting_invitees i join pep_meetings m on m.id = i.meeting_id where m.learner_id = ${child.learnerId} and i.response is not null) as answers,
           (select count(*)::int from notifications where learner_id = ${child.learnerId}) as notifications,
           (select count(*)::int from peps where learner_id = ${child.learnerId}) as peps,
           (select count(*)::int from pep_sections s join peps p on p.id = s.pep_id where p.learner_id = ${child.learnerId}) as sections`;
  return { ...row };
}

interface FeedNode {
  readonly id: string;
  readonly kind: string;
  readonly effectiveOn: string;
  readonly readAt: string | null;
  readonly meetingTomorrow: boolean;
  readonly movesToAuthority: { code: string } | null;
  readonly learner: { id: string } | null;
  readonly meeting: { id: string; status: string; date: string; startTime: string; place: string | null; onlineLink: string | null } | null;
}

/** The caller's invitations to this meeting. */
async function invitationsIn(token: string, meetingId: string): Promise<FeedNode[]> {
  const { body } = await platform.graphql(token, FEED);
  expect(body.errors).toBeUndefined();
  return (body.data?.notifications.edges ?? [])
    .map((e: { node: FeedNode }) => e.node)
    .filter((n: FeedNode) => n.kind === 'PEP_MEETING_INVITATION' && n.meeting?.id === meetingId);
}

const when = { date: inDays(7), startTime: '10:30', onlineLink: 'https://meet.example.org/pep-review' };
const INVITEES = ['DESIGNATED_TEACHER', 'VIRTUAL_SCHOOL_HEAD', 'SOCIAL_WORKER', 'LEARNER', 'CARER'];

describe('bad input to a meeting', () => {
  it('is refused naming the field, and changes nothing', async () => {
    const before = await footprint();
    const base = { pep: child.pepId, ...when, invitees: INVITEES };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, date: inDays(-1) }, 'date'],
      [{ ...base, onlineLink: undefined }, 'place'],
      [{ ...base, place: 'Room 4, the school' }, 'onlineLink'],
      [{ ...base, onlineLink: 'http://meet.example.org/pep-review' }, 'onlineLink'],
      [{ ...base, onlineLink: 'not a link' }, 'onlineLink'],
      [{ ...base, startTime: '25:00' }, 'startTime'],
      [{ ...base, invitees: [] }, 'invitees'],
      [{ ...base, invitees: ['LEARNER', 'LEARNER'] }, 'invitees[1]'],
      [{ ...base, idempotencyKey: 'short' }, 'idempotencyKey'],
    ];
    for (const [input, field] of cases) {
      const { body } = await platform.graphql(tokens.lead, SCHEDULE, { input: { idempotencyKey: nextKey(), ...input } });
      expect(body.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.data?.schedulePepMeeting ?? null).toBeNull();
    }
    // An invitee role the API does not have is refused by GraphQL before anything runs, naming where it is.
    const unknown = await platform.graphql(tokens.lead, SCHEDULE, { input: { ...base, invitees: ['HEADTEACHER'], idempotencyKey: nextKey() } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors?.[0]?.message).toMatch(/invitees/);
    expect(await footprint()).toEqual(before);
  });

  it('is refused for another authority’s child (FORBIDDEN naming the pep), and audited', async () => {
    const before = await footprint();
    for (const token of [tokens.hostLead, tokens.thirdLead, tokens.otherTeacher]) {
      const { body } = await platform.graphql(token, SCHEDULE, { input: { pep: child.pepId, ...when, invitees: INVITEES, idempotencyKey: nextKey() } });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'pep' });
    }
    // The child may not arrange their own review meeting: refused at the gateway.
    const self = await platform.graphql(tokens.child, SCHEDULE, { input: { pep: child.pepId, ...when, invitees: INVITEES, idempotencyKey: nextKey() } });
    expect(self.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await footprint()).toEqual(before);
    const [denied] = await authorityDb(platform, CARDIFF)<{ n: number }[]>`
      select count(*)::int as n from audit_log where learner_id = ${child.learnerId} and operation_name = 'schedulePepMeeting' and decision = 'denied'`;
    expect(denied?.n).toBeGreaterThanOrEqual(3);
  });
});

describe('a review meeting for a child across the border', () => {
  let meetingId = '';

  it('is arranged by the home education lead, once per key, with an invitation for each invitee who signs in', async () => {
    const before = await footprint();
    const input = { pep: child.pepId, ...when, invitees: INVITEES, idempotencyKey: `pep-meetings-schedule-${Date.now()}` };
    const first = await platform.graphql(tokens.lead, SCHEDULE, { input });
    expect(first.body.errors).toBeUndefined();
    const meeting = first.body.data?.schedulePepMeeting.meeting;
    expect(first.body.data?.schedulePepMeeting.applied).toBe(true);
    expect(meeting).toMatchObject({
      status: 'SCHEDULED',
      version: 1,
      date: when.date,
      startTime: '10:30',
      place: null,
      onlineLink: when.onlineLink,
      scheduledByRole: 'virtual-school-head',
      minutesRecordedIn: null,
    });
    expect(meeting.invitees.map((i: { role: string; response: null }) => [i.role, i.response]).sort()).toEqual(INVITEES.map((r) => [r, null]).sort());
    meetingId = meeting.id;
    expect(meetingId.startsWith(`${CARDIFF}:MT`)).toBe(true);
    const after = await footprint();
    // Five invitees; four invitations (the carer has no sign-in).
    expect(after).toEqual({
      ...before,
      meetings: before.meetings! + 1,
      versions: before.versions! + 1,
      invitees: before.invitees! + 5,
      notifications: before.notifications! + 4,
    });
    const again = await platform.graphql(tokens.lead, SCHEDULE, { input });
    expect(again.body.data?.schedulePepMeeting).toMatchObject({ applied: false, meeting: { id: meetingId } });
    expect(await footprint()).toEqual(after);
    const [audited] = await authorityDb(platform, CARDIFF)<{ n: number }[]>`
      select count(*)::int as n from audit_log where learner_id = ${child.learnerId} and operation_name = 'schedulePepMeeting' and decision = 'allowed' and action = 'write'`;
    expect(audited?.n).toBe(1);
  });

  it('shows the invitation in each invitee’s own notifications, across the border too', async () => {
    for (const token of [tokens.teacher, tokens.lead, tokens.socialWorker, tokens.child]) {
      const [invitation] = await invitationsIn(token, meetingId);
      expect(invitation).toMatchObject({
        effectiveOn: when.date,
        readAt: null,
        meetingTomorrow: false,
        movesToAuthority: null,
        learner: { id: child.learnerId },
        meeting: { status: 'SCHEDULED', date: when.date, startTime: '10:30', onlineLink: when.onlineLink },
      });
    }
    // The child marks their invitation read (a move or cancellation shows it unread again: below).
    const [own] = await invitationsIn(tokens.child, meetingId);
    const read = await platform.graphql(tokens.child, 'mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { id readAt } }', {
      input: { notification: own?.id, idempotencyKey: nextKey() },
    });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.markNotificationRead.readAt).not.toBeNull();
    // The host's education lead and another school are not invited.
    expect(await invitationsIn(tokens.hostLead, meetingId)).toEqual([]);
    expect(await invitationsIn(tokens.otherTeacher, meetingId)).toEqual([]);
  });

  it('lets each invitee answer for themselves, and nobody else', async () => {
    const answers: [keyof typeof tokens, string, string][] = [
      ['teacher', 'ACCEPTED', 'DESIGNATED_TEACHER'],
      ['lead', 'ACCEPTED', 'VIRTUAL_SCHOOL_HEAD'],
      ['socialWorker', 'TENTATIVE', 'SOCIAL_WORKER'],
      ['child', 'DECLINED', 'LEARNER'],
    ];
    for (const [who, response, role] of answers) {
      const { body } = await platform.graphql(tokens[who], RESPOND, { input: { meeting: meetingId, response, idempotencyKey: nextKey() } });
      expect(body.errors, who).toBeUndefined();
      expect(body.data?.respondToPepMeeting.meeting.invitees).toContainEqual({ role, response });
    }
    const before = await footprint();
    for (const token of [tokens.hostLead, tokens.otherTeacher, tokens.thirdLead]) {
      const { body } = await platform.graphql(token, RESPOND, { input: { meeting: meetingId, response: 'DECLINED', idempotencyKey: nextKey() } });
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await footprint()).toEqual(before);
    const { body } = await platform.graphql(tokens.lead, `query($id: ID!) { learner(id: $id) { currentPep { meetings { id invitees { role response } } } } }`, {
      id: child.learnerId,
    });
    expect(body.errors).toBeUndefined();
    const shown = body.data?.learner.currentPep.meetings.find((m: { id: string }) => m.id === meetingId);
    expect(Object.fromEntries(shown.invitees.map((i: { role: string; response: string | null }) => [i.role, i.response]))).toEqual({
      DESIGNATED_TEACHER: 'ACCEPTED',
      VIRTUAL_SCHOOL_HEAD: 'ACCEPTED',
      SOCIAL_WORKER: 'TENTATIVE',
      LEARNER: 'DECLINED',
      CARER: null,
    });
  });

  it('is moved only from the version it was read at: a stale version is CONFLICT', async () => {
    const before = await footprint();
    const stale = await platform.graphql(tokens.teacher, RESCHEDULE, {
      input: { meeting: meetingId, meetingVersion: 7, date: inDays(1), startTime: '14:00', place: 'Room 4, the school', idempotencyKey: nextKey() },
    });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(await footprint()).toEqual(before);
    const moved = await platform.graphql(tokens.teacher, RESCHEDULE, {
      input: { meeting: meetingId, meetingVersion: 1, date: inDays(1), startTime: '14:00', place: 'Room 4, the school', idempotencyKey: nextKey() },
    });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data?.reschedulePepMeeting.meeting).toMatchObject({
      version: 2,
      date: inDays(1),
      startTime: '14:00',
      place: 'Room 4, the school',
      onlineLink: null,
    });
    // A new time clears the answers; the invitations show unread again, on the new day, as tomorrow's meeting.
    expect(moved.body.data?.reschedulePepMeeting.meeting.invitees.every((i: { response: string | null }) => i.response === null)).toBe(true);
    const [invitation] = await invitationsIn(tokens.child, meetingId);
    expect(invitation).toMatchObject({ effectiveOn: inDays(1), readAt: null, meetingTomorrow: true, meeting: { place: 'Room 4, the school' } });
  });

  it('takes minutes only once the meeting has been held; they become sections of the next version of the plan, once per key', async () => {
    const tooEarly = await platform.graphql(tokens.teacher, MINUTES, {
      input: {
        meeting: meetingId,
        meetingVersion: 2,
        minutes: [{ section: 'REVIEW_ACTIONS', body: 'Meet again in a term.', language: 'EN' }],
        idempotencyKey: nextKey(),
      },
    });
    expect(tooEarly.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'meeting' });
    const today_ = await platform.graphql(tokens.teacher, RESCHEDULE, {
      input: { meeting: meetingId, meetingVersion: 2, date: today, startTime: '09:00', place: 'Room 4, the school', idempotencyKey: nextKey() },
    });
    expect(today_.body.errors).toBeUndefined();
    const before = await footprint();
    const childsWords = await platform.graphql(tokens.teacher, MINUTES, {
      input: { meeting: meetingId, meetingVersion: 3, minutes: [{ section: 'ALL_ABOUT_ME', body: 'Words.', language: 'EN' }], idempotencyKey: nextKey() },
    });
    expect(childsWords.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes[0].section' });
    const notTheirs = await platform.graphql(tokens.teacher, MINUTES, {
      input: {
        meeting: meetingId,
        meetingVersion: 3,
        minutes: [{ section: 'SOCIAL_WORKER_VIEWS', body: 'Views.', language: 'EN' }],
        idempotencyKey: nextKey(),
      },
    });
    expect(notTheirs.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await footprint()).toEqual(before);
    const input = {
      meeting: meetingId,
      meetingVersion: 3,
      minutes: [
        { section: 'SCHOOL_PICTURE', body: 'Reading improving; maths support to continue.', language: 'EN' },
        { section: 'REVIEW_ACTIONS', body: 'Tutor twice a week; review in a term.', language: 'EN' },
      ],
      idempotencyKey: `pep-meetings-minutes-${Date.now()}`,
    };
    const first = await platform.graphql(tokens.teacher, MINUTES, { input });
    expect(first.body.errors).toBeUndefined();
    const held = first.body.data?.recordPepMeetingMinutes.meeting;
    expect(held).toMatchObject({
      status: 'HELD',
      version: 4,
      minutesRecordedIn: {
        status: 'DRAFT',
        version: 1,
        schoolPicture: { body: 'Reading improving; maths support to continue.', writtenByRole: 'designated-teacher' },
        reviewActions: { body: 'Tutor twice a week; review in a term.' },
      },
    });
    expect(held.minutesRecordedIn.id).not.toBe(child.pepId);
    const after = await footprint();
    expect(after.peps).toBe(before.peps! + 1);
    const again = await platform.graphql(tokens.teacher, MINUTES, { input });
    expect(again.body.data?.recordPepMeetingMinutes).toMatchObject({
      applied: false,
      meeting: { id: meetingId, minutesRecordedIn: { id: held.minutesRecordedIn.id } },
    });
    expect(await footprint()).toEqual(after);
    // The new version is the child's plan being written, and the agreed one keeps its own sections.
    const { body } = await platform.graphql(tokens.lead, `query($id: ID!) { learner(id: $id) { peps { id status } } }`, { id: child.learnerId });
    expect(body.data?.learner.peps).toEqual(
      expect.arrayContaining([
        { id: held.minutesRecordedIn.id, status: 'DRAFT' },
        { id: child.pepId, status: 'AGREED' },
      ]),
    );
    // A held meeting cannot be answered or moved any more.
    const late = await platform.graphql(tokens.child, RESPOND, { input: { meeting: meetingId, response: 'ACCEPTED', idempotencyKey: nextKey() } });
    expect(late.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('can be cancelled from its current version; then nobody can answer it', async () => {
    const scheduled = await platform.graphql(tokens.teacher, SCHEDULE, {
      input: {
        pep: child.pepId,
        date: inDays(30),
        startTime: '15:15',
        place: 'The school library',
        invitees: ['LEARNER', 'SOCIAL_WORKER'],
        idempotencyKey: nextKey(),
      },
    });
    expect(scheduled.body.errors).toBeUndefined();
    const id = scheduled.body.data?.schedulePepMeeting.meeting.id;
    const stale = await platform.graphql(tokens.lead, CANCEL, { input: { meeting: id, meetingVersion: 2, idempotencyKey: nextKey() } });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const cancelled = await platform.graphql(tokens.lead, CANCEL, { input: { meeting: id, meetingVersion: 1, idempotencyKey: nextKey() } });
    expect(cancelled.body.errors).toBeUndefined();
    expect(cancelled.body.data?.cancelPepMeeting.meeting).toMatchObject({ id, status: 'CANCELLED', version: 2 });
    const [invitation] = await invitationsIn(tokens.socialWorker, id);
    expect(invitation).toMatchObject({ readAt: null, meetingTomorrow: false, meeting: { status: 'CANCELLED' } });
    const answer = await platform.graphql(tokens.child, RESPOND, { input: { meeting: id, response: 'ACCEPTED', idempotencyKey: nextKey() } });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('shows a third authority nothing', async () => {
    expect(await invitationsIn(tokens.thirdLead, meetingId)).toEqual([]);
    const { body } = await platform.graphql(tokens.thirdLead, `query($id: ID!) { learner(id: $id) { id currentPep { meetings { id } } } }`, {
      id: child.learnerId,
    });
    expect(body.data?.learner).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const moved = await platform.graphql(tokens.thirdLead, RESCHEDULE, {
      input: { meeting: meetingId, meetingVersion: 4, date: inDays(2), startTime: '10:00', place: 'Elsewhere', idempotencyKey: nextKey() },
    });
    expect(moved.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(moved.body)).not.toContain('Room 4');
  });
});
