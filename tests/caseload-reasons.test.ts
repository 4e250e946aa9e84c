// Reasons for reading beyond the caseload (issue 10, decision 0026), through the real gateway: a social
// worker reads their caseload as before; a child of their authority who is not on it only by giving a reason,
// which the owning authority checks too and writes, in the hash chain, with each such read; the child's
// access history shows those reads marked outside the caseload; a reason that is not well-formed is refused
// naming its part, and nothing is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSERTION_HEADER, callerFromClaims, createAssertionSigner, type CallerClaims } from '@wales-lac/caller';
import { verifyAuditChain } from '@wales-lac/db';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type GraphQLAnswer, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const READ = 'query Read($id: ID!, $reason: AccessReasonInput) { learner(id: $id, reason: $reason) { id legalGivenName careStatus currentPep { status } } }';
const COVER = { purpose: 'COVERING_FOR_COLLEAGUE', note: 'covering for the allocated worker, on leave this week' };

let platform: TestPlatform;
let child: ChildUnderCare;
/** A social worker of the child's home authority with no child on their caseload. */
const cover: CallerClaims = { sub: 'sw-cover-reasons', role: 'social-worker', authority: CARDIFF };

beforeAll(async () => {
  platform = await startTestPlatform();
  child = await childUnderCare(platform, CARDIFF);
});
afterAll(async () => platform?.stop());

const read = async (claims: CallerClaims, reason: unknown, headers: Record<string, string> = {}) =>
  platform.graphql(await platform.token(claims), READ, { id: child.learnerId, reason }, headers);
const codes = (answer: GraphQLAnswer) => answer.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.field]) ?? [];

type AuditRow = { decision: string; outside_caseload: boolean; reason_purpose: string | null; reason_note: string | null; field_classes: string[] };
const auditOf = (subject: string) =>
  authorityDb(platform, CARDIFF)<AuditRow[]>`select decision, outside_caseload, reason_purpose, reason_note, field_classes from audit_log
    where learner_id = ${child.learnerId} and actor_subject = ${subject} and action = 'read' order by id`;

describe('a social worker reading', () => {
  it('a child on their caseload needs no reason, and the read is not marked outside the caseload', async () => {
    const answer = await read({ sub: child.socialWorker, role: 'social-worker', authority: CARDIFF }, null);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.learner).toMatchObject({ id: child.learnerId, currentPep: { status: expect.any(String) } });
    const rows = await auditOf(child.socialWorker);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.outside_caseload && r.reason_purpose === null)).toBe(true);
  });

  it('a child of their authority not on their caseload, with no reason, is refused REASON_REQUIRED naming the argument, and audited as refused', async () => {
    const answer = await read(cover, null);
    expect(answer.body.data?.learner).toBeNull();
    expect(codes(answer)).toEqual([['learner', 'REASON_REQUIRED', 'reason']]);
    expect(answer.body.errors?.[0]?.message).toMatch(/not on your caseload/);
    expect(await auditOf(String(cover.sub))).toEqual([
      { decision: 'denied', outside_caseload: true, reason_purpose: null, reason_note: null, field_classes: ['record'] },
    ]);
  });

  it('says so in Welsh when asked in Welsh', async () => {
    const answer = await read(cover, null, { 'accept-language': 'cy' });
    expect(answer.body.errors?.[0]?.message).toMatch(/llwyth achosion/);
  });

  it('the same child with a reason reads the home grant (not the PEP), each read audited with the reason, outside the caseload', async () => {
    const answer = await read(cover, COVER);
    expect(answer.body.data?.learner).toMatchObject({
      id: child.learnerId,
      legalGivenName: expect.any(String),
      careStatus: expect.any(String),
      currentPep: null,
    });
    expect(codes(answer)).toEqual([['learner.currentPep', 'FORBIDDEN', undefined]]);
    const rows = (await auditOf(String(cover.sub))).filter((r) => r.reason_purpose !== null);
    expect(rows.map((r) => [r.decision, r.outside_caseload, r.reason_purpose, r.reason_note])).toEqual([
      ['allowed', true, 'covering-for-colleague', COVER.note],
      ['denied', true, 'covering-for-colleague', COVER.note],
    ]);
    expect(rows[0]?.field_classes).toEqual(['care', 'identity']);
  });

  it('is enforced by the owning authority itself: asked directly, with no reason, it refuses too', async () => {
    const payload = JSON.stringify({ query: READ, variables: { id: child.learnerId } });
    const assertion = await createAssertionSigner(platform.gatewayKeys.privateKey)(callerFromClaims(cover), `authority:${CARDIFF}`, payload);
    const response = await fetch(platform.authorityUrls.get(CARDIFF) ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
      body: payload,
    });
    const body = (await response.json()) as GraphQLAnswer['body'];
    expect(body.data?.learner ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['REASON_REQUIRED']);
  });

  it("shows in the child's access history, marked outside the caseload with the reason", async () => {
    const lead = await platform.token({ sub: 'vsh-reasons', role: 'virtual-school-head', authority: CARDIFF });
    const { body } = await platform.graphql(
      lead,
      'query($id: ID!) { accessHistory(learner: $id, first: 100) { edges { node { actorSubject decision outsideCaseload reason { purpose note } } } } }',
      { id: child.learnerId },
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data?.accessHistory.edges.map((e: { node: unknown }) => e.node) as {
      actorSubject: string;
      decision: string;
      outsideCaseload: boolean;
      reason: unknown;
    }[];
    const covering = nodes.filter((n) => n.actorSubject === cover.sub);
    expect(covering).toContainEqual({ actorSubject: cover.sub, decision: 'ALLOWED', outsideCaseload: true, reason: COVER });
    expect(covering).toContainEqual({ actorSubject: cover.sub, decision: 'DENIED', outsideCaseload: true, reason: null });
    expect(nodes.filter((n) => n.actorSubject === child.socialWorker).every((n) => !n.outsideCaseload && n.reason === null)).toBe(true);
  });

  it('chains the reason and the mark with the row, and the chain stays intact', async () => {
    const sql = authorityDb(platform, CARDIFF);
    const [row] = await sql<{ content: string }[]>`select audit_row_content(a) as content from audit_log a
      where learner_id = ${child.learnerId} and actor_subject = ${String(cover.sub)} and reason_note is not null order by id limit 1`;
    expect(row?.content).toContain(`4:true22:covering-for-colleague${COVER.note.length}:${COVER.note}`);
    const report = await verifyAuditChain(sql);
    expect(report.broken).toBeNull();
    expect(report.rows).toBeGreaterThan(0);
  });
});

