// Who may learn whether a learner id exists (issue 10, "no existence oracle"; docs/entitlements.md).
// Only a caller who can already list every child this authority holds: its own virtual school head and
// social workers, whose `learners` is the whole register. To anyone else a well-formed id that no child has
// is answered exactly as a real child they have no relationship with (FORBIDDEN, the same message, the same
// audit row and database work), so an id's answer cannot be used to count an authority's children.
import type { Caller } from '@wales-lac/caller';
import { message, platformError } from '@wales-lac/errors';

export function knowsRegister(caller: Caller, authorityCode: string): boolean {
  return (caller.role === 'virtual-school-head' || caller.role === 'social-worker') && caller.authorityCode === authorityCode;
}

/** The one refusal of a child's record to a caller with no relationship to it, whether or not the child exists. */
export function noRelationship(id: string) {
  return platformError(message('FORBIDDEN', 'noRelationship', { id }));
}
