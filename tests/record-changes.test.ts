// Changes to the record beyond the PEP, through the real gateway: moves that notify those who must act,
// a school's daily register holding children of several authorities (all or nothing), exclusions and
// the "excluded this term" caseload filter, and bad input that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSchoolDays, isSchoolDay, schoolAuthorityCode } from '@wales-lac/wales';
import { authorityDb } from './support/fixtures.ts';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
let platform: TestPlatform;
let child: ChildUnderCare;
let lead: string;
let socialWorker: string;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.1' } });
  child = await childUnderCare(platform, CARDIFF);
  lead = await platform.token({ sub: 'vsh-cardiff-test', role: 'virtual-school-head', authority: CARDIFF });
  socialWorker = await platform.token({ sub: child.socialWorker, role: 'social-worker', authority: CARDIFF });
});
afterAll(async () => platform?.stop());

let key = 0;
const nextKey = () => `record-${Date.now()}-${++key}`;

/** The most recent school day on or before `date` (weekday in term). */
async function lastSchoolDay(): Promise<string> {
  const d = new Date(`${today}T00:00:00Z`);
  while (!isSchoolDay(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

async function count(code: string, table: string, learnerId: string): Promise<number> {
  const rows = await authorityDb(platform, code).unsafe<{ n: number }[]>(`select count(*)::int as n from ${table} where learner_id = $1`, [learnerId]);
  return rows[0]?.n ?? 0;
}

describe('a school move', () => {
  it('notifies the receiving school and, across a border, its authority’s education lead', async () => {
    const [school] = await authorityDb(platform, CARDIFF)<{ school_id: string; school_authority_code: string }[]>`
      select school_id, school_authority_code from enrolments
       where school_authority_code not in (${CARDIFF}, ${child.host}) and school_id <> ${child.schoolId} limit 1`;
    if (!school) throw new Error('no school outside Cardiff and the host in the test data');
    const move = await platform.graphql(
      lead,
      'mutation($input: RecordSchoolMoveInput!) { recordSchoolMove(input: $input) { applied recordId learner { currentSchool { id } pepStartDue } } }',
      {
        input: { learner: child.learnerId, school: school.school_id, startsOn: today, idempotencyKey: nextKey() },
      },
    );
    expect(move.body.errors).toBeUndefined();
    // A school move calls for the PEP to be started again (reviewed) within 10 school days.
    expect(move.body.data?.recordSchoolMove).toMatchObject({
      applied: true,
      learner: { currentSchool: { id: school.school_id }, pepStartDue: addSchoolDays(today, 10) },
    });

    const feed = 'query { notifications(unreadOnly: true) { totalCount edges { node { id kind effectiveOn movesTo readAt learner { id } } } } }';
    const teacher = await platform.token({
      sub: `dt-${school.school_id}`,
      role: 'designated-teacher',
      authority: school.school_authority_code,
      school: school.school_id,
    });
    const theirs = await platform.graphql(teacher, feed);
    expect(theirs.body.errors).toBeUndefined();
    const note = theirs.body.data?.notifications.edges.find((e: { node: { learner: { id: string } | null } }) => e.node.learner?.id === child.learnerId)?.node;
    expect(note).toMatchObject({ kind: 'SCHOOL_MOVE', effectiveOn: today, movesTo: school.school_id, readAt: null });

    const hostLead = await platform.token({ sub: 'vsh-receiving', role: 'virtual-school-head', authority: school.school_authority_code });
    const authorityFeed = await platform.graphql(hostLead, feed);
    expect(
      authorityFeed.body.data?.notifications.edges.some(
        (e: { node: { kind: string; movesTo: string } }) => e.node.kind === 'SCHOOL_MOVE' && e.node.movesTo === school.school_id,
      ),
    ).toBe(true);

    const audited = await authorityDb(
      platform,
      CARDIFF,
    )`select 1 from audit_log where learner_id = ${child.learnerId} and actor_subject = ${`dt-${school.school_id}`} and ${'Query.notifications'} = any(fields)`;
    expect(audited.length).toBeGreaterThan(0);
    const read = await platform.graphql(teacher, 'mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { readAt } }', {
      input: { notification: note.id, idempotencyKey: `mark-${note.id}` },
    });
    expect(read.body.data?.markNotificationRead.readAt).not.toBeNull();
    const after = await platform.graphql(teacher, feed);
    expect(after.body.data?.notifications.edges.some((e: { node: { id: string } }) => e.node.id === note.id)).toBe(false);

    const stranger = await platform.token({ sub: 'dt-elsewhere', role: 'designated-teacher', authority: CARDIFF, school: '6810000' });
    const refused = await platform.graphql(stranger, 'mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { readAt } }', {
      input: { notification: note.id, idempotencyKey: `mark-stranger-${note.id}` },
    });
    // Another school's notification answers as an id that is nobody's.
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'notification' });
  });

  it('refuses a school number that is not Welsh, naming it, and changes nothing', async () => {
    const before = await count(CARDIFF, 'enrolments', child.learnerId);
    const { body } = await platform.graphql(lead, 'mutation($input: RecordSchoolMoveInput!) { recordSchoolMove(input: $input) { applied } }', {
      input: { learner: child.learnerId, school: '9990001', startsOn: today, idempotencyKey: nextKey() },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'school' });
    expect(await count(CARDIFF, 'enrolments', child.learnerId)).toBe(before);
  });
});

describe('a placement move to another authority', () => {
  it('notifies that authority’s education lead, and may only be recorded by the allocated social worker', async () => {
    const destination = child.host === 'W06000011' ? 'W06000012' : 'W06000011';
    const input = { learner: child.learnerId, type: 'FOSTER', authority: destination, startsOn: today, idempotencyKey: nextKey() };
    const query =
      'mutation($input: RecordPlacementMoveInput!) { recordPlacementMove(input: $input) { applied learner { currentPlacement { authority { code } placedOutOfCounty } } } }';
    const byLead = await platform.graphql(lead, query, { input });
    expect(byLead.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const moved = await platform.graphql(socialWorker, query, { input });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data?.recordPlacementMove.learner.currentPlacement).toEqual({ authority: { code: destination }, placedOutOfCounty: true });
    const unknown = await platform.graphql(socialWorker, query, { input: { ...input, authority: 'W06000099', idempotencyKey: nextKey() } });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'authority' });
    const retried = await platform.graphql(socialWorker, query, { input });
    expect(retried.body.data?.recordPlacementMove.applied).toBe(false);

    const receivingLead = await platform.token({ sub: 'vsh-destination', role: 'virtual-school-head', authority: destination });
    const feed = await platform.graphql(receivingLead, 'query { notifications { edges { node { kind movesTo learner { id legalGivenName } } } } }');
    const notes = feed.body.data?.notifications.edges.filter(
      (e: { node: { kind: string; learner: { id: string } | null } }) => e.node.kind === 'PLACEMENT_MOVE' && e.node.learner?.id === child.learnerId,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].node.learner.legalGivenName).toEqual(expect.any(String));
  });
});

