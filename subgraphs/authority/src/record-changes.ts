// Changes to the rest of a child's record: exclusions, reduced timetables, education other than at
// school, SDQs, interventions, and placement and school moves, which notify those who must act on them. Order matters for privacy:
// checks of the input alone first, then the caller's right to make the change (refusals audited), and
// only then checks against the child's record, so a refused caller learns nothing from the error. Each
// is declared as a `Change` and run by `runChange` (change.ts), which keeps that order.
import { WORDS, message, platformError, type Param } from '@wales-lac/errors';
import { classesWritten, type Access } from '@wales-lac/policy';
import { EXCLUSION_REASONS, isAuthorityCode, owningAuthority, schoolAuthorityCode } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { badInput, checkDate, checkText, checkWhole, learnerToChange, runChange, type Change, type ChangeStep, type Outcome } from './change.ts';
import {
  insertEotas,
  insertExclusion,
  insertIntervention,
  insertReducedTimetable,
  insertSdq,
  moveSchool,
  movePlacement,
  notify,
  setLanguagePreference,
  type EotasOutcome,
  type LearnerRow,
  type MoveOutcome,
  type SchoolMoveOutcome,
} from './data/index.ts';
import { isCurrent } from './records.ts';
import { putRecordRightAfterSchoolMove } from './school-move.ts';

interface Keyed {
  readonly learner: string;
  readonly idempotencyKey: string;
}

function checkSchool(schoolId: string): string {
  const authority = schoolAuthorityCode(schoolId);
  if (authority === null) badInput('school', 'notASchoolNumber', { id: schoolId });
  return authority;
}

