// The whole PEP cycle for a child placed out of county, through the real gateway with role tokens:
// the home authority starts the plan, the school adds its sections and a target, the child writes
// "All about me" in Welsh, the social worker adds views, the three roles sign it off, the virtual
// school rates it, and next term the school records progress (the agreement's sign-offs are then no longer
// current); the next version, once agreed, supersedes it (no review state, no current sign-off). Each caller
// sees what the matrix allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityDb } from './support/fixtures.ts';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
let platform: TestPlatform;
let child: ChildUnderCare;
let today = new Date().toISOString().slice(0, 10);
const tokens: Record<'lead' | 'hostLead' | 'teacher' | 'learner' | 'socialWorker', string> = {
  lead: '',
  hostLead: '',
  teacher: '',
  learner: '',
  socialWorker: '',
};

beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.1' }, today: () => today });
  child = await childUnderCare(platform, CARDIFF, ['agreed']);
  tokens.lead = await platform.token({ sub: 'vsh-cardiff-test', role: 'virtual-school-head', authority: CARDIFF });
  tokens.hostLead = await platform.token({ sub: 'vsh-host-test', role: 'virtual-school-head', authority: child.host });
  tokens.teacher = await platform.token({ sub: `dt-${child.schoolId}`, role: 'designated-teacher', authority: child.host, school: child.schoolId });
  tokens.learner = await platform.token({ sub: 'learner-test', role: 'learner', learner: child.learnerId });
  tokens.socialWorker = await platform.token({ sub: child.socialWorker, role: 'social-worker', authority: CARDIFF });
});
afterAll(async () => platform?.stop());

let key = 0;
const nextKey = () => `pep-cycle-${Date.now()}-${++key}`;

const PEP_FIELDS = `id status version completedOn nextReviewDue
  allAboutMe { body language onBehalf title prompt }
  schoolPicture { body writtenByRole }
  socialWorkerViews { body }
  targets { id description ownerRole progress }
  signOffs { role current }
  requiredSigners
  quality { rating comments }`;

async function change(who: keyof typeof tokens, mutation: string, input: Record<string, unknown>) {
  const query = `mutation($input: ${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { applied pep { ${PEP_FIELDS} } } }`;
  const { body } = await platform.graphql(tokens[who], query, { input: { idempotencyKey: nextKey(), ...input } });
  return body;
}