describe("a school's daily register", () => {
  let school = '';
  let teacher = '';
  let rows: { learner: string; authority: string }[] = [];
  let day = '';

  beforeAll(async () => {
    day = await lastSchoolDay();
    // A school with looked-after children of at least two authorities on its roll.
    const onRoll = new Map<string, { learner: string; authority: string }[]>();
    for (const [code, connection] of platform.databases.authorities) {
      const enrolled = await connection.sql<{ learner_id: string; school_id: string }[]>`
        select learner_id, school_id from enrolments where started_on <= ${day} and (ended_on is null or ended_on >= ${day})`;
      for (const e of enrolled) onRoll.set(e.school_id, [...(onRoll.get(e.school_id) ?? []), { learner: e.learner_id, authority: code }]);
    }
    const [chosen, pupils] = [...onRoll].find(([, list]) => new Set(list.map((p) => p.authority)).size >= 2) ?? ['', []];
    school = chosen;
    rows = pupils;
    teacher = await platform.token({ sub: `dt-${school}`, role: 'designated-teacher', authority: schoolAuthorityCode(school) ?? '', school });
  });

  const REGISTER = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { recorded applied } }';
  const marksOn = async () => {
    let n = 0;
    for (const row of rows) {
      const found = await authorityDb(platform, row.authority)<
        { am: string }[]
      >`select am from attendance_days where learner_id = ${row.learner} and date = ${day} and am = 'L'`;
      n += found.length;
    }
    return n;
  };

  it('is refused whole when one row is bad, naming the row, and nothing is written in any authority', async () => {
    expect(new Set(rows.map((r) => r.authority)).size).toBeGreaterThanOrEqual(2);
    const marks = rows.map((r, i) => ({ learner: r.learner, am: 'L', pm: i === rows.length - 1 ? 'Q' : '/' }));
    const { body } = await platform.graphql(teacher, REGISTER, { input: { school, date: day, marks, idempotencyKey: nextKey() } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'marks', row: rows.length - 1 });
    expect(body.errors?.[0]?.message).toContain(`marks[${rows.length - 1}]`);
    expect(await marksOn()).toBe(0);
  });

  it('is recorded whole for children of every authority on the roll, once per key', async () => {
    const input = { school, date: day, marks: rows.map((r) => ({ learner: r.learner, am: 'L', pm: '/' })), idempotencyKey: nextKey() };
    const first = await platform.graphql(teacher, REGISTER, { input });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.recordAttendance).toEqual({ recorded: rows.length, applied: true });
    expect(await marksOn()).toBe(rows.length);
    const again = await platform.graphql(teacher, REGISTER, { input });
    expect(again.body.data?.recordAttendance.applied).toBe(false);
  });

  it('refuses a day that is not a school day', async () => {
    const { body } = await platform.graphql(teacher, REGISTER, {
      input: { school, date: '2026-08-15', marks: [{ learner: rows[0]?.learner, am: '/', pm: '/' }], idempotencyKey: nextKey() },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
  });
});

