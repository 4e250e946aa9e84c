// Which of this authority's learners a caller may see at all: those they hold a relationship with that
// grants some field class (../shared/design/ENTITLEMENTS.md). Computed in SQL where the data lives, from the child's
// current placement, enrolment and allocations at the moment of the request. It must agree with
// `relationshipsBetween` in packages/policy; a test checks that it does.
import { sql, type SQL } from 'drizzle-orm';
import { authoritySchema } from '@wales-lac/db';
import type { Caller } from '@wales-lac/caller';
import { GRANTS, type FieldClass, type Relationship } from '@wales-lac/policy';

const { learners, placements, enrolments, staffAllocations } = authoritySchema;

/**
 * Rows current on `today` (the request's day, the same clock access decisions use): started, and not yet
 * ended. Never the database's current_date: the two clocks could disagree (a moved clock, a time zone).
 */
export const currentOn = (startedOn: SQL, endedOn: SQL, today: string): SQL =>
  sql`(${startedOn} <= ${today}::date and (${endedOn} is null or ${endedOn} >= ${today}::date))`;

function livesOrLearnsIn(authorityCode: string, today: string): SQL {
  return sql`(exists (select 1 from ${placements} p where p.learner_id = ${learners.id} and p.authority_code = ${authorityCode}
                and ${currentOn(sql`p.started_on`, sql`p.ended_on`, today)})
          or exists (select 1 from ${enrolments} e where e.learner_id = ${learners.id} and e.school_authority_code = ${authorityCode}
                and ${currentOn(sql`e.started_on`, sql`e.ended_on`, today)}))`;
}

function onCaseloadOf(subject: string, today: string): SQL {
  return sql`exists (select 1 from ${staffAllocations} a where a.learner_id = ${learners.id} and a.staff_role = 'social-worker'
                and a.staff_subject = ${subject} and ${currentOn(sql`a.started_on`, sql`a.ended_on`, today)})`;
}

function onRollOf(schoolId: string, today: string): SQL {
  return sql`exists (select 1 from ${enrolments} e where e.learner_id = ${learners.id} and e.school_id = ${schoolId}
                and ${currentOn(sql`e.started_on`, sql`e.ended_on`, today)})`;
}

/**
 * A predicate on `learners` true for the rows this caller may see in this authority's database. Not
 * `reasoned`, a social worker sees only their caseload: their grant to every child of their authority is
 * opened by a reason given on the query (decision 0026).
 */
export function learnersVisibleTo(caller: Caller, ownAuthorityCode: string, today: string, reasoned = true): SQL {
  switch (caller.role) {
    case 'learner':
      return caller.learnerId ? sql`${learners.id} = ${caller.learnerId}` : sql`false`;
    case 'virtual-school-head':
      if (!caller.authorityCode) return sql`false`;
      return caller.authorityCode === ownAuthorityCode ? sql`true` : livesOrLearnsIn(caller.authorityCode, today);
    case 'social-worker':
      return caller.authorityCode === ownAuthorityCode && reasoned ? sql`true` : onCaseloadOf(caller.subject, today);
    case 'designated-teacher':
      return caller.schoolId ? onRollOf(caller.schoolId, today) : sql`false`;
    case 'consortium-analyst':
    case 'national-analyst':
      return sql`false`;
  }
}

const STAFF: readonly Caller['role'][] = ['virtual-school-head', 'social-worker', 'designated-teacher'];

/** A predicate on `learners` true where the caller holds this relationship to the child (as relationshipsBetween). */
export function holds(caller: Caller, ownAuthorityCode: string, relationship: Relationship, today: string): SQL {
  const staff = STAFF.includes(caller.role);
  switch (relationship) {
    case 'home':
      return staff && caller.authorityCode === ownAuthorityCode ? sql`true` : sql`false`;
    case 'caseload':
      return caller.role === 'social-worker' ? onCaseloadOf(caller.subject, today) : sql`false`;
    case 'host':
      return staff && caller.authorityCode && caller.authorityCode !== ownAuthorityCode ? livesOrLearnsIn(caller.authorityCode, today) : sql`false`;
    case 'school':
      return caller.role === 'designated-teacher' && caller.schoolId ? onRollOf(caller.schoolId, today) : sql`false`;
    case 'self':
      return caller.role === 'learner' && caller.learnerId ? sql`${learners.id} = ${caller.learnerId}` : sql`false`;
    case 'none':
      return sql`false`;
  }
}

/**
 * A predicate on `learners` true for the children whose `fieldClass` the caller may read: a caseload
 * filter on that class may only sort among them, or it would tell the caller what they may not read.
 */
export function mayReadClassOf(caller: Caller, ownAuthorityCode: string, fieldClass: FieldClass, today: string, reasoned = true): SQL {
  const through = GRANTS.filter((g) => g.role === caller.role && g.relationship !== 'any' && g.read.includes(fieldClass) && (reasoned || !g.needsReason)).map(
    (g) => g.relationship as Relationship,
  );
  if (through.length === 0) return sql`false`;
  return sql`(${sql.join(
    through.map((r) => holds(caller, ownAuthorityCode, r, today)),
    sql` or `,
  )})`;
}
