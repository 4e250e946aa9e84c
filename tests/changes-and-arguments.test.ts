// Wrong or hostile input to the newer entry points gets a coded error naming what was wrong and changes
// nothing; two people editing one PEP never overwrite each other; a retried change applies once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childUnderCare, pepVersion, type ChildUnderCare } from './support/child-under-care.ts';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const RECORD = 'mutation($input: RecordTargetProgressInput!) { recordTargetProgress(input: $input) { applied pep { version } } }';
let platform: TestPlatform;
let child: ChildUnderCare;
let lead: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  child = await childUnderCare(platform, CARDIFF);
  lead = await platform.token({ sub: 'vsh-cardiff', role: 'virtual-school-head', authority: CARDIFF });
});
afterAll(async () => platform?.stop());

const progressOf = async () =>
  (await authorityDb(platform, CARDIFF)<{ progress: string }[]>`select progress from pep_targets where id = ${child.targetId}`)[0]?.progress;
const record = (input: Record<string, unknown>) =>
  platform.graphql(lead, RECORD, {
    input: { targetId: child.targetId, progress: 'MET', idempotencyKey: `key-${Math.random().toString(36).slice(2)}`, ...input },
  });

describe('recording target progress', () => {
  it.each([
    ['a short idempotency key', { idempotencyKey: 'x' }, 'BAD_USER_INPUT', 'idempotencyKey'],
    ['a version of 0', { pepVersion: 0 }, 'BAD_USER_INPUT', 'pepVersion'],
    ['an unknown target of the right authority', { targetId: 'W06000015:T999999' }, 'NOT_FOUND', undefined],
    ['an id that names no authority', { targetId: 'T1' }, 'BAD_USER_INPUT', 'input'],
  ])('refuses %s, naming it, and changes nothing', async (_, input, code, field) => {
    const before = [await pepVersion(platform, child), await progressOf()];
    const { body } = await record({ pepVersion: before[0], ...input });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect([await pepVersion(platform, child), await progressOf()]).toEqual(before);
  });

  it('refuses an edit based on an old version with CONFLICT, and applies a retried one once', async () => {
    const version = await pepVersion(platform, child);
    const first = await record({ pepVersion: version, progress: 'IN_PROGRESS', idempotencyKey: 'retry-key-1' });
    expect(first.body.data?.recordTargetProgress).toEqual({ applied: true, pep: { version: version + 1 } });
    const retry = await record({ pepVersion: version, progress: 'IN_PROGRESS', idempotencyKey: 'retry-key-1' });
    expect(retry.body.data?.recordTargetProgress).toEqual({ applied: false, pep: { version: version + 1 } });

    const stale = await record({ pepVersion: version, progress: 'NOT_MET' });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version + 1 });
    expect(await progressOf()).toBe('in-progress');
  });

  it('lets exactly one of two simultaneous edits of the same version through', async () => {
    const version = await pepVersion(platform, child);
    const answers = await Promise.all([record({ pepVersion: version, progress: 'MET' }), record({ pepVersion: version, progress: 'NOT_MET' })]);
    const codes = answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? 'applied').sort();
    expect(codes).toEqual(['CONFLICT', 'applied']);
    expect(await pepVersion(platform, child)).toBe(version + 1);
  });
});

describe('arguments of the reading entry points', () => {
  it.each([
    ['accessHistory with from after to', `{ accessHistory(learner: "LEARNER", from: "2026-02-01", to: "2026-01-01") { edges { cursor } } }`, 'from'],
    ['accessHistory with an impossible date', `{ accessHistory(learner: "LEARNER", from: "2026-02-30") { edges { cursor } } }`, 'from'],
    ['accessHistory with a forged cursor', `{ accessHistory(learner: "LEARNER", after: "bm9wZQ") { edges { cursor } } }`, 'after'],
    ['attendance with an impossible date', `{ learner(id: "LEARNER") { attendance(from: "2025-13-01") { rate } } }`, 'from'],
    ['benchmarks of an unknown measure', '{ benchmarks(measures: ["happiness"]) { figures { code } } }', 'measures'],
    ['benchmarks of an unknown split', '{ benchmarks(dimension: "shoe-size") { figures { code } } }', 'dimension'],
  ])('%s gets BAD_USER_INPUT naming the argument', async (_, query, field) => {
    const { body } = await platform.graphql(lead, query.replace('LEARNER', child.learnerId));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