describe('exclusions', () => {
  const RECORD = 'mutation($input: RecordExclusionInput!) { recordExclusion(input: $input) { applied recordId } }';

  it('are recorded by the school and listed by the "excluded this term" filter', async () => {
    const day = await lastSchoolDay();
    const teacher = await platform.token({ sub: `dt-${child.schoolId}`, role: 'designated-teacher', authority: child.host, school: child.schoolId });
    const [current] = await authorityDb(platform, CARDIFF)<
      { school_id: string }[]
    >`select school_id from enrolments where learner_id = ${child.learnerId} and ended_on is null`;
    const school = current?.school_id ?? child.schoolId;
    const schoolTeacher =
      school === child.schoolId
        ? teacher
        : await platform.token({ sub: `dt-${school}`, role: 'designated-teacher', authority: schoolAuthorityCode(school) ?? '', school });
    const { body } = await platform.graphql(schoolTeacher, RECORD, {
      input: {
        learner: child.learnerId,
        school,
        kind: 'FIXED_TERM',
        startsOn: day,
        sessions: 2,
        reason: 'persistent-disruptive-behaviour',
        idempotencyKey: nextKey(),
      },
    });
    expect(body.errors).toBeUndefined();
    const page = await platform.graphql(
      lead,
      `query { learners(first: 500, homeAuthority: "${CARDIFF}", excludedThisTerm: true) { edges { node { id exclusions { id } } } } }`,
    );
    const ids = page.body.data?.learners.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(child.learnerId);
    for (const edge of page.body.data?.learners.edges ?? []) expect(edge.node.exclusions.length).toBeGreaterThan(0);
  });

  it.each([
    ['startsOn', { startsOn: '2026-08-15' }, 'not a school day'],
    ['startsOn', { startsOn: '2099-01-05' }, 'in the future'],
    ['sessions', { sessions: 0 }, 'whole number from 1 to 90'],
    ['sessions', { kind: 'PERMANENT', sessions: 3 }, 'no number of sessions'],
    ['school', { school: '12' }, 'not a Welsh school number'],
    ['reason', { reason: 'being-annoying' }, 'not an exclusion reason code'],
  ])('refuses a bad %s (%j), naming it, and changes nothing', async (field, change, message) => {
    const before = await count(CARDIFF, 'exclusions', child.learnerId);
    const input = {
      learner: child.learnerId,
      school: child.schoolId,
      kind: 'FIXED_TERM',
      startsOn: today,
      sessions: 2,
      reason: 'damage',
      idempotencyKey: nextKey(),
      ...change,
    };
    const { body } = await platform.graphql(lead, RECORD, { input });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors?.[0]?.message).toContain(message);
    expect(await count(CARDIFF, 'exclusions', child.learnerId)).toBe(before);
  });
});

