// Generated from the entitlement matrix: for every role × relationship cell, through the real gateway
// with real tokens and against the owning authority directly, the fields that come back and the ones
// that come back null + FORBIDDEN; writes; and every decision in the owning authority's audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ASSERTION_HEADER, callerFromClaims, createAssertionSigner } from '@wales-lac/caller';
import { accessFor, inOrder } from '@wales-lac/policy';
import { childUnderCare, pepVersion, type ChildUnderCare } from './support/child-under-care.ts';
import { CELLS, PROBES, expectedAccess, refusalCode, seesTheChild, type Cell, type Others } from './support/entitlement-cells.ts';
import { anotherAuthority, authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type GraphQLAnswer, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
let platform: TestPlatform;
let child: ChildUnderCare;
let others: Others;

beforeAll(async () => {
  platform = await startTestPlatform();
  child = await childUnderCare(platform, CARDIFF);
  const [other] = await authorityDb(platform, CARDIFF)<{ id: string }[]>`select id from learners where id <> ${child.learnerId} order by id limit 1`;
  others = { authority: anotherAuthority(platform, child.home, child.host), learnerId: other?.id ?? '' };
});
afterAll(async () => platform?.stop());

const readQuery = (probes = PROBES) =>
  `query Probe($id: ID!, $reason: AccessReasonInput) { learner(id: $id, reason: $reason) { id ${probes.map((p) => p.selection).join(' ')} } }`;
const readVariables = (cell: Cell) => ({ id: child.learnerId, reason: cell.reason ?? null });

function expectReadAnswer(cell: Cell, body: GraphQLAnswer['body'], probes = PROBES): void {
  const errorAt = (path: string) => body.errors?.find((e) => e.path?.join('.') === path);
  if (!seesTheChild(cell)) {
    expect(body.data?.learner ?? null).toBeNull();
    expect(errorAt('learner')?.extensions?.code).toBe(refusalCode(cell));
    return;
  }
  const access = expectedAccess(cell);
  expect(body.data?.learner?.id).toBe(child.learnerId);
  for (const probe of probes) {
    const value = body.data?.learner?.[probe.field];
    if (access.read.has(probe.fieldClass)) {
      expect(value, `${probe.field} should be readable`).not.toBeNull();
      expect(errorAt(`learner.${probe.field}`)).toBeUndefined();
    } else {
      expect(value, `${probe.field} should be withheld`).toBeNull();
      expect(errorAt(`learner.${probe.field}`)?.extensions?.code, `${probe.field} should be FORBIDDEN`).toBe('FORBIDDEN');
    }
  }
}

describe.each(CELLS)('$name', (cell) => {
  const token = () => platform.token(cell.claims(child, others));

  it('reads exactly the field classes the matrix grants, through the gateway', async () => {
    const { status, body } = await platform.graphql(await token(), readQuery(), readVariables(cell));
    expect(status).toBe(200);
    expectReadAnswer(cell, body);
  });

  it('reads the same at the source, calling the owning authority directly with a gateway assertion', async () => {
    const payload = JSON.stringify({ query: readQuery(), variables: readVariables(cell) });
    const assertion = await createAssertionSigner(platform.gatewayKeys.privateKey)(
      callerFromClaims(cell.claims(child, others)),
      `authority:${child.home}`,
      payload,
    );
    const response = await fetch(platform.authorityUrls.get(child.home) ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
      body: payload,
    });
    expectReadAnswer(cell, (await response.json()) as GraphQLAnswer['body']);
  });

  it('is told by me.access what it may read and write', async () => {
    const { body } = await platform.graphql(await token(), 'query($id: ID!) { me { access(learner: $id) { relationships read write readWithReason } } }', {
      id: child.learnerId,
    });
    // Asked with no reason: what a reason would open is said apart.
    const access = accessFor(cell.role, cell.relationships);
    expect(body.data?.me.access).toEqual({
      relationships: cell.relationships,
      read: inOrder(access.read),
      write: inOrder(access.write),
      readWithReason: inOrder(access.readWithReason),
    });
  });

  it('changes the PEP only where the matrix grants writing it', async () => {
    const before = await pepVersion(platform, child);
    const { body } = await platform.graphql(
      await token(),
      'mutation($input: RecordTargetProgressInput!) { recordTargetProgress(input: $input) { applied pep { version } } }',
      { input: { targetId: child.targetId, progress: 'IN_PROGRESS', pepVersion: before, idempotencyKey: `key-${cell.name.replace(/\W+/g, '-')}` } },
    );
    if (expectedAccess(cell).write.has('pep')) {
      expect(body.errors).toBeUndefined();
      expect(body.data?.recordTargetProgress).toEqual({ applied: true, pep: { version: before + 1 } });
    } else {
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await pepVersion(platform, child)).toBe(before);
    }
  });
});

