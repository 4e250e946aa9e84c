// Changes to the rest of a child's record: exclusions, reduced timetables, education other than at
// school, SDQs, interventions, and placement and school moves, which notify those who must act on them. Order matters for privacy:
// checks of the input alone first, then the caller's right to make the change (refusals audited), and
// only then checks against the child's record, so a refused caller learns nothing from the error.
import { WORDS, message, platformError, type Param } from '@wales-lac/errors';
import { classesWritten, type Access } from '@wales-lac/policy';
import { EXCLUSION_REASONS, isAuthorityCode, owningAuthority, schoolAuthorityCode } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { applyChange, badInput, checkDate, checkIdempotencyKey, checkText, checkWhole, earlierResult, learnerToChange, requireWrite, type ChangeSpec } from './change.ts';
import { insertEotas, insertExclusion, insertIntervention, insertReducedTimetable, insertSdq, moveSchool, movePlacement, notify, setLanguagePreference, type EotasOutcome, type LearnerRow, type MoveOutcome, type SchoolMoveOutcome } from './data/index.ts';
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

async function payload(ctx: AuthorityContext, learnerId: string, outcome: { result: { recordId: string }; applied: boolean }) {
  for (const loader of [ctx.loaders.placements, ctx.loaders.enrolments, ctx.loaders.exclusions, ctx.loaders.reducedTimetables, ctx.loaders.eotas, ctx.loaders.sdqs, ctx.loaders.interventions]) loader.clear(learnerId);
  ctx.access.clear(learnerId);
  const found = await ctx.loaders.learner.load(learnerId);
  return { learner: found?.row ?? null, recordId: outcome.result.recordId, applied: outcome.applied };
}

/** A school move changes the child's plans (sign-offs, review date) and contacts: read afresh. */
function clearPlans(ctx: AuthorityContext, learnerId: string): void {
  ctx.loaders.peps.clear(learnerId);
  ctx.loaders.allocations.clear(learnerId);
  ctx.loaders.pep.clearAll();
  ctx.loaders.signOffs.clearAll();
}

/** A designated teacher records for pupils of their own school only (whatever else they relate to). */
function ownSchoolOnly(ctx: AuthorityContext, schoolId: string) {
  return () => (ctx.caller.role === 'designated-teacher' && ctx.caller.schoolId !== schoolId ? message('FORBIDDEN', 'ownSchoolOnly', { school: ctx.caller.schoolId ?? WORDS.none }) : null);
}

async function checkOnRoll(ctx: AuthorityContext, learnerId: string, schoolId: string, on: string): Promise<void> {
  const enrolled = (await ctx.loaders.enrolments.load(learnerId)).some((e) => e.schoolId === schoolId && isCurrent(e, on));
  if (!enrolled) badInput('school', 'notOnRoll', { school: schoolId, date: on });
}

/** The learner, the key checked and, for a retry, the first answer. */
async function begin(ctx: AuthorityContext, input: Keyed, operation: string): Promise<{ learner: LearnerRow; earlier: { recordId: string } | null }> {
  const learner = await learnerToChange(ctx, input.learner);
  checkIdempotencyKey(input.idempotencyKey);
  return { learner, earlier: await earlierResult<{ recordId: string }>(ctx, operation, input) };
}

export interface RecordExclusionInput extends Keyed {
  school: string;
  kind: 'fixed-term' | 'permanent';
  startsOn: string;
  sessions?: number | null;
  reason: string;
}