describe('well-being', () => {
  it('an SDQ is recorded by the allocated social worker and read back with its total', async () => {
    const input = {
      learner: child.learnerId,
      completedOn: today,
      informant: 'CARER',
      emotional: 5,
      conduct: 4,
      hyperactivity: 6,
      peer: 3,
      prosocial: 7,
      idempotencyKey: nextKey(),
    };
    const { body } = await platform.graphql(
      socialWorker,
      'mutation($input: RecordSdqInput!) { recordSdq(input: $input) { learner { sdqAssessments { completedOn totalDifficulties concern } } } }',
      { input },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.recordSdq.learner.sdqAssessments[0]).toEqual({ completedOn: today, totalDifficulties: 18, concern: true });
    const byLead = await platform.graphql(lead, 'mutation($input: RecordSdqInput!) { recordSdq(input: $input) { applied } }', {
      input: { ...input, idempotencyKey: nextKey() },
    });
    expect(byLead.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['TEACHER', 16, true],
    ['TEACHER', 15, false],
    ['SELF', 19, false],
    ['SELF', 20, true],
  ])('classes a %s SDQ totalling %d by that informant’s band of concern (%s)', async (informant, total, concern) => {
    const scales = { emotional: Math.min(total, 10), conduct: Math.max(total - 10, 0), hyperactivity: 0, peer: 0, prosocial: 5 };
    const input = { learner: child.learnerId, completedOn: today, informant, ...scales, idempotencyKey: nextKey() };
    const { body } = await platform.graphql(
      socialWorker,
      'mutation($input: RecordSdqInput!) { recordSdq(input: $input) { recordId learner { sdqAssessments { id informant totalDifficulties concern } } } }',
      { input },
    );
    expect(body.errors).toBeUndefined();
    const recorded = body.data?.recordSdq.learner.sdqAssessments.find((s: { id: string }) => s.id === body.data?.recordSdq.recordId);
    expect(recorded).toMatchObject({ informant, totalDifficulties: total, concern });
  });

  it('refuses a scale outside 0 to 10 and a date before birth', async () => {
    const base = { learner: child.learnerId, completedOn: today, informant: 'CARER', emotional: 5, conduct: 4, hyperactivity: 6, peer: 3, prosocial: 7 };
    const query = 'mutation($input: RecordSdqInput!) { recordSdq(input: $input) { applied } }';
    const scale = await platform.graphql(socialWorker, query, { input: { ...base, peer: 11, idempotencyKey: nextKey() } });
    expect(scale.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'peer' });
    const early = await platform.graphql(socialWorker, query, { input: { ...base, completedOn: '1990-01-01', idempotencyKey: nextKey() } });
    expect(early.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'completedOn' });
    expect(early.body.errors?.[0]?.message).toContain('date of birth');
  });
});

describe('finding a pupil by UPN', () => {
  it('returns the child with that UPN, and refuses a UPN whose check letter is wrong, naming it', async () => {
    const [row] = await authorityDb(platform, CARDIFF)<{ upn: string }[]>`select upn from learners where id = ${child.learnerId}`;
    const upn = row?.upn ?? '';
    const query = 'query($upn: String) { learners(first: 10, upn: $upn) { totalCount edges { node { id } } } }';
    const found = await platform.graphql(lead, query, { upn });
    expect(found.body.data?.learners).toMatchObject({ totalCount: 1, edges: [{ node: { id: child.learnerId } }] });
    const wrongLetter = `${upn.charAt(0) === 'A' ? 'B' : 'A'}${upn.slice(1)}`;
    const refused = await platform.graphql(lead, query, { upn: wrongLetter });
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'upn' });
    expect(refused.body.errors?.[0]?.message).toContain('check letter should be');
  });
});

