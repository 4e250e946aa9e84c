// Alerts (decision 0029) through the real gateway: the clock moved, the daily computation run, each kind in
// the feed of the people who should act and nobody else's, no duplicates on a second run (or from the
// command), email for the one who chose it (captured at /dev/mail, naming no child), a failed send kept
// pending and retried after its backoff, and bad preference input refused naming the field.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { REPOSITORY_ROOT } from '@wales-lac/platform';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { anotherAuthority, authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const NEWPORT = 'W06000022';
const real = new Date().toISOString().slice(0, 10);
const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
let day = real;
let clock = new Date();
let platform: TestPlatform;
let child: ChildUnderCare;
let people: { socialWorkerEmail: string; teacherEmail: string | null; name: string; upn: string };
const tokens: Record<string, string> = {};

const FEED = `query { notifications(first: 500) { edges { node { id kind period effectiveOn learner { id } } } } }`;
const PREFERENCES = `query { notificationPreferences { kind delivery } }`;
const SET = `mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { kind delivery } }`;

type FeedNode = { id: string; kind: string; learner: { id: string } | null };

/** Someone's feed from Newport about the child (or, with anyChild, about any child). */
async function feedOf(token: string, anyChild = false): Promise<FeedNode[]> {
  const { body } = await platform.graphql(token, FEED);
  expect(body.errors ?? []).toEqual([]);
  const edges = (body.data?.notifications?.edges ?? []) as { node: FeedNode }[];
  return edges.map((e) => e.node).filter((n) => n.id.startsWith(NEWPORT) && (anyChild || n.learner?.id === child.learnerId));
}

/** The kinds in someone's feed about the child, sorted. */
async function kindsFor(token: string, anyChild = false): Promise<string[]> {
  return (await feedOf(token, anyChild)).map((n) => n.kind).sort();
}

/** The captured mails that link to one of the child's notifications in the social worker's feed. */
async function mailsAboutTheChild() {
  const ids = (await feedOf(tokens.socialWorker!)).map((n) => encodeURIComponent(n.id));
  return (await capturedMails()).filter((m) => m.to.includes(people.socialWorkerEmail) && ids.some((id) => m.text.includes(id)));
}

const ALERT_KINDS = ['ATTENDANCE_DROP', 'ATTENDANCE_LOW', 'EXCLUSION', 'PEP_REVIEW_DUE', 'PEP_START_OVERDUE', 'SDQ_CONCERN', 'PEP_REVIEW_OVERDUE'];
const alertsOnly = (kinds: string[]) => kinds.filter((k) => ALERT_KINDS.includes(k));

async function capturedMails(): Promise<{ to: string; subject: string; text: string }[]> {
  const response = await fetch(new URL('/dev/mail.json', platform.url));
  expect(response.status).toBe(200);
  return ((await response.json()) as { mails: { to: string; subject: string; text: string }[] }).mails;
}

