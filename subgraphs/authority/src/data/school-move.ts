// What a school move puts right in the record, inside the move's transaction (decision 0027): the
// designated teacher among the child's contacts, the old school's sign-offs, the review date.
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { authoritySchema } from '@wales-lac/db';
import { dayBefore } from './record-writes.ts';
import { nextRecordId, type Transaction } from './writes.ts';

const { staffAllocations, enrolments, peps, pepSignOffs } = authoritySchema;

/** A designated teacher as this authority knows them. */
export interface KnownTeacher {
  readonly subject: string;
  readonly name: string;
  readonly workEmail: string;
}

/**
 * The school's designated teacher as this authority knows them: the most recent one allocated to a
 * pupil of this authority on that school's roll now. Null when it has none there (yet).
 */
export async function knownDesignatedTeacher(tx: Transaction, schoolId: string, exceptLearner: string): Promise<KnownTeacher | null> {
  const a = staffAllocations;
  const [found] = await tx
    .select({ subject: a.staffSubject, name: a.staffName, workEmail: a.workEmail })
    .from(a)
    .innerJoin(enrolments, and(eq(enrolments.learnerId, a.learnerId), eq(enrolments.schoolId, schoolId), isNull(enrolments.endedOn)))
    .where(and(eq(a.staffRole, 'designated-teacher'), isNull(a.endedOn), ne(a.learnerId, exceptLearner)))
    .orderBy(desc(a.startedOn), desc(a.id))
    .limit(1);
  return found ?? null;
}

/**
 * The child's designated teacher follows the school: the open allocation ends the day before the move
 * (never before it started) and the new school's teacher, when known, is allocated from the move's day.
 */
export async function designatedTeacherFollows(
  tx: Transaction,
  authorityCode: string,
  learnerId: string,
  startsOn: string,
  teacher: KnownTeacher | null,
): Promise<void> {
  const a = staffAllocations;
  await tx
    .update(a)
    .set({ endedOn: sql`greatest(${a.startedOn}, ${dayBefore(startsOn)}::date)` })
    .where(and(eq(a.learnerId, learnerId), eq(a.staffRole, 'designated-teacher'), isNull(a.endedOn)));
  if (!teacher) return;
  const id = await nextRecordId(tx, 'staff_allocations', authorityCode, 'SA');
  await tx.insert(a).values({
    id,
    learnerId,
    staffRole: 'designated-teacher',
    staffSubject: teacher.subject,
    staffName: teacher.name,
    workEmail: teacher.workEmail,
    startedOn: startsOn,
  });
}

/** The child's plans in force or being written (not superseded), locked. */
async function livePlans(tx: Transaction, learnerId: string) {
  return tx
    .select({ id: peps.id, status: peps.status, nextReviewDue: peps.nextReviewDue })
    .from(peps)
    .where(and(eq(peps.learnerId, learnerId), ne(peps.status, 'superseded')))
    .for('update');
}

/**
 * Marks the designated teacher's sign-offs of the child's live plans as the old school's (the school
 * signed for, and the day the child left it), and brings the agreed plan's review forward to `reviewDue`
 * when it fell later. Versions are not raised: no one's edit is made stale by the move.
 */
export async function planFollowsSchoolMove(
  tx: Transaction,
  learnerId: string,
  move: { readonly leftSchool: string | null; readonly startsOn: string; readonly reviewDue: string },
): Promise<void> {
  const plans = await livePlans(tx, learnerId);
  if (plans.length === 0) return;
  if (move.leftSchool) {
    await tx
      .update(pepSignOffs)
      .set({ schoolId: sql`coalesce(${pepSignOffs.schoolId}, ${move.leftSchool})`, schoolLeftOn: move.startsOn })
      .where(
        and(
          inArray(
            pepSignOffs.pepId,
            plans.map((p) => p.id),
          ),
          eq(pepSignOffs.signerRole, 'designated-teacher'),
          isNull(pepSignOffs.schoolLeftOn),
        ),
      );
  }
  const agreed = plans.filter((p) => p.status === 'agreed' && (p.nextReviewDue === null || p.nextReviewDue > move.reviewDue)).map((p) => p.id);
  if (agreed.length > 0) await tx.update(peps).set({ nextReviewDue: move.reviewDue, updatedAt: new Date() }).where(inArray(peps.id, agreed));
}
