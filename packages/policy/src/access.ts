// What a caller may read and write of one child, from their role and their relationships to the child.
import type { Caller, Role } from '@wales-lac/caller';
import { FIELD_CLASSES, GRANTS, type FieldClass, type Relationship } from './model.ts';

export interface Access {
  readonly relationships: readonly Relationship[];
  /** Classes read without a reason. */
  readonly read: ReadonlySet<FieldClass>;
  readonly write: ReadonlySet<FieldClass>;
  /** Classes beyond `read` that a reason given on the query opens (a grant that `needsReason`: decision 0026). */
  readonly readWithReason: ReadonlySet<FieldClass>;
}

/** The union of every grant the role holds through any of the relationships. */
export function accessFor(role: Role, relationships: readonly Relationship[]): Access {
  const read = new Set<FieldClass>();
  const write = new Set<FieldClass>();
  const withReason = new Set<FieldClass>();
  for (const grant of GRANTS) {
    if (grant.role !== role) continue;
    if (grant.relationship !== 'any' && !relationships.includes(grant.relationship)) continue;
    grant.read.forEach((c) => (grant.needsReason ? withReason : read).add(c));
    grant.write.forEach((c) => write.add(c));
  }
  return { relationships, read, write, readWithReason: new Set([...withReason].filter((c) => !read.has(c))) };
}

const personal = (classes: ReadonlySet<FieldClass>) => [...classes].some((c) => c !== 'aggregate');

/** True when the caller may see that the child's record exists at all (some personal field class is readable without a reason). */
export function seesRecord(access: Access): boolean {
  return personal(access.read);
}

/** True when a reason would open what is refused without one: this class, or (for 'record') the record itself. */
export function opensWithReason(access: Access, classification: FieldClass | 'record'): boolean {
  if (classification === 'record') return !seesRecord(access) && personal(access.readWithReason);
  return !access.read.has(classification) && access.readWithReason.has(classification);
}

/** What the caller reads with a reason given: both sets. */
export function withReasonGiven(access: Access): Access {
  return { ...access, read: new Set([...access.read, ...access.readWithReason]), readWithReason: new Set() };
}

/** Field classes in the order ../shared/design/ENTITLEMENTS.md lists them. */
export function inOrder(classes: ReadonlySet<FieldClass>): FieldClass[] {
  return FIELD_CLASSES.filter((c) => classes.has(c));
}

/** What the owning authority knows about a child that decides relationships, at the moment of the request. */
export interface ChildFacts {
  readonly homeAuthority: string;
  readonly learnerId: string;
  /** Authority of the current placement, if any. */
  readonly livesIn: string | null;
  /** Current school and its authority, if any. */
  readonly schoolId: string | null;
  readonly schoolAuthority: string | null;
  /** Subjects of the child's currently allocated social workers. */
  readonly socialWorkers: readonly string[];
}

/** Every relationship the caller holds to the child (['none'] when there is none). */
export function relationshipsBetween(caller: Caller, child: ChildFacts): Relationship[] {
  const found: Relationship[] = [];
  const staff = caller.role === 'virtual-school-head' || caller.role === 'social-worker' || caller.role === 'designated-teacher';
  if (staff && caller.authorityCode === child.homeAuthority) found.push('home');
  if (caller.role === 'social-worker' && child.socialWorkers.includes(caller.subject)) found.push('caseload');
  if (
    staff &&
    caller.authorityCode !== child.homeAuthority &&
    caller.authorityCode !== null &&
    (child.livesIn === caller.authorityCode || child.schoolAuthority === caller.authorityCode)
  ) {
    found.push('host');
  }
  if (caller.role === 'designated-teacher' && caller.schoolId !== null && caller.schoolId === child.schoolId) found.push('school');
  if (caller.role === 'learner' && caller.learnerId === child.learnerId) found.push('self');
  return found.length > 0 ? found : ['none'];
}
