// The order `runChange` keeps whatever the change (decision 0032), with a fake change that notes each step
// and a fake database: a refused caller never reaches the record checks, a retry gets its first answer
// before any check, and a bad input is refused before the caller's right is even looked up.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { message, textOf } from '@wales-lac/errors';
import { accessFor, type Access } from '@wales-lac/policy';
import type { AuthorityContext } from './context.ts';
import type { NewAuditRow, WriteRequest } from './data/index.ts';

const db = vi.hoisted(() => ({
  denied: [] as NewAuditRow[][],
  applied: [] as { audit: unknown; fingerprint: string }[],
  prior: null as null | { actorSubject: string; operation: string; result: { fingerprint: string; result: unknown } },
}));

vi.mock('./data/index.ts', () => ({
  appendAuditRows: async (_db: unknown, rows: NewAuditRow[]) => void db.denied.push(rows),
  appliedWrite: async () => db.prior,
  applyOnce: async (_db: unknown, request: WriteRequest, change: (tx: unknown) => Promise<unknown>) => {
    db.applied.push({ audit: request.audit, fingerprint: request.fingerprint });
    return { kind: 'applied', result: await change({}) };
  },
}));

const { badInput, fingerprintOf, runChange } = await import('./change.ts');
type Change<I extends { idempotencyKey: string }> = import('./change.ts').Change<I, string, string, string, { id: string }, { id: string; applied: boolean }>;

const LEARNER = 'W06000015:L000001';
const writesEducation: Access = { ...accessFor('virtual-school-head', ['home']), write: new Set(['education']) };
const writesNothing: Access = { ...writesEducation, write: new Set() };

function contextWith(access: Access): AuthorityContext {
  const caller = { subject: 'vsh-1', role: 'virtual-school-head', authorityCode: 'W06000015', schoolId: null, learnerId: null, consortiumCode: null };
  return {
    caller,
    authorityCode: 'W06000015',
    today: '2026-12-03',
    db: {},
    access: { load: async () => access, clear: () => undefined },
  } as unknown as AuthorityContext;
}

interface Input {
  readonly idempotencyKey: string;
  readonly value: string;
}

/** A change that notes each step it reaches in `steps`. */
function noting(steps: string[], overrides: Partial<Change<Input>> = {}): Change<Input> {
  return {
    operation: 'recordSdq',
    subject: () => (steps.push('subject'), LEARNER),
    learnersOf: ({ subject }) => [subject],
    retry: 'first',
    checkInput: ({ input }) => (steps.push('checkInput'), input.value.trim()),
    classes: () => ['education'],
    fields: ['Learner.test'],
    extraRefusal: () => (steps.push('extraRefusal'), null),
    checkRecord: ({ checked }) => (steps.push('checkRecord'), `${checked}!`),
    apply: async (_tx, { record }) => (steps.push('apply'), { id: record }),
    payload: async (_step, outcome) => (steps.push('payload'), { id: outcome.result.id, applied: outcome.applied }),
    ...overrides,
  };
}

const input: Input = { idempotencyKey: 'key-0000000001', value: ' x ' };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return { code: (error as { extensions?: { code?: string } } | null)?.extensions?.code, text: textOf(error) };
}

beforeEach(() => {
  db.denied = [];
  db.applied = [];
  db.prior = null;
});

