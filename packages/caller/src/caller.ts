// Who is asking: built from a verified identity token at the gateway, carried to subgraphs in an assertion.
import { isAuthorityCode, owningAuthority, regionFact } from '@wales-lac/wales';

export const ROLES = ['virtual-school-head', 'social-worker', 'designated-teacher', 'learner', 'consortium-analyst', 'national-analyst'] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  /** Stable subject identifier from the identity provider. */
  readonly subject: string;
  readonly role: Role;
  /** GSS code of the authority the caller works for (for a learner: the authority that looks after them). */
  readonly authorityCode: string | null;
  /** School id, for a designated teacher. */
  readonly schoolId: string | null;
  /** Learner id, for a learner. */
  readonly learnerId: string | null;
  /** Consortium code, for a consortium analyst. */
  readonly regionCode: string | null;
}

/** The claims a token carries about its subject, before they are checked. */
export interface CallerClaims {
  readonly sub?: unknown;
  readonly role?: unknown;
  readonly authority?: unknown;
  readonly school?: unknown;
  readonly learner?: unknown;
  readonly region?: unknown;
}

export class InvalidCallerError extends Error {
  override readonly name = 'InvalidCallerError';
}

function optionalString(value: unknown, claim: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw new InvalidCallerError(`claim '${claim}' must be a non-empty string`);
  }
  return value;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const WORKS_FOR_AN_AUTHORITY: readonly Role[] = ['virtual-school-head', 'social-worker', 'designated-teacher'];

/** Builds a caller from token claims, or says which claim is wrong. */
export function callerFromClaims(claims: CallerClaims): Caller {
  const subject = optionalString(claims.sub, 'sub');
  if (!subject) throw new InvalidCallerError("claim 'sub' is required");
  if (!isRole(claims.role)) throw new InvalidCallerError(`claim 'role' must be one of ${ROLES.join(', ')}`);
  const role = claims.role;
  let authorityCode = optionalString(claims.authority, 'authority');
  const schoolId = optionalString(claims.school, 'school');
  const learnerId = optionalString(claims.learner, 'learner');
  const regionCode = optionalString(claims.region, 'region');
  if (authorityCode !== null && !isAuthorityCode(authorityCode)) {
    throw new InvalidCallerError(`claim 'authority' is not a Welsh authority GSS code: ${authorityCode}`);
  }
  if (WORKS_FOR_AN_AUTHORITY.includes(role) && authorityCode === null) {
    throw new InvalidCallerError(`a ${role} must have an 'authority' claim`);
  }
  if (role === 'designated-teacher' && schoolId === null) {
    throw new InvalidCallerError("a designated-teacher must have a 'school' claim");
  }
  if (role === 'learner') {
    const owner = learnerId === null ? null : owningAuthority(learnerId);
    if (owner === null) throw new InvalidCallerError("a learner must have a valid 'learner' claim");
    authorityCode = owner;
  }
  if (role === 'consortium-analyst' && (regionCode === null || !regionFact(regionCode))) {
    throw new InvalidCallerError("a consortium-analyst must have a valid 'region' claim");
  }
  return { subject, role, authorityCode, schoolId, learnerId, regionCode };
}

/** The claims that reproduce a caller (used in assertions and development tokens). */
export function claimsOfCaller(caller: Caller): Record<string, string> {
  const claims: Record<string, string> = { sub: caller.subject, role: caller.role };
  if (caller.authorityCode) claims['authority'] = caller.authorityCode;
  if (caller.schoolId) claims['school'] = caller.schoolId;
  if (caller.learnerId) claims['learner'] = caller.learnerId;
  if (caller.regionCode) claims['region'] = caller.regionCode;
  return claims;
}