describe('bad input, refused roles and simultaneous edits of a PEP', () => {
  const SWANSEA = 'W06000011';
  let other: ChildUnderCare;
  let pep = '';
  let version = 0;
  let swanseaLead = '';
  let hostLead = '';

  beforeAll(async () => {
    other = await childUnderCare(platform, SWANSEA, ['draft', 'in-review']);
    const [row] = await authorityDb(platform, SWANSEA)<
      { id: string; version: number }[]
    >`select id, version from peps where learner_id = ${other.learnerId} and status in ('draft', 'in-review')`;
    pep = row?.id ?? '';
    version = row?.version ?? 0;
    swanseaLead = await platform.token({ sub: 'vsh-swansea-test', role: 'virtual-school-head', authority: SWANSEA });
    hostLead = await platform.token({ sub: 'vsh-host-of-swansea-child', role: 'virtual-school-head', authority: other.host });
  });

  const write = (token: string, input: Record<string, unknown>) =>
    platform.graphql(token, 'mutation($input: WritePepSectionInput!) { writePepSection(input: $input) { applied pep { version } } }', {
      input: { idempotencyKey: nextKey(), ...input },
    });
  const versionNow = async () => (await authorityDb(platform, SWANSEA)<{ version: number }[]>`select version from peps where id = ${pep}`)[0]?.version;

  it('refuses a target whose owner is not a TargetOwnerRole (GraphQL validation) or due in the past, and changes nothing', async () => {
    const query = 'mutation($input: AddPepTargetInput!) { addPepTarget(input: $input) { applied } }';
    for (const ownerRole of ['', 'designated-teacher', 'HEADTEACHER']) {
      const { body } = await platform.graphql(swanseaLead, query, {
        input: { pep, description: 'Read a chapter book', ownerRole, dueOn: inDays(30), pepVersion: version, idempotencyKey: nextKey() },
      });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ownerRole' });
      expect(body.errors?.[0]?.message).toContain(`ownerRole: '${ownerRole}' is not a value of TargetOwnerRole; use one of DESIGNATED_TEACHER,`);
    }
    const past = await platform.graphql(swanseaLead, query, {
      input: { pep, description: 'Read a chapter book', ownerRole: 'CARER', dueOn: '2020-01-01', pepVersion: version, idempotencyKey: nextKey() },
    });
    expect(past.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueOn' });
    expect(await versionNow()).toBe(version);
  });

  it('refuses a sign-off by a role that does not agree PEPs, and a section in a language other than Welsh or English', async () => {
    const sign = await platform.graphql(hostLead, 'mutation($input: SignOffPepInput!) { signOffPep(input: $input) { applied } }', {
      input: { pep, pepVersion: version, idempotencyKey: nextKey() },
    });
    expect(sign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await write(swanseaLead, { pep, section: 'SUPPORT', body: 'Tutoring twice a week', language: 'OTHER', pepVersion: version });
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    const empty = await write(swanseaLead, { pep, section: 'SUPPORT', body: '   ', language: 'EN', pepVersion: version });
    expect(empty.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(await versionNow()).toBe(version);
  });

  it('makes one draft of three simultaneous starts; the others are told a plan is being written', async () => {
    const agreed = await childUnderCare(platform, SWANSEA, ['agreed']);
    const start = () =>
      platform.graphql(swanseaLead, 'mutation($input: StartPepInput!) { startPep(input: $input) { applied pep { id } } }', {
        input: { learner: agreed.learnerId, idempotencyKey: nextKey() },
      });
    const answers = await Promise.all([start(), start(), start()]);
    expect(answers.map((a) => (a.body.errors ? a.body.errors[0]?.extensions?.code : 'applied')).sort()).toEqual(['CONFLICT', 'CONFLICT', 'applied']);
    const drafts = await authorityDb(platform, SWANSEA)`select 1 from peps where learner_id = ${agreed.learnerId} and status in ('draft', 'in-review')`;
    expect(drafts).toHaveLength(1);
  });

  it('applies one of two simultaneous edits of the same section and answers the other CONFLICT', async () => {
    const [a, b] = await Promise.all([
      write(swanseaLead, { pep, section: 'SUPPORT', body: 'Tutoring twice a week (first editor)', language: 'EN', pepVersion: version }),
      write(swanseaLead, { pep, section: 'SUPPORT', body: 'Mentoring on Fridays (second editor)', language: 'EN', pepVersion: version }),
    ]);
    const outcomes = [a.body, b.body].map((body) => (body.errors ? body.errors[0]?.extensions?.code : 'applied')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'applied']);
    const winner = a.body.errors ? 'Mentoring on Fridays (second editor)' : 'Tutoring twice a week (first editor)';
    const [row] = await authorityDb(platform, SWANSEA)<{ body: string }[]>`select body from pep_sections where pep_id = ${pep} and section = 'support'`;
    expect(row?.body).toBe(winner);
    expect(await versionNow()).toBe(version + 1);
  });
});

describe('the PEP cycle for a child placed out of county', () => {
  let pepId = '';
  let version = 0;
  let previousPep = '';

  it('starts with the home authority: a new draft carrying the agreed plan’s sections and open targets', async () => {
    previousPep =
      (await authorityDb(platform, CARDIFF)<{ id: string }[]>`select id from peps where learner_id = ${child.learnerId} and status = 'agreed'`)[0]?.id ?? '';
    const body = await change('lead', 'startPep', { learner: child.learnerId });
    expect(body.errors).toBeUndefined();
    const pep = body.data?.startPep.pep;
    expect(pep).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(pep.id).not.toBe(previousPep);
    pepId = pep.id;
    version = pep.version;
    const again = await change('lead', 'startPep', { learner: child.learnerId });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('the school adds its picture and a target', async () => {
    const picture = await change('teacher', 'writePepSection', {
      pep: pepId,
      section: 'SCHOOL_PICTURE',
      body: 'Reading at age-related expectations; maths a year behind.',
      language: 'EN',
      pepVersion: version,
    });
    expect(picture.errors).toBeUndefined();
    expect(picture.data?.writePepSection.pep.schoolPicture).toEqual({
      body: 'Reading at age-related expectations; maths a year behind.',
      writtenByRole: 'designated-teacher',
    });
    version = picture.data?.writePepSection.pep.version;
    const target = await change('teacher', 'addPepTarget', {
      pep: pepId,
      description: 'Close the gap in maths to six months by the summer',
      ownerRole: 'DESIGNATED_TEACHER',
      dueOn: inDays(120),
      pepVersion: version,
    });
    expect(target.errors).toBeUndefined();
    version = target.data?.addPepTarget.pep.version;
    expect(target.data?.addPepTarget.pep.targets).toContainEqual(
      expect.objectContaining({ description: 'Close the gap in maths to six months by the summer', ownerRole: 'DESIGNATED_TEACHER' }),
    );
    const [stored] = await authorityDb(platform, CARDIFF)<
      { owner_role: string }[]
    >`select owner_role from pep_targets where pep_id = ${pepId} and description = 'Close the gap in maths to six months by the summer'`;
    expect(stored?.owner_role).toBe('designated-teacher');
  });

  it('the child says they want to be addressed in Welsh', async () => {
    const { body } = await platform.graphql(
      tokens.learner,
      'mutation($input: RecordLanguagePreferenceInput!) { recordLanguagePreference(input: $input) { applied learner { languagePreference } } }',
      {
        input: { learner: child.learnerId, language: 'CY', idempotencyKey: nextKey() },
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.recordLanguagePreference).toEqual({ applied: true, learner: { languagePreference: 'CY' } });
  });

  it('the child writes All about me in Welsh, and sees its title in Welsh', async () => {
    const words = 'Dw i’n hoffi pêl-droed a chelf. Dw i eisiau gwella fy narllen.';
    const body = await change('learner', 'writePepSection', { pep: pepId, section: 'ALL_ABOUT_ME', body: words, language: 'CY', pepVersion: version });
    expect(body.errors).toBeUndefined();
    const section = body.data?.writePepSection.pep.allAboutMe;
    expect(section).toMatchObject({ body: words, language: 'CY', onBehalf: false });
    expect(section.title).toBe('Popeth amdana i');
    version = body.data?.writePepSection.pep.version;
  });

  it('the child may not write the school’s sections or sign the plan', async () => {
    const section = await change('learner', 'writePepSection', { pep: pepId, section: 'SCHOOL_PICTURE', body: 'x', language: 'EN', pepVersion: version });
    expect(section.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const sign = await change('learner', 'signOffPep', { pep: pepId, pepVersion: version });
    expect(sign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the social worker adds their views', async () => {
    const body = await change('socialWorker', 'writePepSection', {
      pep: pepId,
      section: 'SOCIAL_WORKER_VIEWS',
      body: 'Settled in the placement; contact with mum is going well.',
      language: 'EN',
      pepVersion: version,
    });
    expect(body.errors).toBeUndefined();
    version = body.data?.writePepSection.pep.version;
  });

  it('is agreed when the education lead, social worker and designated teacher have signed the same version', async () => {
    const first = await change('lead', 'signOffPep', { pep: pepId, pepVersion: version });
    expect(first.data?.signOffPep.pep).toMatchObject({ status: 'IN_REVIEW', requiredSigners: ['EDUCATION_LEAD', 'SOCIAL_WORKER', 'DESIGNATED_TEACHER'] });
    const second = await change('socialWorker', 'signOffPep', { pep: pepId, pepVersion: version });
    expect(second.data?.signOffPep.pep.status).toBe('IN_REVIEW');
    const third = await change('teacher', 'signOffPep', { pep: pepId, pepVersion: version });
    expect(third.errors).toBeUndefined();
    const pep = third.data?.signOffPep.pep;
    expect(pep).toMatchObject({ status: 'AGREED', completedOn: today });
    expect(pep.signOffs.every((s: { current: boolean }) => s.current)).toBe(true);
    expect(pep.nextReviewDue > today).toBe(true);
    const [old] = await authorityDb(platform, CARDIFF)<{ status: string }[]>`select status from peps where id = ${previousPep}`;
    expect(old?.status).toBe('superseded');
  });

  it('is rated by the virtual school', async () => {
    const body = await change('lead', 'ratePepQuality', {
      pep: pepId,
      rating: 'GREEN',
      comments: 'Targets are specific and the child’s voice is clear.',
      pepVersion: version,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.ratePepQuality.pep.quality).toEqual({ rating: 'GREEN', comments: 'Targets are specific and the child’s voice is clear.' });
  });

  it('next term, the school records progress on the agreed plan', async () => {
    today = inDays(100);
    const { body } = await platform.graphql(tokens.teacher, 'query($id: ID!) { learner(id: $id) { currentPep { id version targets { id description } } } }', {
      id: child.learnerId,
    });
    const pep = body.data?.learner.currentPep;
    expect(pep.id).toBe(pepId);
    const target = pep.targets.find((t: { description: string }) => t.description.startsWith('Close the gap'));
    const progress = await platform.graphql(
      tokens.teacher,
      'mutation($input: RecordTargetProgressInput!) { recordTargetProgress(input: $input) { applied pep { status version targets { id progress } signOffs { pepVersion current } } } }',
      { input: { targetId: target.id, progress: 'IN_PROGRESS', pepVersion: pep.version, idempotencyKey: nextKey() } },
    );
    expect(progress.body.errors).toBeUndefined();
    expect(progress.body.data?.recordTargetProgress.pep.targets.find((t: { id: string }) => t.id === target.id).progress).toBe('IN_PROGRESS');
    // Progress raises the plan's version: the plan stays agreed, but its sign-offs were for the version before.
    const after = progress.body.data?.recordTargetProgress.pep;
    expect(after).toMatchObject({ status: 'AGREED', version: pep.version + 1 });
    expect(after.signOffs.length).toBeGreaterThanOrEqual(3);
    for (const s of after.signOffs as { pepVersion: number; current: boolean }[]) expect(s).toEqual({ pepVersion: pep.version, current: false });
  });

  it('keeps the plan it replaced readable, with its own sections', async () => {
    const { body } = await platform.graphql(tokens.lead, 'query($id: ID!) { learner(id: $id) { peps { id status } } }', { id: child.learnerId });
    const statuses = Object.fromEntries(body.data?.learner.peps.map((p: { id: string; status: string }) => [p.id, p.status]));
    expect(statuses[previousPep]).toBe('SUPERSEDED');
    expect(statuses[pepId]).toBe('AGREED');
  });

  it('shows each caller what the matrix allows of the plan', async () => {
    const query =
      'query($id: ID!) { learner(id: $id) { currentPep { allAboutMe { body } schoolPicture { body } educationPicture { attendanceThisYear { possibleSessions } } } sdqAssessments { id } } }';
    const read = async (who: keyof typeof tokens) => (await platform.graphql(tokens[who], query, { id: child.learnerId })).body;
    const forbiddenPaths = (body: Awaited<ReturnType<typeof read>>) =>
      (body.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.path?.join('.'));

    const host = await read('hostLead');
    expect(host.data?.learner.currentPep.allAboutMe.body).toContain('pêl-droed');
    expect(forbiddenPaths(host)).toEqual(['learner.sdqAssessments']);

    const learner = await read('learner');
    expect(learner.data?.learner.currentPep.schoolPicture.body).toContain('maths');
    expect(forbiddenPaths(learner).sort()).toEqual(['learner.currentPep.educationPicture', 'learner.sdqAssessments']);

    const teacher = await read('teacher');
    expect(forbiddenPaths(teacher)).toEqual([]);
  });

  it('once the next version is agreed, the plan it replaces has no current sign-offs and no review state', async () => {
    const started = await change('lead', 'startPep', { learner: child.learnerId });
    expect(started.errors).toBeUndefined();
    const next = started.data?.startPep.pep;
    for (const who of ['lead', 'socialWorker', 'teacher'] as const)
      expect((await change(who, 'signOffPep', { pep: next.id, pepVersion: next.version })).errors).toBeUndefined();
    const { body } = await platform.graphql(tokens.lead, 'query($id: ID!) { learner(id: $id) { peps { id status reviewState signOffs { current } } } }', {
      id: child.learnerId,
    });
    type Plan = { id: string; status: string; reviewState: string | null; signOffs: { current: boolean }[] };
    const plans = new Map((body.data?.learner.peps as Plan[]).map((p) => [p.id, p]));
    const replaced = plans.get(pepId);
    expect(replaced).toMatchObject({ status: 'SUPERSEDED', reviewState: null });
    expect(replaced?.signOffs.length).toBeGreaterThanOrEqual(3);
    expect(replaced?.signOffs.every((s) => !s.current)).toBe(true);
    expect(plans.get(previousPep)).toMatchObject({ status: 'SUPERSEDED', reviewState: null });
    const agreed = plans.get(next.id);
    expect(agreed).toMatchObject({ status: 'AGREED', reviewState: 'ON_TRACK' });
    expect(agreed?.signOffs.map((s) => s.current)).toEqual([true, true, true]);
  });
});

function inDays(days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