describe('changes refused before anything about the child is looked up', () => {
  it('tells a caller with no right to change the record nothing about the child, and audits the refusal', async () => {
    const stranger = await platform.token({ sub: 'vsh-anglesey-probe', role: 'virtual-school-head', authority: 'W06000001' });
    const exclusion = await platform.graphql(stranger, 'mutation($input: RecordExclusionInput!) { recordExclusion(input: $input) { applied } }', {
      input: {
        learner: child.learnerId,
        school: child.schoolId,
        kind: 'FIXED_TERM',
        startsOn: '2000-01-04',
        sessions: 2,
        reason: 'damage',
        idempotencyKey: nextKey(),
      },
    });
    expect(exclusion.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(exclusion.body.errors?.[0]?.message).not.toMatch(/birth|\d{4}-\d{2}-\d{2}/);
    const move = await platform.graphql(stranger, 'mutation($input: RecordSchoolMoveInput!) { recordSchoolMove(input: $input) { applied } }', {
      input: { learner: child.learnerId, school: child.schoolId, startsOn: today, idempotencyKey: nextKey() },
    });
    expect(move.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audited = await authorityDb(
      platform,
      CARDIFF,
    )`select 1 from audit_log where learner_id = ${child.learnerId} and actor_subject = 'vsh-anglesey-probe' and decision = 'denied'`;
    expect(audited).toHaveLength(2);
  });

  it('does not let a designated teacher of a home-authority school record for another school or move the child', async () => {
    const [other] = await authorityDb(platform, CARDIFF)<{ school_id: string }[]>`
      select school_id from enrolments where school_authority_code = ${CARDIFF} and learner_id <> ${child.learnerId} limit 1`;
    const teacher = await platform.token({ sub: `dt-${other?.school_id}`, role: 'designated-teacher', authority: CARDIFF, school: other?.school_id });
    const exclusion = await platform.graphql(teacher, 'mutation($input: RecordExclusionInput!) { recordExclusion(input: $input) { applied } }', {
      input: {
        learner: child.learnerId,
        school: child.schoolId,
        kind: 'FIXED_TERM',
        startsOn: await lastSchoolDay(),
        sessions: 2,
        reason: 'damage',
        idempotencyKey: nextKey(),
      },
    });
    expect(exclusion.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const move = await platform.graphql(teacher, 'mutation($input: RecordSchoolMoveInput!) { recordSchoolMove(input: $input) { applied } }', {
      input: { learner: child.learnerId, school: other?.school_id, startsOn: today, idempotencyKey: nextKey() },
    });
    expect(move.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('idempotency keys and scheduled moves', () => {
  it('refuses a key reused for a different change, and records nothing for it', async () => {
    const query = 'mutation($input: RecordInterventionInput!) { recordIntervention(input: $input) { applied recordId } }';
    const input = {
      learner: child.learnerId,
      kind: 'TUTORING',
      startsOn: today,
      grantFunded: true,
      description: 'Maths tutoring, two hours a week',
      idempotencyKey: nextKey(),
    };
    const first = await platform.graphql(lead, query, { input });
    expect(first.body.data?.recordIntervention.applied).toBe(true);
    const before = await count(CARDIFF, 'interventions', child.learnerId);
    const reused = await platform.graphql(lead, query, { input: { ...input, description: 'Mentoring on Fridays' } });
    expect(reused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await count(CARDIFF, 'interventions', child.learnerId)).toBe(before);
    const retried = await platform.graphql(lead, query, { input });
    expect(retried.body.data?.recordIntervention).toEqual({ applied: false, recordId: first.body.data?.recordIntervention.recordId });
  });

  it('refuses a move that would start before one already recorded for a later date, naming the date', async () => {
    const query = 'mutation($input: RecordPlacementMoveInput!) { recordPlacementMove(input: $input) { applied } }';
    const later = addDays(today, 30);
    const first = await platform.graphql(socialWorker, query, {
      input: { learner: child.learnerId, type: 'FOSTER', authority: CARDIFF, startsOn: later, idempotencyKey: nextKey() },
    });
    expect(first.body.errors).toBeUndefined();
    const earlier = await platform.graphql(socialWorker, query, {
      input: { learner: child.learnerId, type: 'KINSHIP_FOSTER', authority: CARDIFF, startsOn: addDays(today, 10), idempotencyKey: nextKey() },
    });
    expect(earlier.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsOn' });
    expect(earlier.body.errors?.[0]?.message).toContain(later);
  });

  it('refuses a register mark that is not a register code even when it names an object property', async () => {
    const [row] = await authorityDb(platform, CARDIFF)<
      { school_id: string }[]
    >`select school_id from enrolments where learner_id = ${child.learnerId} and ended_on is null`;
    const { body } = await platform.graphql(lead, 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { applied } }', {
      input: { school: row?.school_id, date: await lastSchoolDay(), marks: [{ learner: child.learnerId, am: 'toString', pm: '/' }], idempotencyKey: nextKey() },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'marks', row: 0 });
  });
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
