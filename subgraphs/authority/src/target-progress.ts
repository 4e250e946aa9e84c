// Recording progress on a PEP target: checked, authorised by the matrix, applied once, never over a newer version.
import { WORDS, message, platformError } from '@wales-lac/errors';
import type { AuthorityContext } from './context.ts';
import { applyChange, badInput, checkIdempotencyKey, ownRecordId, requireWrite } from './change.ts';
import { classesWritten } from '@wales-lac/policy';
import { bumpPepVersion, lockPep, setTargetProgress, targetWithPep } from './data/index.ts';
import { knowsRegister } from './existence.ts';
import { targetStandIn } from './nobodys-record.ts';

export interface RecordTargetProgressInput {
  targetId: string;
  progress: string;
  pepVersion: number;
  idempotencyKey: string;
}

export async function recordTargetProgressChange(input: RecordTargetProgressInput, ctx: AuthorityContext) {
  ownRecordId(ctx, input.targetId, 'targetId', WORDS.target);
  checkIdempotencyKey(input.idempotencyKey);
  if (!Number.isInteger(input.pepVersion) || input.pepVersion < 1) badInput('pepVersion', 'positiveWhole', {});
  const found = await targetWithPep(ctx.db, input.targetId);
  // A target id that is nobody's: NOT_FOUND only to a caller who can list the register (nobodys-record.ts).
  if (!found && knowsRegister(ctx.caller, ctx.authorityCode, false)) throw platformError(message('NOT_FOUND', 'noTarget', { id: input.targetId, authority: ctx.authorityCode }), { field: 'targetId' });
  const spec = { operation: 'recordTargetProgress', learnerId: found?.pep.learnerId ?? targetStandIn(ctx, input.targetId), fieldClasses: classesWritten('recordTargetProgress'), fields: ['PepTarget.progress'] };
  await requireWrite(ctx, spec);
  if (!found) throw platformError(message('NOT_FOUND', 'noTarget', { id: input.targetId, authority: ctx.authorityCode }), { field: 'targetId' });
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    const pep = await lockPep(tx, found.pep.id);
    if (!pep || pep.status === 'superseded') throw platformError(message('CONFLICT', 'progressSuperseded'), { currentVersion: pep?.version ?? 0 });
    if (pep.version !== input.pepVersion) {
      throw platformError(message('CONFLICT', 'staleVersion', { current: pep.version, given: input.pepVersion }), { currentVersion: pep.version });
    }
    await setTargetProgress(tx, input.targetId, pep.id, input.progress);
    await bumpPepVersion(tx, pep.id);
    return { pepId: pep.id };
  });
  // Read the plan afresh: the request's loaders may hold the version from before the change.
  ctx.loaders.pep.clear(outcome.result.pepId);
  ctx.loaders.targets.clear(outcome.result.pepId);
  return { pep: await ctx.loaders.pep.load(outcome.result.pepId), applied: outcome.applied };
}
