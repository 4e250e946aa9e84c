// What a school move puts right, in the move's own transaction (issue 15, decision 0027): the
// designated teacher among the contacts follows the school, the old school's sign-offs are marked as
// the school the child left, the agreed plan's review falls due within the statutory period, and the
// schools and authorities the child leaves and joins, and the child's social worker, are each notified.
import { schoolAuthorityCode } from '@wales-lac/wales';
import { designatedTeacherFollows, knownDesignatedTeacher, notify, planFollowsSchoolMove, type NewNotification, type Transaction } from './data/index.ts';
import { reviewDueAfterSchoolMove } from './records.ts';

export interface SchoolMove {
  readonly learnerId: string;
  /** The authority recording the move: the child's home authority. */
  readonly home: string;
  readonly startsOn: string;
  readonly school: string;
  /** The school the child leaves; null when they were on no roll. */
  readonly leftSchool: string | null;
}

/** Who is told of a school move: each school, each authority other than the home one (once), the child's social worker. */
export function schoolMoveRecipients(move: SchoolMove): Pick<NewNotification, 'recipientKind' | 'recipient'>[] {
  const schools = [move.school, ...(move.leftSchool ? [move.leftSchool] : [])];
  const authorities = [...new Set(schools.map((s) => schoolAuthorityCode(s)).filter((a): a is string => a !== null && a !== move.home))];
  return [
    ...schools.map((recipient) => ({ recipientKind: 'school' as const, recipient })),
    ...authorities.map((recipient) => ({ recipientKind: 'authority' as const, recipient })),
    { recipientKind: 'learner' as const, recipient: move.learnerId },
  ];
}

/** Runs inside the move's transaction, after the enrolment changed: contacts, plans, notifications. */
export async function putRecordRightAfterSchoolMove(tx: Transaction, move: SchoolMove): Promise<void> {
  await designatedTeacherFollows(tx, move.home, move.learnerId, move.startsOn, await knownDesignatedTeacher(tx, move.school, move.learnerId));
  await planFollowsSchoolMove(tx, move.learnerId, { leftSchool: move.leftSchool, startsOn: move.startsOn, reviewDue: reviewDueAfterSchoolMove(move.startsOn) });
  const about = { learnerId: move.learnerId, kind: 'school-move', effectiveOn: move.startsOn, movesTo: move.school, movesFrom: move.leftSchool } as const;
  for (const recipient of schoolMoveRecipients(move)) await notify(tx, move.home, { ...about, ...recipient });
}