export async function recordExclusion(input: RecordExclusionInput, ctx: AuthorityContext) {
  const { learner, earlier } = await begin(ctx, input, 'recordExclusion');
  if (earlier) return payload(ctx, learner.id, { result: earlier, applied: false });
  checkSchool(input.school);
  checkDate(ctx, 'startsOn', input.startsOn, { notFuture: true, schoolDay: true });
  if (input.kind === 'fixed-term') checkWhole('sessions', input.sessions ?? Number.NaN, 1, 90);
  else if (input.sessions != null) badInput('sessions', 'permanentNoSessions', {});
  const reason = input.reason.trim();
  if (!(EXCLUSION_REASONS as readonly string[]).includes(reason)) badInput('reason', 'notAnExclusionReason', { value: input.reason, codes: EXCLUSION_REASONS.join(', ') });
  const spec: ChangeSpec = { operation: 'recordExclusion', learnerId: learner.id, fieldClasses: classesWritten('recordExclusion'), fields: ['Learner.exclusions'] };
  await requireWrite(ctx, spec, ownSchoolOnly(ctx, input.school));
  checkDate(ctx, 'startsOn', input.startsOn, { notBefore: birth(learner) });
  await checkOnRoll(ctx, learner.id, input.school, input.startsOn);
  const outcome = await applyChange(ctx, spec, input, async (tx) => ({
    recordId: await insertExclusion(tx, ctx.authorityCode, { learnerId: learner.id, schoolId: input.school, kind: input.kind, startsOn: input.startsOn, sessions: input.kind === 'permanent' ? null : (input.sessions ?? null), reason }),
  }));
  return payload(ctx, learner.id, outcome);
}

export interface RecordReducedTimetableInput extends Keyed {
  school: string;
  startsOn: string;
  endsOn?: string | null;
  hoursPerWeek: number;
  reason: string;
}

export async function recordReducedTimetable(input: RecordReducedTimetableInput, ctx: AuthorityContext) {
  const { learner, earlier } = await begin(ctx, input, 'recordReducedTimetable');
  if (earlier) return payload(ctx, learner.id, { result: earlier, applied: false });
  checkSchool(input.school);
  checkPeriod(ctx, input);
  checkWhole('hoursPerWeek', input.hoursPerWeek, 0, 24);
  const reason = checkText('reason', input.reason, 200);
  const spec: ChangeSpec = { operation: 'recordReducedTimetable', learnerId: learner.id, fieldClasses: classesWritten('recordReducedTimetable'), fields: ['Learner.reducedTimetables'] };
  await requireWrite(ctx, spec, ownSchoolOnly(ctx, input.school));
  checkDate(ctx, 'startsOn', input.startsOn, { notBefore: birth(learner) });
  await checkOnRoll(ctx, learner.id, input.school, input.startsOn > ctx.today ? ctx.today : input.startsOn);
  const outcome = await applyChange(ctx, spec, input, async (tx) => ({
    recordId: await insertReducedTimetable(tx, ctx.authorityCode, { learnerId: learner.id, schoolId: input.school, startedOn: input.startsOn, endedOn: input.endsOn ?? null, hoursPerWeek: input.hoursPerWeek, reason }),
  }));
  return payload(ctx, learner.id, outcome);
}

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

/** Education the authority arranges other than at school; alongside a school roll too (dual arrangements exist). */
export async function recordEducationOtherThanAtSchool(input: RecordEducationOtherThanAtSchoolInput, ctx: AuthorityContext) {
  const { learner, earlier } = await begin(ctx, input, 'recordEducationOtherThanAtSchool');
  if (earlier) return payload(ctx, learner.id, { result: earlier, applied: false });
  checkPeriod(ctx, input);
  const halfHoursPerWeek = checkHalfHours('hoursPerWeek', input.hoursPerWeek, 40);
  const provider = checkText('provider', input.provider, 200);
  const spec: ChangeSpec = { operation: 'recordEducationOtherThanAtSchool', learnerId: learner.id, fieldClasses: classesWritten('recordEducationOtherThanAtSchool'), fields: ['Learner.educationOtherThanAtSchool'] };
  await requireWrite(ctx, spec);
  checkDate(ctx, 'startsOn', input.startsOn, { notBefore: birth(learner) });
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    const row = { learnerId: learner.id, kind: input.kind, provider, halfHoursPerWeek, startedOn: input.startsOn, endedOn: input.endsOn ?? null };
    return { recordId: notOverlapping(await insertEotas(tx, ctx.authorityCode, row), input.kind) };
  });
  return payload(ctx, learner.id, outcome);
}