beforeAll(async () => {
  platform = await startTestPlatform({ today: () => day, now: () => clock, env: { OUTBOX_DISPATCH_SECONDS: '0', ALERTS_EVERY_MINUTES: '0' } });
  child = await childUnderCare(platform, NEWPORT);
  const sql = authorityDb(platform, NEWPORT);
  const [who] = await sql<{ email: string; name: string; upn: string }[]>`
    select a.work_email as email, l.legal_given_name || ' ' || l.legal_family_name as name, l.upn
      from staff_allocations a join learners l on l.id = a.learner_id
     where a.learner_id = ${child.learnerId} and a.staff_role = 'social-worker' and a.staff_subject = ${child.socialWorker} limit 1`;
  const [teacher] = await sql<
    { email: string }[]
  >`select work_email as email from staff_allocations where learner_id = ${child.learnerId} and staff_role = 'designated-teacher' and ended_on is null limit 1`;
  people = { socialWorkerEmail: who?.email ?? '', teacherEmail: teacher?.email ?? null, name: who?.name ?? '', upn: who?.upn ?? '' };

  // The record as of the day: a review in three days, a school joined 60 days ago with no plan started
  // since, four weeks of full attendance then four weeks absent, an exclusion and an SDQ of concern today.
  await sql.begin(async (tx) => {
    await tx`update peps set initiated_on = '2001-09-03' where learner_id = ${child.learnerId}`;
    await tx`update peps set next_review_due = ${plus(day, 3)} where learner_id = ${child.learnerId} and status <> 'superseded'`;
    await tx`update enrolments set started_on = ${plus(day, -60)} where learner_id = ${child.learnerId} and ended_on is null`;
    await tx`delete from attendance_days where learner_id = ${child.learnerId} and date >= ${plus(day, -55)}`;
    for (let d = -55; d <= 0; d += 1) {
      const date = plus(day, d);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const mark = d >= -27 ? 'O' : '/';
      await tx`insert into attendance_days (learner_id, date, school_id, am, pm) values (${child.learnerId}, ${date}, ${child.schoolId}, ${mark}, ${mark})`;
    }
    await tx`insert into exclusions (id, learner_id, school_id, kind, starts_on, sessions, reason) values (${`${NEWPORT}:EX900001`}, ${child.learnerId}, ${child.schoolId}, 'fixed-term', ${day}, 2, 'other')`;
    await tx`insert into sdq_assessments (id, learner_id, completed_on, informant, emotional, conduct, hyperactivity, peer, prosocial) values (${`${NEWPORT}:SDQ900001`}, ${child.learnerId}, ${day}, 'carer', 8, 6, 7, 5, 3)`;
  });

  tokens.socialWorker = await platform.token({ sub: child.socialWorker, role: 'social-worker', authority: NEWPORT });
  tokens.otherWorker = await platform.token({ sub: 'sw-not-this-child', role: 'social-worker', authority: NEWPORT });
  tokens.teacher = await platform.token({ sub: 'dt-alerts', role: 'designated-teacher', authority: child.host, school: child.schoolId });
  tokens.lead = await platform.token({ sub: 'vsh-newport-alerts', role: 'virtual-school-head', authority: NEWPORT });
  tokens.otherLead = await platform.token({
    sub: 'vsh-elsewhere-alerts',
    role: 'virtual-school-head',
    authority: anotherAuthority(platform, NEWPORT, child.host),
  });
  tokens.hostLead = await platform.token({ sub: 'vsh-host-alerts', role: 'virtual-school-head', authority: child.host });
});
afterAll(async () => platform?.stop());

