import { and, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import type { Caller } from '@wales-lac/caller';
import type { FieldClass, Relationship } from '@wales-lac/policy';
import { ATTENDED_MARKS, POSSIBLE_MARKS } from '@wales-lac/wales';
import { currentOn, holds, learnersVisibleTo, mayReadClassOf } from './reach.ts';
import { anyId } from './id-list.ts';

const { learners, placements, peps, attendanceDays, exclusions } = authoritySchema;
export type LearnerRow = typeof learners.$inferSelect;

export interface LearnerPageQuery {
  readonly first: number;
  /** Only learners with an id after this one (keyset paging). */
  readonly afterId: string | null;
  readonly placedOutOfCounty: boolean | null;
  readonly overduePep: boolean | null;
  /** Attendance share this school year below which a child is listed; with the first day of that year. */
  readonly attendanceBelow: { readonly share: number; readonly since: string } | null;
  /** Excluded (or not) on or after this day: the first day of the current term. */
  readonly excludedSince: { readonly wanted: boolean; readonly since: string } | null;
  readonly upn: string | null;
  /** Only children the caller holds this relationship to (their own list). */
  readonly relationship: Relationship | null;
  /** A reason was given: it opens a social worker's grant beyond their caseload (decision 0026). */
  readonly reasoned: boolean;
}

export interface LearnerPage {
  readonly rows: LearnerRow[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

export interface LearnerVisibility {
  readonly row: LearnerRow;
  readonly visible: boolean;
}

/** Learners by id, each marked visible or not to the caller; absent ids are missing from the map. */
export async function learnersByIds(
  db: AuthorityDatabase,
  caller: Caller,
  authorityCode: string,
  today: string,
  ids: readonly string[],
): Promise<Map<string, LearnerVisibility>> {
  const rows = await db
    .select({ row: learners, visible: sql<boolean>`${learnersVisibleTo(caller, authorityCode, today)}` })
    .from(learners)
    .where(anyId(learners.id, ids));
  return new Map(rows.map((r) => [r.row.id, r]));
}

function outOfCounty(authorityCode: string, wanted: boolean, today: string): SQL {
  const placedElsewhere = sql`exists (select 1 from ${placements} p where p.learner_id = ${learners.id}
    and p.authority_code <> ${authorityCode} and ${currentOn(sql`p.started_on`, sql`p.ended_on`, today)})`;
  return wanted ? placedElsewhere : sql`not ${placedElsewhere}`;
}

const pepOverdue = (today: string) => sql`exists (select 1 from ${peps} pep where pep.learner_id = ${learners.id}
  and pep.status <> 'superseded' and pep.next_review_due < ${today}::date)`;

function attendanceBelow(share: number, since: string): SQL {
  const attended = sql`(${inArray(attendanceDays.am, [...ATTENDED_MARKS])})::int + (${inArray(attendanceDays.pm, [...ATTENDED_MARKS])})::int`;
  const possible = sql`(${inArray(attendanceDays.am, [...POSSIBLE_MARKS])})::int + (${inArray(attendanceDays.pm, [...POSSIBLE_MARKS])})::int`;
  return sql`(select sum(${attended})::float / nullif(sum(${possible}), 0) from ${attendanceDays}
    where ${attendanceDays.learnerId} = ${learners.id} and ${attendanceDays.date} >= ${since}) < ${share}`;
}

function excludedSince(since: string): SQL {
  return sql`exists (select 1 from ${exclusions} x where x.learner_id = ${learners.id} and x.starts_on >= ${since})`;
}

/** One page of the learners the caller may see, in id order, with the total that match. */
export async function pageOfLearners(
  db: AuthorityDatabase,
  caller: Caller,
  authorityCode: string,
  today: string,
  query: LearnerPageQuery,
): Promise<LearnerPage> {
  const filters: SQL[] = [learnersVisibleTo(caller, authorityCode, today, query.reasoned)];
  // Each filter reads a field class; it only ever selects among children whose class the caller may read.
  const readable = (fieldClass: FieldClass, filter: SQL) => filters.push(mayReadClassOf(caller, authorityCode, fieldClass, today, query.reasoned), filter);
  if (query.placedOutOfCounty !== null) readable('care', outOfCounty(authorityCode, query.placedOutOfCounty, today));
  if (query.overduePep !== null) readable('pep', query.overduePep ? pepOverdue(today) : sql`not ${pepOverdue(today)}`);
  if (query.attendanceBelow) readable('education', attendanceBelow(query.attendanceBelow.share, query.attendanceBelow.since));
  if (query.upn !== null) readable('identity', eq(learners.upn, query.upn));
  if (query.relationship !== null) filters.push(holds(caller, authorityCode, query.relationship, today));
  if (query.excludedSince)
    readable('education', query.excludedSince.wanted ? excludedSince(query.excludedSince.since) : sql`not ${excludedSince(query.excludedSince.since)}`);
  const matching = and(...filters);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(learners)
      .where(query.afterId ? and(matching, gt(learners.id, query.afterId)) : matching)
      .orderBy(asc(learners.id))
      .limit(query.first + 1),
    db.select({ n: count() }).from(learners).where(matching),
  ]);
  return { rows: rows.slice(0, query.first), hasNextPage: rows.length > query.first, totalCount: totals[0]?.n ?? 0 };
}

export async function learnerExists(db: AuthorityDatabase, id: string): Promise<boolean> {
  const rows = await db.select({ id: learners.id }).from(learners).where(eq(learners.id, id));
  return rows.length > 0;
}