function daysAhead(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const birth = (learner: LearnerRow) => ({ date: learner.dateOfBirth, what: WORDS.dateOfBirth });
const withinNinetyDays = (ctx: AuthorityContext) => ({ date: daysAhead(ctx.today, 90), what: WORDS.ninetyDaysFromToday });

/** A period's dates on their own: it starts within 90 days from today and does not end before it starts. */
function checkPeriod(ctx: AuthorityContext, input: { readonly startsOn: string; readonly endsOn?: string | null }): void {
  checkDate(ctx, 'startsOn', input.startsOn, { notAfter: withinNinetyDays(ctx) });
  if (input.endsOn) checkDate(ctx, 'endsOn', input.endsOn, { notBefore: { date: input.startsOn, what: 'startsOn' } });
}

interface RecordResult {
  readonly recordId: string;
}

async function payload({ ctx, subject: learner }: ChangeStep<unknown, LearnerRow>, outcome: Outcome<RecordResult>) {
  for (const loader of [
    ctx.loaders.placements,
    ctx.loaders.enrolments,
    ctx.loaders.exclusions,
    ctx.loaders.reducedTimetables,
    ctx.loaders.eotas,
    ctx.loaders.sdqs,
    ctx.loaders.interventions,
  ])
    loader.clear(learner.id);
  ctx.access.clear(learner.id);
  const found = await ctx.loaders.learner.load(learner.id);
  return { learner: found?.row ?? null, recordId: outcome.result.recordId, applied: outcome.applied };
}

type RecordPayload = Awaited<ReturnType<typeof payload>>;

/**
 * A change to a child's record, declared with what every such change shares: it is about the learner the
 * input names (a stranger cannot tell whether they exist), a retry gets the first answer before any check,
 * and it answers with the learner read afresh. `C` is what the input check makes of it, `K` what the record check found.
 */
function recordChange<I extends Keyed, C = void, K = void>(
  change: Omit<Change<I, LearnerRow, C, K, RecordResult, RecordPayload>, 'subject' | 'learnersOf' | 'retry' | 'payload'>,
  after?: (step: ChangeStep<I, LearnerRow>) => void,
) {
  const spec: Change<I, LearnerRow, C, K, RecordResult, RecordPayload> = {
    ...change,
    subject: (input, ctx) => learnerToChange(ctx, input.learner),
    learnersOf: ({ subject }) => [subject.id],
    retry: 'first',
    payload: (step, outcome) => {
      after?.(step);
      return payload(step, outcome);
    },
  };
  return (input: I, ctx: AuthorityContext) => runChange(spec, input, ctx);
}

/** A school move changes the child's plans (sign-offs, review date) and contacts: read afresh. */
function clearPlans({ ctx, subject: learner }: ChangeStep<unknown, LearnerRow>): void {
  ctx.loaders.peps.clear(learner.id);
  ctx.loaders.allocations.clear(learner.id);
  ctx.loaders.pep.clearAll();
  ctx.loaders.signOffs.clearAll();
}

/** A designated teacher records for pupils of their own school only (whatever else they relate to). */
function ownSchoolOnly(_access: Access, { ctx, input }: ChangeStep<{ readonly school: string }, unknown>) {
  return ctx.caller.role === 'designated-teacher' && ctx.caller.schoolId !== input.school
    ? message('FORBIDDEN', 'ownSchoolOnly', { school: ctx.caller.schoolId ?? WORDS.none })
    : null;
}

async function checkOnRoll(ctx: AuthorityContext, learnerId: string, schoolId: string, on: string): Promise<void> {
  const enrolled = (await ctx.loaders.enrolments.load(learnerId)).some((e) => e.schoolId === schoolId && isCurrent(e, on));
  if (!enrolled) badInput('school', 'notOnRoll', { school: schoolId, date: on });
}

export interface RecordExclusionInput extends Keyed {
  school: string;
  kind: 'fixed-term' | 'permanent';
  startsOn: string;
  sessions?: number | null;
  reason: string;
}

export const recordExclusion = recordChange<RecordExclusionInput, string>({
  operation: 'recordExclusion',
  fields: ['Learner.exclusions'],
  checkInput: ({ ctx, input }) => {
    checkSchool(input.school);
    checkDate(ctx, 'startsOn', input.startsOn, { notFuture: true, schoolDay: true });
    if (input.kind === 'fixed-term') checkWhole('sessions', input.sessions ?? Number.NaN, 1, 90);
    else if (input.sessions != null) badInput('sessions', 'permanentNoSessions', {});
    const reason = input.reason.trim();
    if (!(EXCLUSION_REASONS as readonly string[]).includes(reason))
      badInput('reason', 'notAnExclusionReason', { value: input.reason, codes: EXCLUSION_REASONS.join(', ') });
    return reason;
  },
  extraRefusal: ownSchoolOnly,
  checkRecord: async ({ ctx, input, subject: learner }) => {
    checkDate(ctx, 'startsOn', input.startsOn, { notBefore: birth(learner) });
    await checkOnRoll(ctx, learner.id, input.school, input.startsOn);
  },
  apply: async (tx, { ctx, input, subject: learner, checked: reason }) => ({
    recordId: await insertExclusion(tx, ctx.authorityCode, {
      learnerId: learner.id,
      schoolId: input.school,
      kind: input.kind,
      startsOn: input.startsOn,
      sessions: input.kind === 'permanent' ? null : (input.sessions ?? null),
      reason,
    }),
  }),
});

export interface RecordReducedTimetableInput extends Keyed {
  school: string;
  startsOn: string;
  endsOn?: string | null;
  hoursPerWeek: number;
  reason: string;
}

export const recordReducedTimetable = recordChange<RecordReducedTimetableInput, string>({
  operation: 'recordReducedTimetable',
  fields: ['Learner.reducedTimetables'],
  checkInput: ({ ctx, input }) => {
    checkSchool(input.school);
    checkPeriod(ctx, input);
    checkWhole('hoursPerWeek', input.hoursPerWeek, 0, 24);
    return checkText('reason', input.reason, 200);
  },
  extraRefusal: ownSchoolOnly,
  checkRecord: async ({ ctx, input, subject: learner }) => {
    checkDate(ctx, 'startsOn', input.startsOn, { notBefore: birth(learner) });
    await checkOnRoll(ctx, learner.id, input.school, input.startsOn > ctx.today ? ctx.today : input.startsOn);
  },
  apply: async (tx, { ctx, input, subject: learner, checked: reason }) => ({
    recordId: await insertReducedTimetable(tx, ctx.authorityCode, {
      learnerId: learner.id,
      schoolId: input.school,
      startedOn: input.startsOn,
      endedOn: input.endsOn ?? null,
      hoursPerWeek: input.hoursPerWeek,
      reason,
    }),
  }),
});

export interface RecordEducationOtherThanAtSchoolInput extends Keyed {
  kind: string;
  provider: string;
  hoursPerWeek: number;
  startsOn: string;
  endsOn?: string | null;
}

/** Hours a week in half-hour steps, more than 0 and at most `max`, as a whole number of half hours. */
function checkHalfHours(field: string, value: number, max: number): number {
  const halves = value * 2;
  if (!Number.isInteger(halves) || halves < 1 || halves > max * 2) badInput(field, 'halfHours', { max, value });
  return halves;
}

/** The new record's id; BAD_USER_INPUT naming startsOn when the period overlaps one of the same kind (rolled back). */
function notOverlapping(outcome: EotasOutcome, kind: string): string {
  if ('id' in outcome) return outcome.id;
  const { id, startedOn, endedOn } = outcome.overlaps;
  badInput('startsOn', 'eotasOverlap', { kind, id, from: startedOn, until: endedOn ? message('BAD_USER_INPUT', 'untilDate', { date: endedOn }) : WORDS.noEnd });
}

/** A child's birth is the earliest a record about them can start. */
function checkAfterBirth<F extends string>(field: F) {
  return ({ ctx, input, subject: learner }: ChangeStep<Readonly<Record<F, string>>, LearnerRow>): void => {
    checkDate(ctx, field, input[field], { notBefore: birth(learner) });
  };
}

/** Education the authority arranges other than at school; alongside a school roll too (dual arrangements exist). */
export const recordEducationOtherThanAtSchool = recordChange<RecordEducationOtherThanAtSchoolInput, { halfHoursPerWeek: number; provider: string }>({
  operation: 'recordEducationOtherThanAtSchool',
  fields: ['Learner.educationOtherThanAtSchool'],
  checkInput: ({ ctx, input }) => {
    checkPeriod(ctx, input);
    const halfHoursPerWeek = checkHalfHours('hoursPerWeek', input.hoursPerWeek, 40);
    return { halfHoursPerWeek, provider: checkText('provider', input.provider, 200) };
  },
  checkRecord: checkAfterBirth('startsOn'),
  apply: async (tx, { ctx, input, subject: learner, checked: { halfHoursPerWeek, provider } }) => {
    const row = { learnerId: learner.id, kind: input.kind, provider, halfHoursPerWeek, startedOn: input.startsOn, endedOn: input.endsOn ?? null };
    return { recordId: notOverlapping(await insertEotas(tx, ctx.authorityCode, row), input.kind) };
  },
});

const SDQ_SCALES = ['emotional', 'conduct', 'hyperactivity', 'peer', 'prosocial'] as const;

export interface RecordSdqInput extends Keyed, Record<(typeof SDQ_SCALES)[number], number> {
  completedOn: string;
  informant: string;
}

export const recordSdq = recordChange<RecordSdqInput>({
  operation: 'recordSdq',
  fields: ['Learner.sdqAssessments'],
  checkInput: ({ ctx, input }) => {
    checkDate(ctx, 'completedOn', input.completedOn, { notFuture: true });
    for (const scale of SDQ_SCALES) checkWhole(scale, input[scale], 0, 10);
  },
  checkRecord: checkAfterBirth('completedOn'),
  apply: async (tx, { ctx, input, subject: learner }) => {
    const { emotional, conduct, hyperactivity, peer, prosocial } = input;
    return {
      recordId: await insertSdq(tx, ctx.authorityCode, {
        learnerId: learner.id,
        completedOn: input.completedOn,
        informant: input.informant,
        emotional,
        conduct,
        hyperactivity,
        peer,
        prosocial,
      }),
    };
  },
});

export interface RecordInterventionInput extends Keyed {
  kind: string;
  startsOn: string;
  endsOn?: string | null;
  grantFunded: boolean;
  description: string;
}

// A CAMHS referral is well-being information; other support is part of the PEP.
const isCamhs = (input: RecordInterventionInput) => input.kind === 'camhs-referral';

export const recordIntervention = recordChange<RecordInterventionInput, string>({
  operation: 'recordIntervention',
  classes: (input) => classesWritten('recordIntervention', isCamhs(input) ? 'wellbeing' : 'pep'),
  fields: (input) => [isCamhs(input) ? 'Learner.camhsReferrals' : 'Learner.interventions'],
  checkInput: ({ ctx, input }) => {
    checkPeriod(ctx, input);
    return checkText('description', input.description, 500);
  },
  extraRefusal: (_access, { ctx }) => (ctx.caller.role === 'learner' ? message('FORBIDDEN', 'supportByProfessionals') : null),
  checkRecord: checkAfterBirth('startsOn'),
  apply: async (tx, { ctx, input, subject: learner, checked: description }) => ({
    recordId: await insertIntervention(tx, ctx.authorityCode, {
      learnerId: learner.id,
      kind: input.kind,
      startedOn: input.startsOn,
      endedOn: input.endsOn ?? null,
      grantFunded: input.grantFunded,
      description,
    }),
  }),
});

/** A move must come after the open period (current, or a move already recorded for a later date). */
function checkAfterOpen(ctx: AuthorityContext, learner: LearnerRow, startsOn: string, open: { startedOn: string } | undefined, what: Param): void {
  checkDate(ctx, 'startsOn', startsOn, {
    notBefore: open ? { date: daysAhead(open.startedOn, 1), what: message('BAD_USER_INPUT', 'dayAfterOpen', { what, date: open.startedOn }) } : birth(learner),
    notAfter: withinNinetyDays(ctx),
  });
}

function moved(outcome: MoveOutcome | SchoolMoveOutcome, what: Param): string {
  if ('id' in outcome) return outcome.id;
  throw platformError(message('CONFLICT', 'movedMeanwhile', { what, since: outcome.openSince }), { field: 'startsOn' });
}

export interface RecordPlacementMoveInput extends Keyed {
  type: string;
  authority: string;
  startsOn: string;
}

export const recordPlacementMove = recordChange<RecordPlacementMoveInput, void, { from: string | null; crossesBorder: boolean }>({
  operation: 'recordPlacementMove',
  fields: ['Learner.placements'],
  checkInput: ({ ctx, input }) => {
    if (!isAuthorityCode(input.authority)) badInput('authority', 'fieldNotAnAuthorityCode', { value: input.authority });
    checkDate(ctx, 'startsOn', input.startsOn, { notAfter: withinNinetyDays(ctx) });
  },
  checkRecord: async ({ ctx, input, subject: learner }) => {
    const open = (await ctx.loaders.placements.load(learner.id)).find((p) => p.endedOn === null);
    checkAfterOpen(ctx, learner, input.startsOn, open, WORDS.placement);
    return { from: open?.authorityCode ?? null, crossesBorder: input.authority !== owningAuthority(learner.id) && input.authority !== open?.authorityCode };
  },
  apply: async (tx, { ctx, input, subject: learner, record: { from, crossesBorder } }) => {
    const recordId = moved(
      await movePlacement(tx, ctx.authorityCode, { learnerId: learner.id, startsOn: input.startsOn, placementType: input.type, livesIn: input.authority }),
      WORDS.placement,
    );
    if (crossesBorder) {
      await notify(tx, ctx.authorityCode, {
        recipientKind: 'authority',
        recipient: input.authority,
        learnerId: learner.id,
        kind: 'placement-move',
        effectiveOn: input.startsOn,
        movesTo: input.authority,
        movesFrom: from,
      });
    }
    return { recordId };
  },
});

export interface RecordSchoolMoveInput extends Keyed {
  school: string;
  startsOn: string;
}

/** Only the home authority's education lead moves a child's school. */
const homeEducationLead = (access: Access, { ctx }: ChangeStep<unknown, unknown>) =>
  ctx.caller.role === 'virtual-school-head' && access.relationships.includes('home') ? null : message('FORBIDDEN', 'homeLeadOnly');

/** The move and, in its transaction, what it puts right (school-move.ts); the plans are read afresh after. */
export const recordSchoolMove = recordChange<RecordSchoolMoveInput, string>(
  {
    operation: 'recordSchoolMove',
    fields: ['Learner.enrolments'],
    checkInput: ({ ctx, input }) => {
      const schoolAuthority = checkSchool(input.school);
      checkDate(ctx, 'startsOn', input.startsOn, { notAfter: withinNinetyDays(ctx) });
      return schoolAuthority;
    },
    extraRefusal: homeEducationLead,
    checkRecord: async ({ ctx, input, subject: learner }) => {
      const open = (await ctx.loaders.enrolments.load(learner.id)).find((e) => e.endedOn === null);
      if (open?.schoolId === input.school) badInput('school', 'alreadyOnRoll', { school: input.school });
      checkAfterOpen(ctx, learner, input.startsOn, open, WORDS.enrolment);
    },
    apply: async (tx, { ctx, input, subject: learner, checked: schoolAuthority }) => {
      const enrolled = await moveSchool(tx, ctx.authorityCode, {
        learnerId: learner.id,
        startsOn: input.startsOn,
        schoolId: input.school,
        schoolAuthorityCode: schoolAuthority,
      });
      const recordId = moved(enrolled, WORDS.enrolment);
      const leftSchool = 'leftSchool' in enrolled ? enrolled.leftSchool : null;
      await putRecordRightAfterSchoolMove(tx, { learnerId: learner.id, home: ctx.authorityCode, startsOn: input.startsOn, school: input.school, leftSchool });
      return { recordId };
    },
  },
  clearPlans,
);

export interface RecordLanguagePreferenceInput extends Keyed {
  language: string;
}

/**
 * The child says which language they want to be addressed in: their wish (voice), recorded by the
 * child or by their social worker on their behalf (decision 0009); their own views then follow it.
 */
export const recordLanguagePreference = recordChange<RecordLanguagePreferenceInput>(
  {
    operation: 'recordLanguagePreference',
    fields: ['Learner.languagePreference'],
    apply: async (tx, { input, subject: learner }) => {
      await setLanguagePreference(tx, learner.id, input.language);
      return { recordId: learner.id };
    },
  },
  ({ ctx, subject: learner }) => ctx.loaders.learner.clear(learner.id),
);
