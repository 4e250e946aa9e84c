// Changes to a child's record inside an open transaction: exclusions, reduced timetables, education
// other than at school, SDQs, interventions, placement and school moves (with the notifications they raise), register marks.
import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { authoritySchema } from '@wales-lac/db';
import { lockLearner, nextRecordId, type Transaction } from './writes.ts';

const {
  learners,
  exclusions,
  reducedTimetables,
  educationOtherThanAtSchool,
  sdqAssessments,
  interventions,
  placements,
  enrolments,
  notifications,
  attendanceDays,
  careEpisodes,
} = authoritySchema;

type Insert<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], 'id'>;

/** A record numbered in turn within the authority (`<code>:<kind>nnnnnn`), inserted. */
async function insertNumbered<T extends typeof exclusions | typeof reducedTimetables | typeof sdqAssessments | typeof interventions>(
  tx: Transaction,
  table: T,
  tableName: 'exclusions' | 'reduced_timetables' | 'sdq_assessments' | 'interventions',
  authorityCode: string,
  kind: string,
  row: Insert<T>,
): Promise<string> {
  const id = await nextRecordId(tx, tableName, authorityCode, kind);
  // T['$inferInsert'] is the row with its id; TypeScript cannot follow a generic table through values().
  await tx.insert(table as typeof exclusions).values({ ...row, id } as typeof exclusions.$inferInsert);
  return id;
}

export const insertExclusion = (tx: Transaction, authorityCode: string, row: Insert<typeof exclusions>) =>
  insertNumbered(tx, exclusions, 'exclusions', authorityCode, 'EX', row);
export const insertReducedTimetable = (tx: Transaction, authorityCode: string, row: Insert<typeof reducedTimetables>) =>
  insertNumbered(tx, reducedTimetables, 'reduced_timetables', authorityCode, 'RT', row);
export const insertSdq = (tx: Transaction, authorityCode: string, row: Insert<typeof sdqAssessments>) =>
  insertNumbered(tx, sdqAssessments, 'sdq_assessments', authorityCode, 'SQ', row);
export const insertIntervention = (tx: Transaction, authorityCode: string, row: Insert<typeof interventions>) =>
  insertNumbered(tx, interventions, 'interventions', authorityCode, 'IV', row);

/** The outcome of recording education other than at school: its new record, or the period of the same kind it overlaps. */
export type EotasOutcome =
  { readonly id: string } | { readonly overlaps: { readonly id: string; readonly startedOn: string; readonly endedOn: string | null } };

/**
 * Records a period of education other than at school unless it overlaps one of the same kind for the
 * child (an open end runs on). The child is locked first, so two overlapping periods cannot both pass.
 */
export async function insertEotas(tx: Transaction, authorityCode: string, row: Insert<typeof educationOtherThanAtSchool>): Promise<EotasOutcome> {
  const t = educationOtherThanAtSchool;
  await lockLearner(tx, row.learnerId);
  const [overlap] = await tx
    .select({ id: t.id, startedOn: t.startedOn, endedOn: t.endedOn })
    .from(t)
    .where(
      and(
        eq(t.learnerId, row.learnerId),
        eq(t.kind, row.kind),
        or(isNull(t.endedOn), gte(t.endedOn, row.startedOn)),
        row.endedOn ? lte(t.startedOn, row.endedOn) : undefined,
      ),
    )
    .orderBy(asc(t.startedOn))
    .limit(1);
  if (overlap) return { overlaps: overlap };
  const id = await nextRecordId(tx, 'education_other_than_at_school', authorityCode, 'EO');
  await tx.insert(t).values({ ...row, id });
  return { id };
}

export interface Move {
  readonly learnerId: string;
  /** The day the move takes effect; the open period before it ends the day before. */
  readonly startsOn: string;
}

/** The ISO date before `date`. */
export const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** The outcome of a move: its new record, or the start of an open period it would have to come before. */
export type MoveOutcome = { readonly id: string } | { readonly openSince: string };

/**
 * Ends the open placement the day before and starts the new one in the current care episode. The open
 * placement is locked first, so a second move recorded at the same time queues and then sees the first.
 */