describe('hostile selections', () => {
  it('cannot reach a denied field through aliases, fragments or inline fragments', async () => {
    const host = await platform.token({ sub: 't-vsh-host', role: 'virtual-school-head', authority: child.host });
    const { body } = await platform.graphql(
      host,
      `query($id: ID!) { learner(id: $id) { id a: currentPlacement { type } ... on Learner { b: placements { type } } ...Care } }
       fragment Care on Learner { c: careStatus }`,
      { id: child.learnerId },
    );
    expect(body.data?.learner).toEqual({ id: child.learnerId, a: null, b: null, c: null });
    expect(body.errors?.map((e) => e.path?.join('.')).sort()).toEqual(['learner.a', 'learner.b', 'learner.c']);
    expect(body.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it('gives no response a value of a field class the matrix denies (random callers and selections)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CELLS), fc.subarray([...PROBES], { minLength: 1 }), async (cell, probes) => {
        const { body } = await platform.graphql(await platform.token(cell.claims(child, others)), readQuery(probes), readVariables(cell));
        const access = expectedAccess(cell);
        for (const probe of probes) {
          if (!access.read.has(probe.fieldClass)) expect(body.data?.learner?.[probe.field] ?? null).toBeNull();
        }
      }),
      { numRuns: 40, seed: 20261123 },
    );
  });
});

describe('the audit log of the owning authority', () => {
  it('holds every allowed and denied read and write of these tests, and the home lead can read it', async () => {
    const rows = await authorityDb(platform, child.home)<
      { actor_subject: string; action: string; decision: string; field_classes: string[]; outside_caseload: boolean; reason_purpose: string | null }[]
    >`
      select actor_subject, action, decision, field_classes, outside_caseload, reason_purpose from audit_log where learner_id = ${child.learnerId}`;
    for (const cell of CELLS) {
      const subject = String(cell.claims(child, others).sub);
      const mine = rows.filter((r) => r.actor_subject === subject);
      const access = expectedAccess(cell);
      // A read that only a reason opens is marked outside the caseload, with the reason when one was given.
      const outside = accessFor(cell.role, cell.relationships).readWithReason.size > 0;
      const reads = mine.filter((r) => r.action === 'read');
      expect(reads.length, `${cell.name}: reads audited`).toBeGreaterThan(0);
      expect(
        reads.every((r) => r.outside_caseload === outside),
        `${cell.name}: outside the caseload ${outside}`,
      ).toBe(true);
      if (outside) expect(reads.filter((r) => r.decision === 'allowed').every((r) => r.reason_purpose === 'covering-for-colleague')).toBe(true);
      if (!seesTheChild(cell)) {
        expect(
          mine.some((r) => r.action === 'read' && r.decision === 'denied'),
          `${cell.name}: denied read audited`,
        ).toBe(true);
        expect(
          mine.some((r) => r.action === 'write' && r.decision === 'denied'),
          `${cell.name}: denied write audited`,
        ).toBe(true);
        continue;
      }
      const allowed = new Set(mine.filter((r) => r.action === 'read' && r.decision === 'allowed').flatMap((r) => r.field_classes));
      const denied = new Set(mine.filter((r) => r.action === 'read' && r.decision === 'denied').flatMap((r) => r.field_classes));
      for (const probe of PROBES) {
        expect((access.read.has(probe.fieldClass) ? allowed : denied).has(probe.fieldClass), `${cell.name}: ${probe.fieldClass} audited`).toBe(true);
      }
      // A role that can never write the PEP is refused at the gateway before any authority is asked;
      // the gateway reports the refusal to the owner, so it is in the log all the same.
      const writeDecision = access.write.has('pep') ? 'allowed' : 'denied';
      expect(
        mine.some((r) => r.action === 'write' && r.decision === writeDecision),
        `${cell.name}: write ${writeDecision} audited`,
      ).toBe(true);
    }

    const lead = await platform.token({ sub: 't-vsh-home', role: 'virtual-school-head', authority: child.home });
    const { body } = await platform.graphql(
      lead,
      'query($id: ID!) { accessHistory(learner: $id, first: 100) { edges { node { actorSubject action decision fieldClasses } } } }',
      { id: child.learnerId },
    );
    expect(body.errors).toBeUndefined();
    const subjects = new Set(body.data?.accessHistory.edges.map((e: { node: { actorSubject: string } }) => e.node.actorSubject));
    expect(subjects).toContain('t-vsh-host');
    expect(subjects).toContain(child.socialWorker);

    const host = await platform.token({ sub: 't-vsh-host', role: 'virtual-school-head', authority: child.host });
    const refused = await platform.graphql(host, 'query($id: ID!) { accessHistory(learner: $id) { edges { node { actorSubject } } } }', {
      id: child.learnerId,
    });
    expect(refused.body.data?.accessHistory ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot be changed, even by the service', async () => {
    const sql = authorityDb(platform, child.home);
    await expect(sql`delete from audit_log`).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set decision = 'allowed'`).rejects.toThrow(/append-only/);
  });
});
