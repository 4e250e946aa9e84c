// Group commit: batches that arrive while a write is in flight go together in the next write; each
// request's promise settles only when the write holding its rows has, and a failed write fails exactly
// the requests whose rows were in it.
import { describe, expect, it } from 'vitest';
import { AuditWriter } from './audit-writer.ts';
import type { NewAuditRow } from './data/index.ts';

const row = (learnerId: string): NewAuditRow => ({
  actorSubject: 's',
  actorRole: 'virtual-school-head',
  learnerId,
  action: 'read',
  decision: 'allowed',
  fieldClasses: ['identity'],
  fields: ['Learner.upn'],
});

/** A write the test finishes by hand: each call waits until `finish(i)` (or `fail(i)`). */
function controlledWrite() {
  const calls: { rows: readonly NewAuditRow[]; finish: () => void; fail: (e: Error) => void }[] = [];
  const write = (rows: readonly NewAuditRow[]) => new Promise<void>((finish, fail) => calls.push({ rows, finish, fail }));
  return { calls, write };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the audit writer (group commit)', () => {
  it('writes at once when idle, and groups what arrives meanwhile into the next write', async () => {
    const { calls, write } = controlledWrite();
    const writer = new AuditWriter(write);
    const settled: string[] = [];
    const first = writer.append([row('A')]).then(() => settled.push('A'));
    const second = writer.append([row('B')]).then(() => settled.push('B'));
    const third = writer.append([row('C'), row('D')]).then(() => settled.push('C'));
    await tick();
    expect(calls.map((c) => c.rows.map((r) => r.learnerId))).toEqual([['A']]);
    calls[0]!.finish();
    await first;
    await tick();
    expect(settled).toEqual(['A']);
    expect(calls.map((c) => c.rows.map((r) => r.learnerId))).toEqual([['A'], ['B', 'C', 'D']]);
    calls[1]!.finish();
    await Promise.all([second, third]);
    expect(settled).toEqual(['A', 'B', 'C']);
  });

  it('fails every request of a failed write, and only those', async () => {
    const { calls, write } = controlledWrite();
    const writer = new AuditWriter(write);
    const first = writer.append([row('A')]);
    const second = writer.append([row('B')]);
    await tick();
    calls[0]!.fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await tick();
    calls[1]!.finish();
    await expect(second).resolves.toBeUndefined();
  });

  it('writes nothing for an empty batch', async () => {
    const { calls, write } = controlledWrite();
    await new AuditWriter(write).append([]);
    expect(calls).toHaveLength(0);
  });

  it('never puts more than 5,000 rows in one write', async () => {
    const { calls, write } = controlledWrite();
    const writer = new AuditWriter(write);
    const many = (n: number) => Array.from({ length: n }, (_, i) => row(`L${i}`));
    const all = [writer.append(many(10)), writer.append(many(3_000)), writer.append(many(3_000)), writer.append(many(1_000))];
    await tick();
    calls[0]!.finish();
    await tick();
    calls[1]!.finish();
    await tick();
    calls[2]!.finish();
    await Promise.all(all);
    expect(calls.map((c) => c.rows.length)).toEqual([10, 3_000, 4_000]);
  });
});