const SDQ_SCALES = ['emotional', 'conduct', 'hyperactivity', 'peer', 'prosocial'] as const;

export interface RecordSdqInput extends Keyed, Record<(typeof SDQ_SCALES)[number], number> {
  completedOn: string;
  informant: string;
}

export async function recordSdq(input: RecordSdqInput, ctx: AuthorityContext) {
  const { learner, earlier } = await begin(ctx, input, 'recordSdq');
  if (earlier) return payload(ctx, learner.id, { result: earlier, applied: false });
  checkDate(ctx, 'completedOn', input.completedOn, { notFuture: true });
  for (const scale of SDQ_SCALES) checkWhole(scale, input[scale], 0, 10);
  const spec: ChangeSpec = { operation: 'recordSdq', learnerId: learner.id, fieldClasses: classesWritten('recordSdq'), fields: ['Learner.sdqAssessments'] };
  await requireWrite(ctx, spec);
  checkDate(ctx, 'completedOn', input.completedOn, { notBefore: birth(learner) });
  const { emotional, conduct, hyperactivity, peer, prosocial } = input;
  const outcome = await applyChange(ctx, spec, input, async (tx) => ({
    recordId: await insertSdq(tx, ctx.authorityCode, { learnerId: learner.id, completedOn: input.completedOn, informant: input.informant, emotional, conduct, hyperactivity, peer, prosocial }),
  }));
  return payload(ctx, learner.id, outcome);
}

export interface RecordInterventionInput extends Keyed {
  kind: string;
  startsOn: string;
  endsOn?: string | null;
  grantFunded: boolean;
  description: string;
}

export async function recordIntervention(input: RecordInterventionInput, ctx: AuthorityContext) {
  const { learner, earlier } = await begin(ctx, input, 'recordIntervention');
  if (earlier) return payload(ctx, learner.id, { result: earlier, applied: false });
  checkPeriod(ctx, input);
  const description = checkText('description', input.description, 500);
  // A CAMHS referral is well-being information; other support is part of the PEP.
  const fieldClass = input.kind === 'camhs-referral' ? 'wellbeing' : 'pep';
  const spec: ChangeSpec = { operation: 'recordIntervention', learnerId: learner.id, fieldClasses: classesWritten('recordIntervention', fieldClass), fields: [fieldClass === 'wellbeing' ? 'Learner.camhsReferrals' : 'Learner.interventions'] };
  await requireWrite(ctx, spec, () => (ctx.caller.role === 'learner' ? message('FORBIDDEN', 'supportByProfessionals') : null));
  checkDate(ctx, 'startsOn', input.startsOn, { notBefore: birth(learner) });
  const outcome = await applyChange(ctx, spec, input, async (tx) => ({
    recordId: await insertIntervention(tx, ctx.authorityCode, { learnerId: learner.id, kind: input.kind, startedOn: input.startsOn, endedOn: input.endsOn ?? null, grantFunded: input.grantFunded, description }),
  }));
  return payload(ctx, learner.id, outcome);
}

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