describe('runChange', () => {
  it('runs the steps in order and applies with one allowed row per child', async () => {
    const steps: string[] = [];
    await expect(runChange(noting(steps), input, contextWith(writesEducation))).resolves.toEqual({ id: 'x!', applied: true });
    expect(steps).toEqual(['subject', 'checkInput', 'extraRefusal', 'checkRecord', 'apply', 'payload']);
    expect(db.applied).toEqual([
      {
        audit: [
          expect.objectContaining({
            learnerId: LEARNER,
            decision: 'allowed',
            fieldClasses: ['education'],
            fields: ['Learner.test'],
            operationName: 'recordSdq',
          }),
        ],
        fingerprint: fingerprintOf('recordSdq', input),
      },
    ]);
  });

  it('never reaches the record checks for a refused caller, and audits the refusal', async () => {
    const steps: string[] = [];
    const { code, text } = await refusal(runChange(noting(steps), input, contextWith(writesNothing)));
    expect(code).toBe('FORBIDDEN');
    expect(text?.name).toBe('writeRefused');
    expect(steps).toEqual(['subject', 'checkInput']);
    expect(db.denied).toEqual([[expect.objectContaining({ learnerId: LEARNER, decision: 'denied', operationName: 'recordSdq' })]]);
    expect(db.applied).toEqual([]);
  });

  it('refuses on a further rule only once the grant is held, before the record checks', async () => {
    const steps: string[] = [];
    const change = noting(steps, { extraRefusal: () => (steps.push('extraRefusal'), message('FORBIDDEN', 'homeLeadOnly')) });
    expect((await refusal(runChange(change, input, contextWith(writesEducation)))).code).toBe('FORBIDDEN');
    expect(steps).toEqual(['subject', 'checkInput', 'extraRefusal']);
    expect(db.denied).toHaveLength(1);
  });

  it('answers a retry with the first result before any check', async () => {
    db.prior = { actorSubject: 'vsh-1', operation: 'recordSdq', result: { fingerprint: fingerprintOf('recordSdq', input), result: { id: 'first' } } };
    const steps: string[] = [];
    await expect(runChange(noting(steps), input, contextWith(writesNothing))).resolves.toEqual({ id: 'first', applied: false });
    expect(steps).toEqual(['subject', 'payload']);
    expect(db.denied).toEqual([]);
  });

  it('refuses a key used for another change before any check', async () => {
    db.prior = { actorSubject: 'vsh-1', operation: 'recordSdq', result: { fingerprint: 'another', result: { id: 'first' } } };
    const steps: string[] = [];
    const { code, text } = await refusal(runChange(noting(steps), input, contextWith(writesEducation)));
    expect([code, text?.name]).toEqual(['BAD_USER_INPUT', 'keyReused']);
    expect(steps).toEqual(['subject']);
  });

  it("leaves a retry to the transaction when the change says so ('applying')", async () => {
    db.prior = { actorSubject: 'vsh-1', operation: 'recordSdq', result: { fingerprint: fingerprintOf('recordSdq', input), result: { id: 'first' } } };
    const steps: string[] = [];
    await runChange(noting(steps, { retry: 'applying' }), input, contextWith(writesEducation));
    expect(steps).toEqual(['subject', 'checkInput', 'extraRefusal', 'checkRecord', 'apply', 'payload']);
  });

  it('refuses bad input before the right is looked up, and audits nothing', async () => {
    const steps: string[] = [];
    const ctx = contextWith(writesNothing);
    const load = vi.spyOn(ctx.access, 'load');
    const change = noting(steps, { checkInput: () => (steps.push('checkInput'), badInput('value', 'empty', {})) });
    const { code, text } = await refusal(runChange(change, input, ctx));
    expect([code, text?.params.field]).toEqual(['BAD_USER_INPUT', 'value']);
    expect(steps).toEqual(['subject', 'checkInput']);
    expect(load).not.toHaveBeenCalled();
    expect(db.denied).toEqual([]);
  });

  it('checks a bad key after loading the subject, before the input', async () => {
    const steps: string[] = [];
    const { code, text } = await refusal(runChange(noting(steps), { ...input, idempotencyKey: '' }, contextWith(writesEducation)));
    expect(code).toBe('BAD_USER_INPUT');
    expect(text?.params.field).toBe('idempotencyKey');
    expect(steps).toEqual(['subject']);
  });

  it('checks the right of every child of a change about many, auditing each refused one, and answers as the change says', async () => {
    const steps: string[] = [];
    const refused: unknown[] = [];
    const change = noting(steps, {
      learnersOf: () => ['A', 'B', 'C'],
      right: (_access, _step, learnerId) => (learnerId === 'A' ? null : message('FORBIDDEN', 'homeLeadOnly')),
      refuse: (refusals) => {
        refused.push(...refusals.map((r) => [r.index, r.learnerId]));
        throw new Error('register refused');
      },
    });
    await expect(runChange(change, input, contextWith(writesEducation))).rejects.toThrow('register refused');
    expect(refused).toEqual([
      [1, 'B'],
      [2, 'C'],
    ]);
    expect(db.denied.flat().map((r) => [r.learnerId, r.decision])).toEqual([
      ['B', 'denied'],
      ['C', 'denied'],
    ]);
    expect(steps).toEqual(['subject', 'checkInput']);
  });

  it('answers a preview without applying', async () => {
    const steps: string[] = [];
    await expect(runChange(noting(steps, { preview: () => ({ id: 'preview' }) }), input, contextWith(writesEducation))).resolves.toEqual({
      id: 'preview',
      applied: false,
    });
    expect(steps).toEqual(['subject', 'checkInput', 'extraRefusal', 'checkRecord', 'payload']);
    expect(db.applied).toEqual([]);
  });

  it('fingerprints what the change asks for', async () => {
    await runChange(noting([], { asked: ({ idempotencyKey }) => ({ idempotencyKey }) }), input, contextWith(writesEducation));
    expect(db.applied[0]?.fingerprint).toBe(fingerprintOf('recordSdq', { idempotencyKey: input.idempotencyKey }));
  });
});