describe('delivery preferences', () => {
  it('are the feed only until chosen, and a choice is kept and answered', async () => {
    const before = await platform.graphql(tokens.socialWorker!, PREFERENCES);
    expect(before.body.errors ?? []).toEqual([]);
    expect(new Set(before.body.data?.notificationPreferences.map((p: { delivery: string }) => p.delivery))).toEqual(new Set(['FEED']));
    const choices = ['EXCLUSION', 'SDQ_CONCERN', 'PEP_REVIEW_DUE', 'ATTENDANCE_LOW', 'ATTENDANCE_DROP', 'PEP_START_OVERDUE'].map((kind) => ({
      kind,
      delivery: 'FEED_AND_EMAIL',
    }));
    const set = await platform.graphql(tokens.socialWorker!, SET, { input: { choices, idempotencyKey: 'alerts-sw-email-1' } });
    expect(set.body.errors ?? []).toEqual([]);
    expect(set.body.data?.setNotificationPreferences.find((p: { kind: string }) => p.kind === 'EXCLUSION')?.delivery).toBe('FEED_AND_EMAIL');
    // The teacher chooses the feed only, explicitly.
    const teacher = await platform.graphql(tokens.teacher!, SET, {
      input: {
        choices: [
          { kind: 'SDQ_CONCERN', delivery: 'FEED' },
          { kind: 'PEP_REVIEW_DUE', delivery: 'FEED' },
        ],
        idempotencyKey: 'alerts-dt-feed-1',
      },
    });
    expect(teacher.body.errors ?? []).toEqual([]);
    // Kept in every authority: read back from the worker's own, the same answer.
    const after = await platform.graphql(tokens.socialWorker!, PREFERENCES);
    expect(after.body.data?.notificationPreferences.filter((p: { delivery: string }) => p.delivery === 'FEED_AND_EMAIL')).toHaveLength(6);
    const stored = await authorityDb(platform, child.host)<
      { n: number }[]
    >`select count(*)::int as n from notification_preferences where subject = ${child.socialWorker} and delivery = 'feed-and-email'`;
    expect(stored[0]?.n).toBe(6);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const twice = await platform.graphql(tokens.socialWorker!, SET, {
      input: {
        choices: [
          { kind: 'EXCLUSION', delivery: 'FEED' },
          { kind: 'EXCLUSION', delivery: 'FEED' },
        ],
        idempotencyKey: 'alerts-sw-bad-1',
      },
    });
    expect(twice.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'choices.1.kind']]);
    const none = await platform.graphql(tokens.socialWorker!, SET, { input: { choices: [], idempotencyKey: 'alerts-sw-bad-2' } });
    expect(none.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'choices']]);
    const key = await platform.graphql(tokens.socialWorker!, SET, { input: { choices: [{ kind: 'EXCLUSION', delivery: 'FEED' }], idempotencyKey: 'short' } });
    expect(key.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'idempotencyKey']]);
    const after = await platform.graphql(tokens.socialWorker!, PREFERENCES);
    expect(after.body.data?.notificationPreferences.find((p: { kind: string }) => p.kind === 'EXCLUSION')?.delivery).toBe('FEED_AND_EMAIL');
    // A learner has no feed and no preferences.
    const learner = await platform.token({ sub: 'learner-alerts', role: 'learner', learner: child.learnerId });
    const refused = await platform.graphql(learner, SET, { input: { choices: [{ kind: 'EXCLUSION', delivery: 'FEED' }], idempotencyKey: 'alerts-learner-1' } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the daily computation', () => {
  it('puts each kind in the feed of those who should act, and nobody else’s', async () => {
    await platform.alerts.run();
    expect(alertsOnly(await kindsFor(tokens.socialWorker!))).toEqual([
      'ATTENDANCE_DROP',
      'ATTENDANCE_LOW',
      'EXCLUSION',
      'PEP_REVIEW_DUE',
      'PEP_START_OVERDUE',
      'SDQ_CONCERN',
    ]);
    expect(alertsOnly(await kindsFor(tokens.teacher!))).toEqual(['ATTENDANCE_DROP', 'ATTENDANCE_LOW', 'PEP_REVIEW_DUE', 'SDQ_CONCERN']);
    expect(alertsOnly(await kindsFor(tokens.lead!))).toEqual(['EXCLUSION', 'PEP_START_OVERDUE']);
    // Alerts go to the home authority's lead only, and to a child's own social worker: none of these has any from Newport.
    for (const other of ['otherWorker', 'otherLead', 'hostLead']) expect(alertsOnly(await kindsFor(tokens[other]!, true)), other).toEqual([]);
  });

  it('adds nothing when run again the same day, on two workers at once, or the next day for the same periods', async () => {
    const before = await kindsFor(tokens.socialWorker!);
    const again = await Promise.all([platform.alerts.run(), platform.alerts.run()]);
    expect(
      again
        .flat()
        .filter((r) => r.authorityCode === NEWPORT)
        .map((r) => r.added),
    ).toEqual([0, 0]);
    day = plus(day, 1);
    await platform.alerts.run();
    day = plus(day, -1);
    expect(await kindsFor(tokens.socialWorker!)).toEqual(before);
  });

  it('emails the one who chose email, naming no child, and nobody who chose the feed only', async () => {
    clock = new Date();
    const outcome = await platform.alerts.dispatch();
    expect(outcome.failed).toBe(0);
    const mails = await mailsAboutTheChild();
    expect(mails).toHaveLength(6);
    for (const mail of mails) {
      expect(mail.text).toContain('A child on your caseload');
      expect(mail.text).toContain('Mae gan blentyn ar eich llwyth achosion');
      expect(mail.text).toContain(platform.url.replace(/\/graphql$/, ''));
      for (const secret of [people.name, people.upn, child.learnerId]) expect(mail.text + mail.subject).not.toContain(secret);
    }
    expect(mails.map((m) => m.subject).join('\n')).toContain('New exclusion');
    if (people.teacherEmail) expect((await capturedMails()).filter((m) => m.to.includes(people.teacherEmail!))).toEqual([]);
    // Sent once: a second dispatch sends nothing more.
    expect((await platform.alerts.dispatch()).sent).toBe(0);
  });

  it('keeps a mail pending when SMTP fails and sends it after the backoff', async () => {
    const capture = platform.mailCapture!;
    const sql = authorityDb(platform, NEWPORT);
    await sql`insert into exclusions (id, learner_id, school_id, kind, starts_on, sessions, reason) values (${`${NEWPORT}:EX900002`}, ${child.learnerId}, ${child.schoolId}, 'fixed-term', ${day}, 1, 'other')`;
    await capture.close();
    await platform.alerts.run();
    clock = new Date();
    const failed = await platform.alerts.dispatch();
    expect(failed).toEqual({ sent: 0, failed: 1 });
    const [row] = await sql<{ state: string; attempts: number; next: Date; error: string | null }[]>`
      select o.state, o.attempts, o.next_attempt_at as next, o.last_error as error from notification_outbox o join notifications n on n.id = o.notification_id where n.period = ${`${NEWPORT}:EX900002`}`;
    expect(row?.state).toBe('pending');
    expect(row?.attempts).toBe(1);
    expect(row?.error).toBeTruthy();
    expect(new Date(row!.next).getTime()).toBeGreaterThan(clock.getTime());
    await capture.reopen();
    // Not yet due: nothing is tried before the backoff has passed.
    expect(await platform.alerts.dispatch()).toEqual({ sent: 0, failed: 0 });
    clock = new Date(clock.getTime() + 2 * 60_000);
    expect(await platform.alerts.dispatch()).toEqual({ sent: 1, failed: 0 });
    const [sent] = await sql<
      { state: string; attempts: number }[]
    >`select o.state, o.attempts from notification_outbox o join notifications n on n.id = o.notification_id where n.period = ${`${NEWPORT}:EX900002`}`;
    expect(sent).toEqual({ state: 'sent', attempts: 2 });
    expect(await mailsAboutTheChild()).toHaveLength(7);
  });

  it('runs on demand from the command for a given day, once', async () => {
    const sql = authorityDb(platform, NEWPORT);
    await sql`insert into sdq_assessments (id, learner_id, completed_on, informant, emotional, conduct, hyperactivity, peer, prosocial) values (${`${NEWPORT}:SDQ900002`}, ${child.learnerId}, ${day}, 'teacher', 8, 6, 7, 5, 3)`;
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      DATABASE_URL: inject('databaseServerUrl'),
      LOG_LEVEL: 'warn',
    };
    for (const [code, url] of platform.databases.topology.authorities) env[`AUTHORITY_DATABASE_URL_${code}`] = url;
    const run = () => promisify(execFile)('npm', ['run', '--silent', 'alerts:run', '--', '--date', day], { cwd: REPOSITORY_ROOT, env, timeout: 120_000 });
    const first = await run();
    expect(first.stdout).toMatch(/alerts:run \d{4}-\d{2}-\d{2}: [1-9]\d* new notifications/);
    const second = await run();
    expect(second.stdout).toContain(`alerts:run ${day}: 0 new notifications`);
    expect((await kindsFor(tokens.socialWorker!)).filter((k) => k === 'SDQ_CONCERN')).toHaveLength(2);
    const bad = await promisify(execFile)('npm', ['run', '--silent', 'alerts:run', '--', '--date', '2026-02-30'], { cwd: REPOSITORY_ROOT, env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((bad as { code: number }).code).not.toBe(0);
    expect((bad as { stderr: string }).stderr).toContain('not a real calendar date');
  }, 300_000);
});

describe('the capture page', () => {
  it('is served by the gateway in development', async () => {
    const page = await fetch(new URL('/dev/mail', platform.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Captured mail');
  });
});
