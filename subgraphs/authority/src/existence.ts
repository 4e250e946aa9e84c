// Who may learn whether a learner id exists (issue 10, "no existence oracle"; docs/entitlements.md).
// Only a caller who can already list every child this authority holds: its own virtual school head, and
// its social workers when they give a reason (without one, their `learners` is their caseload: decision 0026). To anyone else a well-formed id that no child has
// is answered exactly as a real child they have no relationship with (FORBIDDEN, the same message, the same
// audit row and database work), so an id's answer cannot be used to count an authority's children.
import type { Caller } from '@wales-lac/caller';
import { message, platformError } from '@wales-lac/errors';

export function knowsRegister(caller: Caller, authorityCode: string, reasoned: boolean): boolean {
  return (caller.role === 'virtual-school-head' || (caller.role === 'social-worker' && reasoned)) && caller.authorityCode === authorityCode;
}

/** The refusal of a child's record that a reason would open (decision 0026), whether or not the child exists. */
export function reasonRequired(id: string) {
  return platformError(message('REASON_REQUIRED', 'recordNeedsReason', { id }), { field: 'reason' });
}

/** The one refusal of a child's record to a caller with no relationship to it, whether or not the child exists. */
export function noRelationship(id: string) {
  return platformError(message('FORBIDDEN', 'noRelationship', { id }));
}