export async function movePlacement(
  tx: Transaction,
  authorityCode: string,
  move: Move & { readonly placementType: string; readonly livesIn: string },
): Promise<MoveOutcome> {
  const [open] = await tx
    .select()
    .from(placements)
    .where(and(eq(placements.learnerId, move.learnerId), isNull(placements.endedOn)))
    .for('update');
  if (open && open.startedOn >= move.startsOn) return { openSince: open.startedOn };
  const [episode] = await tx
    .select()
    .from(careEpisodes)
    .where(and(eq(careEpisodes.learnerId, move.learnerId), isNull(careEpisodes.endedOn)));
  if (open)
    await tx
      .update(placements)
      .set({ endedOn: dayBefore(move.startsOn) })
      .where(eq(placements.id, open.id));
  const id = await nextRecordId(tx, 'placements', authorityCode, 'PL');
  const careEpisodeId = episode?.id ?? open?.careEpisodeId ?? '';
  await tx
    .insert(placements)
    .values({ id, learnerId: move.learnerId, careEpisodeId, placementType: move.placementType, authorityCode: move.livesIn, startedOn: move.startsOn });
  return { id };
}

/** A school move's outcome: as a move's, with the school the child leaves (null when on no roll). */
export type SchoolMoveOutcome = { readonly id: string; readonly leftSchool: string | null } | { readonly openSince: string };

/** Ends the open enrolment the day before and puts the child on the new school's roll (locked like placements). */
export async function moveSchool(
  tx: Transaction,
  authorityCode: string,
  move: Move & { readonly schoolId: string; readonly schoolAuthorityCode: string },
): Promise<SchoolMoveOutcome> {
  const [open] = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.learnerId, move.learnerId), isNull(enrolments.endedOn)))
    .for('update');
  if (open && open.startedOn >= move.startsOn) return { openSince: open.startedOn };
  if (open)
    await tx
      .update(enrolments)
      .set({ endedOn: dayBefore(move.startsOn) })
      .where(eq(enrolments.id, open.id));
  const id = await nextRecordId(tx, 'enrolments', authorityCode, 'EN');
  await tx
    .insert(enrolments)
    .values({ id, learnerId: move.learnerId, schoolId: move.schoolId, schoolAuthorityCode: move.schoolAuthorityCode, startedOn: move.startsOn });
  return { id, leftSchool: open?.schoolId ?? null };
}

export interface NewNotification {
  /** A school (its designated teacher), an authority (its education lead), a learner (their social worker). */
  readonly recipientKind: 'school' | 'authority' | 'learner';
  readonly recipient: string;
  readonly learnerId: string;
  readonly kind: 'school-move' | 'placement-move';
  readonly effectiveOn: string;
  readonly movesTo: string;
  /** The school or authority the child leaves, when there is one. */
  readonly movesFrom?: string | null;
}

export async function notify(tx: Transaction, authorityCode: string, notification: NewNotification): Promise<string> {
  const id = await nextRecordId(tx, 'notifications', authorityCode, 'N');
  await tx.insert(notifications).values({ ...notification, id });
  return id;
}

export interface RegisterRow {
  readonly learnerId: string;
  readonly am: string;
  readonly pm: string;
}

/** A day's marks for many children at one school: a mark already recorded for that day is replaced. */
export async function recordRegister(tx: Transaction, schoolId: string, date: string, rows: readonly RegisterRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(attendanceDays)
    .values(rows.map((r) => ({ learnerId: r.learnerId, date, schoolId, am: r.am, pm: r.pm })))
    .onConflictDoUpdate({
      target: [attendanceDays.learnerId, attendanceDays.date],
      set: { schoolId, am: sql`excluded.am`, pm: sql`excluded.pm`, recordedAt: new Date() },
    });
}

/** The language the child asked to be addressed in. */
export async function setLanguagePreference(tx: Transaction, learnerId: string, language: string): Promise<void> {
  await tx.update(learners).set({ languagePreference: language, updatedAt: new Date() }).where(eq(learners.id, learnerId));
}