describe('a list', () => {
  it("without a reason is the social worker's caseload; their HOME list needs a reason, and with one is every child of the authority", async () => {
    const worker = await platform.token({ sub: child.socialWorker, role: 'social-worker', authority: CARDIFF });
    const [{ caseload = 0 } = {}] = await authorityDb(platform, CARDIFF)<
      { caseload: number }[]
    >`select count(distinct learner_id)::int as caseload from staff_allocations
      where staff_role = 'social-worker' and staff_subject = ${child.socialWorker} and started_on <= current_date and (ended_on is null or ended_on >= current_date)`;
    const [{ all = 0 } = {}] = await authorityDb(platform, CARDIFF)<{ all: number }[]>`select count(*)::int as all from learners`;
    const plain = await platform.graphql(worker, `{ learners(first: 500, homeAuthority: "${CARDIFF}") { totalCount } }`);
    expect(plain.body.data?.learners.totalCount).toBe(caseload);
    const refused = await platform.graphql(worker, '{ learners(relationship: HOME) { totalCount } }');
    expect(codes(refused)).toEqual([['learners', 'REASON_REQUIRED', 'reason']]);
    const reasoned = await platform.graphql(
      worker,
      `{ learners(first: 500, relationship: HOME, reason: { purpose: SAFEGUARDING, note: "strategy meeting" }) { totalCount } }`,
    );
    expect(reasoned.body.data?.learners.totalCount).toBe(all);
    expect(all).toBeGreaterThan(caseload);
  });
});

describe('a reason that is not well-formed', () => {
  it.each([
    ['an OTHER purpose with no note', { purpose: 'OTHER' }, 'reason.note'],
    ['a note too long', { purpose: 'DUTY', note: 'x'.repeat(301) }, 'reason.note'],
    ['an empty note', { purpose: 'DUTY', note: '   ' }, 'reason.note'],
  ])('%s is refused with BAD_USER_INPUT naming the part, before any authority is asked', async (_, reason, field) => {
    const before = (await auditOf(String(cover.sub))).length;
    const answer = await read(cover, reason);
    expect(answer.body.data?.learner ?? null).toBeNull();
    expect(codes(answer)).toEqual([['learner', 'BAD_USER_INPUT', field]]);
    expect((await auditOf(String(cover.sub))).length).toBe(before);
  });

  it('an unknown purpose is refused by the schema, naming reason.purpose', async () => {
    const answer = await read(cover, { purpose: 'CURIOSITY' });
    expect(answer.body.data?.learner ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason.purpose' });
    expect(answer.body.errors?.[0]?.message).toMatch(/^reason\.purpose: 'CURIOSITY' is not a value of \w+; use one of SAFEGUARDING, /);
  });

  it('is refused by the owning authority too, asked directly', async () => {
    const payload = JSON.stringify({ query: READ, variables: { id: child.learnerId, reason: { purpose: 'DUTY', note: 'x'.repeat(301) } } });
    const assertion = await createAssertionSigner(platform.gatewayKeys.privateKey)(callerFromClaims(cover), `authority:${CARDIFF}`, payload);
    const response = await fetch(platform.authorityUrls.get(CARDIFF) ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
      body: payload,
    });
    const body = (await response.json()) as GraphQLAnswer['body'];
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'reason.note']]);
  });
});
