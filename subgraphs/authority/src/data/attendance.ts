// Attendance summaries of many learners over one period, in one statement.
import { and, between, inArray, sql } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase } from '@wales-lac/db';
import { ATTENDANCE_MARKS, ATTENDED_MARKS, POSSIBLE_MARKS } from '@wales-lac/wales';
import { anyId } from './id-list.ts';

const { attendanceDays } = authoritySchema;

export interface AttendanceCounts {
  readonly possible: number;
  readonly attended: number;
  readonly authorised: number;
  readonly unauthorised: number;
}

const marksIn = (category: string) => Object.keys(ATTENDANCE_MARKS).filter((m) => ATTENDANCE_MARKS[m] === category);
const sessionsWith = (marks: readonly string[]) =>
  sql<number>`coalesce(sum((${inArray(attendanceDays.am, [...marks])})::int + (${inArray(attendanceDays.pm, [...marks])})::int), 0)::int`;

export async function attendanceOfLearners(
  db: AuthorityDatabase,
  learnerIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, AttendanceCounts>> {
  const rows = await db
    .select({
      learnerId: attendanceDays.learnerId,
      possible: sessionsWith(POSSIBLE_MARKS),
      attended: sessionsWith(ATTENDED_MARKS),
      authorised: sessionsWith(marksIn('authorised-absence')),
      unauthorised: sessionsWith(marksIn('unauthorised-absence')),
    })
    .from(attendanceDays)
    .where(and(anyId(attendanceDays.learnerId, learnerIds), between(attendanceDays.date, from, to)))
    .groupBy(attendanceDays.learnerId);
  return new Map(rows.map((r) => [r.learnerId, r]));
}