export async function recordPlacementMove(input: RecordPlacementMoveInput, ctx: AuthorityContext) {
  const { learner, earlier } = await begin(ctx, input, 'recordPlacementMove');
  if (earlier) return payload(ctx, learner.id, { result: earlier, applied: false });
  if (!isAuthorityCode(input.authority)) badInput('authority', 'fieldNotAnAuthorityCode', { value: input.authority });
  checkDate(ctx, 'startsOn', input.startsOn, { notAfter: withinNinetyDays(ctx) });
  const spec: ChangeSpec = { operation: 'recordPlacementMove', learnerId: learner.id, fieldClasses: classesWritten('recordPlacementMove'), fields: ['Learner.placements'] };
  await requireWrite(ctx, spec);
  const open = (await ctx.loaders.placements.load(learner.id)).find((p) => p.endedOn === null);
  checkAfterOpen(ctx, learner, input.startsOn, open, WORDS.placement);
  const crossesBorder = input.authority !== owningAuthority(learner.id) && input.authority !== open?.authorityCode;
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    const recordId = moved(await movePlacement(tx, ctx.authorityCode, { learnerId: learner.id, startsOn: input.startsOn, placementType: input.type, livesIn: input.authority }), WORDS.placement);
    if (crossesBorder) {
      await notify(tx, ctx.authorityCode, { recipientKind: 'authority', recipient: input.authority, learnerId: learner.id, kind: 'placement-move', effectiveOn: input.startsOn, movesTo: input.authority, movesFrom: open?.authorityCode ?? null });
    }
    return { recordId };
  });
  return payload(ctx, learner.id, outcome);
}

export interface RecordSchoolMoveInput extends Keyed {
  school: string;
  startsOn: string;
}

/** Only the home authority's education lead moves a child's school. */
const homeEducationLead = (ctx: AuthorityContext) => (access: Access) =>
  ctx.caller.role === 'virtual-school-head' && access.relationships.includes('home') ? null : message('FORBIDDEN', 'homeLeadOnly');

export async function recordSchoolMove(input: RecordSchoolMoveInput, ctx: AuthorityContext) {
  const { learner, earlier } = await begin(ctx, input, 'recordSchoolMove');
  if (earlier) return payload(ctx, learner.id, { result: earlier, applied: false });
  const schoolAuthority = checkSchool(input.school);
  checkDate(ctx, 'startsOn', input.startsOn, { notAfter: withinNinetyDays(ctx) });
  const spec: ChangeSpec = { operation: 'recordSchoolMove', learnerId: learner.id, fieldClasses: classesWritten('recordSchoolMove'), fields: ['Learner.enrolments'] };
  await requireWrite(ctx, spec, homeEducationLead(ctx));
  const open = (await ctx.loaders.enrolments.load(learner.id)).find((e) => e.endedOn === null);
  if (open?.schoolId === input.school) badInput('school', 'alreadyOnRoll', { school: input.school });
  checkAfterOpen(ctx, learner, input.startsOn, open, WORDS.enrolment);
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    const enrolled = await moveSchool(tx, ctx.authorityCode, { learnerId: learner.id, startsOn: input.startsOn, schoolId: input.school, schoolAuthorityCode: schoolAuthority });
    const recordId = moved(enrolled, WORDS.enrolment);
    const leftSchool = 'leftSchool' in enrolled ? enrolled.leftSchool : null;
    await putRecordRightAfterSchoolMove(tx, { learnerId: learner.id, home: ctx.authorityCode, startsOn: input.startsOn, school: input.school, leftSchool });
    return { recordId };
  });
  clearPlans(ctx, learner.id);
  return payload(ctx, learner.id, outcome);
}

export interface RecordLanguagePreferenceInput extends Keyed {
  language: string;
}

/**
 * The child says which language they want to be addressed in: their wish (voice), recorded by the
 * child or by their social worker on their behalf (decision 0009); their own views then follow it.
 */
export async function recordLanguagePreference(input: RecordLanguagePreferenceInput, ctx: AuthorityContext) {
  const { learner, earlier } = await begin(ctx, input, 'recordLanguagePreference');
  if (earlier) return payload(ctx, learner.id, { result: earlier, applied: false });
  const spec: ChangeSpec = { operation: 'recordLanguagePreference', learnerId: learner.id, fieldClasses: classesWritten('recordLanguagePreference'), fields: ['Learner.languagePreference'] };
  await requireWrite(ctx, spec);
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    await setLanguagePreference(tx, learner.id, input.language);
    return { recordId: learner.id };
  });
  ctx.loaders.learner.clear(learner.id);
  return payload(ctx, learner.id, outcome);
}
