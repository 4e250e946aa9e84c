// Recording progress on a PEP target: checked, authorised by the matrix, applied once, never over a newer version.
import { platformError } from '@wales-lac/errors';
import { owningAuthority } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { appendAuditRows, recordTargetProgress, targetWithPep } from './data/index.ts';
import { idempotencyKeyProblem } from './validation.ts';

export interface RecordTargetProgressInput {
  targetId: string;
  progress: string;
  pepVersion: number;
  idempotencyKey: string;
}

const FIELD = 'PepTarget.progress';

function auditRow(ctx: AuthorityContext, learnerId: string, decision: 'allowed' | 'denied') {
  return {
    actorSubject: ctx.caller.subject,
    actorRole: ctx.caller.role,
    actorAuthority: ctx.caller.authorityCode,
    learnerId,
    action: 'write',
    decision,
    fieldClasses: ['pep'],
    fields: [FIELD],
    operationName: 'recordTargetProgress',
  };
}

export async function recordTargetProgressChange(input: RecordTargetProgressInput, ctx: AuthorityContext) {
  const owner = owningAuthority(input.targetId);
  if (owner === null) throw platformError('BAD_USER_INPUT', `'${input.targetId}' is not a target id`, { field: 'targetId' });
  if (owner !== ctx.authorityCode) throw platformError('NOT_FOUND', `target ${input.targetId} is not held by ${ctx.authorityCode}`);
  const keyProblem = idempotencyKeyProblem(input.idempotencyKey);
  if (keyProblem) throw platformError('BAD_USER_INPUT', keyProblem, { field: 'idempotencyKey' });
  if (!Number.isInteger(input.pepVersion) || input.pepVersion < 1) throw platformError('BAD_USER_INPUT', 'pepVersion must be a positive whole number', { field: 'pepVersion' });

  const found = await targetWithPep(ctx.db, input.targetId);
  if (!found) throw platformError('NOT_FOUND', `no PEP target ${input.targetId} in ${ctx.authorityCode}`);
  const access = await ctx.access.load(found.pep.learnerId);
  if (!access.write.has('pep')) {
    await appendAuditRows(ctx.db, [auditRow(ctx, found.pep.learnerId, 'denied')]);
    throw platformError('FORBIDDEN', `a ${ctx.caller.role} with this relationship to the child may not change the PEP`);
  }
  if (found.pep.status === 'superseded') throw platformError('CONFLICT', 'this PEP has been superseded; record progress on the current plan', { currentVersion: found.pep.version });

  const outcome = await recordTargetProgress(
    ctx.db,
    { targetId: input.targetId, pepId: found.pep.id, progress: input.progress, pepVersion: input.pepVersion, idempotencyKey: input.idempotencyKey, actorSubject: ctx.caller.subject },
    auditRow(ctx, found.pep.learnerId, 'allowed'),
  );
  switch (outcome.kind) {
    case 'conflict':
      throw platformError('CONFLICT', `the PEP is at version ${outcome.currentVersion}, not ${input.pepVersion}: reload it and try again`, { currentVersion: outcome.currentVersion });
    case 'key-reused':
      throw platformError('BAD_USER_INPUT', 'this idempotency key was already used for another change', { field: 'idempotencyKey' });
    case 'applied':
    case 'replayed':
      // Read the plan afresh: the request's loaders may hold the version from before the change.
      ctx.loaders.pep.clear(outcome.pepId);
      ctx.loaders.targets.clear(outcome.pepId);
      return { pep: await ctx.loaders.pep.load(outcome.pepId), applied: outcome.kind === 'applied' };
  }
}
