// The gateway refuses some requests before any authority is asked (an analyst asking for a child, a
// learner trying to change their PEP). It reports each refusal here, so the owning authority's audit
// log still holds every denied access to its children's records.
import { parseRecordId } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { appendAuditRows, notificationById, targetWithPep } from './data/index.ts';

async function learnerOf(record: string, ctx: AuthorityContext): Promise<string | null> {
  const parsed = parseRecordId(record);
  if (!parsed || parsed.authorityCode !== ctx.authorityCode) return null;
  if (parsed.kind === 'L') return (await ctx.loaders.learner.load(record)) ? record : null;
  if (parsed.kind === 'P') return (await ctx.loaders.pep.load(record))?.learnerId ?? null;
  if (parsed.kind === 'T') return (await targetWithPep(ctx.db, record))?.pep.learnerId ?? null;
  if (parsed.kind === 'N') return (await notificationById(ctx.db, record))?.learnerId ?? null;
  if (parsed.kind === 'D') return (await ctx.loaders.document.load(record))?.learnerId ?? null;
  return null;
}

export async function recordRefusedAccess(args: { record: string; field: string; action: 'read' | 'write' }, ctx: AuthorityContext): Promise<boolean> {
  const learnerId = await learnerOf(args.record, ctx);
  if (!learnerId) return false;
  await appendAuditRows(ctx.db, [
    {
      actorSubject: ctx.caller.subject,
      actorRole: ctx.caller.role,
      actorAuthority: ctx.caller.authorityCode,
      learnerId,
      action: args.action,
      decision: 'denied',
      fieldClasses: ['record'],
      fields: [args.field.slice(0, 100)],
      operationName: 'refused at the gateway',
    },
  ]);
  return true;
}
