// Changes naming an id that is nobody's (issue 10, "no existence oracle"; existence.ts). To a caller who
// cannot list the register, a change to a learner, PEP or PEP target id that no record has goes on as a
// change to the record of a child they have no relationship with: `requireWrite` refuses it with the same
// FORBIDDEN and the same denied write in the audit log (the access of an id that is nobody's holds no write
// grant, and `requireWrite` refuses a stand-in whatever it holds). Until then only a stand-in's ids are read.
import type { AuthorityContext } from './context.ts';
import type { LearnerRow, PepRow } from './data/index.ts';

const STAND_INS = new WeakMap<AuthorityContext, Set<string>>();

function remember(ctx: AuthorityContext, id: string): string {
  const ids = STAND_INS.get(ctx) ?? new Set<string>();
  STAND_INS.set(ctx, ids.add(id));
  return id;
}

/** True when the change is about a stand-in: it must be refused. */
export function isStandIn(ctx: AuthorityContext, learnerId: string): boolean {
  return STAND_INS.get(ctx)?.has(learnerId) ?? false;
}

const NEVER = new Date(0);

export function learnerStandIn(ctx: AuthorityContext, id: string): LearnerRow {
  remember(ctx, id);
  return {
    id,
    upn: '',
    legalGivenName: '',
    legalFamilyName: '',
    preferredName: null,
    dateOfBirth: '',
    gender: '',
    languagePreference: '',
    careStatus: '',
    createdAt: NEVER,
    updatedAt: NEVER,
  };
}

/** Its learner is the PEP's own id: no child has it, so the caller's access to it is a stranger's. */
export function pepStandIn(ctx: AuthorityContext, id: string): PepRow {
  remember(ctx, id);
  return {
    id,
    learnerId: id,
    status: '',
    version: 0,
    initiatedOn: '',
    completedOn: null,
    lastReviewedOn: null,
    nextReviewDue: null,
    createdAt: NEVER,
    updatedAt: NEVER,
  };
}

/** A PEP target's stand-in: the learner its refusal is audited against (the target's own id). */
export function targetStandIn(ctx: AuthorityContext, id: string): string {
  return remember(ctx, id);
}
