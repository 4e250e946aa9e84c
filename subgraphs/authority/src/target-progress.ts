// Recording progress on a PEP target: checked, authorised by the matrix, applied once, never over a newer
// version. A `Change` run by `runChange` (change.ts), like every change.
import { WORDS, message, platformError } from '@wales-lac/errors';
import type { AuthorityContext } from './context.ts';
import { checkIdempotencyKey, ownRecordId, runChange, type Change } from './change.ts';
import { bumpPepVersion, lockPep, setTargetProgress, targetWithPep, type PepRow, type PepTargetRow } from './data/index.ts';
import { knowsRegister } from './existence.ts';
import { targetStandIn } from './nobodys-record.ts';
import { checkVersion, pepPayload, type PepResult } from './pep-changes.ts';

export interface RecordTargetProgressInput {
  targetId: string;
  progress: string;
  pepVersion: number;
  idempotencyKey: string;
}

/** The target and its plan, or none (a stand-in's learner id: refused as a stranger's child); its learner either way. */
interface TargetToChange {
  readonly found: { target: PepTargetRow; pep: PepRow } | null;
  readonly learnerId: string;
}

const noTarget = (ctx: AuthorityContext, id: string) =>
  platformError(message('NOT_FOUND', 'noTarget', { id, authority: ctx.authorityCode }), { field: 'targetId' });

const RECORD_TARGET_PROGRESS: Change<
  RecordTargetProgressInput,
  TargetToChange,
  void,
  { target: PepTargetRow; pep: PepRow },
  PepResult,
  Awaited<ReturnType<typeof pepPayload>>
> = {
  operation: 'recordTargetProgress',
  subject: async (input, ctx) => {
    ownRecordId(ctx, input.targetId, 'targetId', WORDS.target);
    // As before the runner: the key and the version are checked before the target is looked up, so a bad
    // request is answered the same whether the target exists (runChange checks both again, to no effect).
    checkIdempotencyKey(input.idempotencyKey);
    checkVersion(input.pepVersion);
    const found = await targetWithPep(ctx.db, input.targetId);
    // A target id that is nobody's: NOT_FOUND only to a caller who can list the register (nobodys-record.ts).
    if (!found && knowsRegister(ctx.caller, ctx.authorityCode, false)) throw noTarget(ctx, input.targetId);
    return { found, learnerId: found?.pep.learnerId ?? targetStandIn(ctx, input.targetId) };
  },
  learnersOf: ({ subject }) => [subject.learnerId],
  retry: 'applying',
  checkInput: ({ input }) => checkVersion(input.pepVersion),
  fields: ['PepTarget.progress'],
  checkRecord: ({ ctx, input, subject }) => {
    if (!subject.found) throw noTarget(ctx, input.targetId);
    return subject.found;
  },
  apply: async (tx, { input, record: found }) => {
    const pep = await lockPep(tx, found.pep.id);
    if (!pep || pep.status === 'superseded') throw platformError(message('CONFLICT', 'progressSuperseded'), { currentVersion: pep?.version ?? 0 });
    if (pep.version !== input.pepVersion) {
      throw platformError(message('CONFLICT', 'staleVersion', { current: pep.version, given: input.pepVersion }), { currentVersion: pep.version });
    }
    await setTargetProgress(tx, input.targetId, pep.id, input.progress);
    await bumpPepVersion(tx, pep.id);
    return { pepId: pep.id };
  },
  // The plan read afresh: the request's loaders may hold the version from before the change.
  payload: pepPayload,
};

export const recordTargetProgressChange = (input: RecordTargetProgressInput, ctx: AuthorityContext) => runChange(RECORD_TARGET_PROGRESS, input, ctx);
