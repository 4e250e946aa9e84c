// Recording progress on a PEP target: checked, authorised by the matrix, applied once, never over a newer version.
import { platformError } from '@wales-lac/errors';
import type { AuthorityContext } from './context.ts';
import { applyChange, badInput, checkIdempotencyKey, ownRecordId, requireWrite } from './change.ts';
import { bumpPepVersion, lockPep, setTargetProgress, targetWithPep } from './data/index.ts';

export interface RecordTargetProgressInput {
  targetId: string;
  progress: string;
  pepVersion: number;
  idempotencyKey: string;
}

export async function recordTargetProgressChange(input: RecordTargetProgressInput, ctx: AuthorityContext) {
  ownRecordId(ctx, input.targetId, 'targetId', 'target');
  checkIdempotencyKey(input.idempotencyKey);
  if (!Number.isInteger(input.pepVersion) || input.pepVersion < 1) badInput('pepVersion', 'must be a positive whole number');
  const found = await targetWithPep(ctx.db, input.targetId);
  if (!found) throw platformError('NOT_FOUND', `no PEP target ${input.targetId} in ${ctx.authorityCode}`, { field: 'targetId' });
  const spec = { operation: 'recordTargetProgress', learnerId: found.pep.learnerId, fieldClasses: ['pep'] as const, fields: ['PepTarget.progress'] };
  await requireWrite(ctx, spec);
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    const pep = await lockPep(tx, found.pep.id);
    if (!pep || pep.status === 'superseded') throw platformError('CONFLICT', 'this PEP has been superseded; record progress on the current plan', { currentVersion: pep?.version ?? 0 });
    if (pep.version !== input.pepVersion) {
      throw platformError('CONFLICT', `the PEP is at version ${pep.version}, not ${input.pepVersion}: reload it and try again`, { currentVersion: pep.version });
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
