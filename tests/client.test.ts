// packages/client against the real platform: each documented operation, sent as its typed document by
// `ask`, is answered with data of the shape its types promise, as the role it was written for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, BenchmarksDocument, CaseloadDocument, LearnerRecordDocument, NotificationsDocument } from '@wales-lac/client';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
let platform: TestPlatform;
let lead: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  lead = await platform.token({ sub: 'vsh-cardiff', role: 'virtual-school-head', authority: CARDIFF });
});
afterAll(async () => platform?.stop());

describe('the typed client', () => {
  it("pages a virtual school head's caseload, then reads one child's record", async () => {
    const caseload = await ask(platform.url, CaseloadDocument, { first: 5, homeAuthority: CARDIFF }, { token: lead, language: 'cy' });
    expect(caseload.errors).toBeUndefined();
    const page = caseload.data?.learners;
    expect(page?.edges.length).toBeGreaterThan(0);
    expect(page?.totalCount).toBeGreaterThanOrEqual(page?.edges.length ?? 0);
    const first = page?.edges[0]?.node;
    expect(first?.homeAuthority).toEqual({ code: CARDIFF, name: 'Caerdydd' });

    const record = await ask(platform.url, LearnerRecordDocument, { id: first?.id ?? '', from: '2024-09-01', to: '2025-07-31' }, { token: lead });
    expect(record.errors).toBeUndefined();
    expect(record.data?.me.access).toMatchObject({ read: expect.any(Array) });
    expect(record.data?.learner?.id).toBe(first?.id);
    expect(record.data?.learner?.legalGivenName).toBe(first?.legalGivenName);
  });

  it('reads the notifications and the national benchmarks', async () => {
    const notifications = await ask(platform.url, NotificationsDocument, { unreadOnly: false }, { token: lead });
    expect(notifications.errors).toBeUndefined();
    expect(notifications.data?.notifications.totalCount).toBeGreaterThanOrEqual(0);

    const analyst = await platform.token({ sub: 'analyst', role: 'national-analyst' });
    const benchmarks = await ask(platform.url, BenchmarksDocument, { dimension: 'all', level: 'REGION' }, { token: analyst });
    expect(benchmarks.errors).toBeUndefined();
    expect(benchmarks.data?.benchmarks.release.state).toBe('PUBLISHED');
    expect(benchmarks.data?.benchmarks.figures.length).toBeGreaterThan(0);
  });

  it('gives back the coded error with the answer: a third authority is refused the child', async () => {
    const other = await platform.token({ sub: 'vsh-powys', role: 'virtual-school-head', authority: 'W06000023' });
    const caseload = await ask(platform.url, CaseloadDocument, { first: 1, homeAuthority: CARDIFF, placedOutOfCounty: false }, { token: lead });
    const id = caseload.data?.learners.edges[0]?.node.id ?? '';
    const record = await ask(platform.url, LearnerRecordDocument, { id, from: '2024-09-01', to: '2025-07-31' }, { token: other });
    expect(record.data?.learner ?? null).toBeNull();
    expect(record.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('lets a social worker read a child not on their caseload by giving a reason, told first what it would open', async () => {
    const worker = await platform.token({ sub: 'sw-client-cover', role: 'social-worker', authority: CARDIFF });
    const caseload = await ask(platform.url, CaseloadDocument, { first: 1, homeAuthority: CARDIFF }, { token: lead });
    const id = caseload.data?.learners.edges[0]?.node.id ?? '';
    const without = await ask(platform.url, LearnerRecordDocument, { id, from: '2024-09-01', to: '2025-07-31' }, { token: worker });
    expect(without.data?.me.access).toEqual({ read: [], write: [], readWithReason: ['identity', 'education', 'care', 'contacts'] });
    expect(without.data?.learner ?? null).toBeNull();
    expect(without.errors?.map((e) => e.extensions?.code)).toEqual(['REASON_REQUIRED']);
    const reason = { purpose: 'DUTY' as const, note: 'duty desk call about a missed contact' };
    const record = await ask(platform.url, LearnerRecordDocument, { id, from: '2024-09-01', to: '2025-07-31', reason }, { token: worker });
    expect(record.data?.learner?.id).toBe(id);
    // The PEP is not in a social worker's home grant: a reason opens only what that grant gives.
    expect(record.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['learner.currentPep', 'FORBIDDEN']]);
  });
});
