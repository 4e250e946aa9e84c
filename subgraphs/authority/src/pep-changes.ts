// The PEP cycle: start a plan (or its next version for a review), write sections, add targets, sign
// off and rate quality. Each checks its input, the matrix and the PEP work rules, then applies once.
import { WORDS, message, platformError } from '@wales-lac/errors';
import { classesWritten, mayRateQuality, mayStartPep, requiredSigners, sectionRefusal, signerRoleOf, type PepSectionKind } from '@wales-lac/policy';
import type { AuthorityContext } from './context.ts';
import { applyChange, badInput, checkDate, checkIdempotencyKey, checkText, learnerToChange, ownRecordId, requireWrite } from './change.ts';
import { knowsRegister } from './existence.ts';
import { pepStandIn } from './nobodys-record.ts';
import { addTarget, bumpPepVersion, type TargetOwnerRole, createDraftPep, lockLearner, lockPep, openPepsOf, rateQuality, setPepStatus, signOff, writeSection, type PepRow, type Transaction } from './data/index.ts';
import { currentEnrolment, isEditable, nextReviewAfter, signedForSchoolLeft } from './records.ts';

const SECTION_FIELD: Record<PepSectionKind, string> = {
  'all-about-me': 'allAboutMe',
  'school-picture': 'schoolPicture',
  support: 'support',
  'carer-views': 'carerViews',
  'social-worker-views': 'socialWorkerViews',
  'review-actions': 'reviewActions',
};

/**
 * The plan a change names, with its learner; BAD_USER_INPUT naming `pep` otherwise. A PEP id that is nobody's
 * is NOT_FOUND only to a caller who can list the register; to anyone else a stand-in (nobodys-record.ts).
 */
async function pepToChange(ctx: AuthorityContext, id: string): Promise<PepRow> {
  ownRecordId(ctx, id, 'pep', WORDS.pep);
  const pep = await ctx.loaders.pep.load(id);
  if (pep) return pep;
  if (knowsRegister(ctx.caller, ctx.authorityCode, false)) throw platformError(message('NOT_FOUND', 'noPep', { id, authority: ctx.authorityCode }), { field: 'pep' });
  return pepStandIn(ctx, id);
}

function checkVersion(version: number): void {
  if (!Number.isInteger(version) || version < 1) badInput('pepVersion', 'positiveWhole', {});
}

/** Locks the plan and checks it is still at the version the edit was based on (and editable, if asked). */
async function lockAtVersion(tx: Transaction, pepId: string, version: number, mustBeEditable: boolean): Promise<PepRow> {
  const pep = await lockPep(tx, pepId);
  if (!pep) throw platformError(message('NOT_FOUND', 'noPepAnywhere', { id: pepId }), { field: 'pep' });
  if (pep.version !== version) {
    throw platformError(message('CONFLICT', 'changedMeanwhile', { current: pep.version, given: version }), { currentVersion: pep.version });
  }
  if (mustBeEditable && !isEditable(pep)) {
    throw platformError(message('CONFLICT', 'notEditable', { status: pep.status }), { currentVersion: pep.version, status: pep.status });
  }
  return pep;
}

async function payload(ctx: AuthorityContext, outcome: { result: { pepId: string }; applied: boolean }) {
  // Read afresh: this request's loaders may hold the plan from before the change.
  ctx.loaders.pep.clear(outcome.result.pepId);
  ctx.loaders.peps.clearAll();
  ctx.loaders.targets.clear(outcome.result.pepId);
  ctx.loaders.sections.clear(outcome.result.pepId);
  ctx.loaders.signOffs.clear(outcome.result.pepId);
  ctx.loaders.quality.clear(outcome.result.pepId);
  return { pep: await ctx.loaders.pep.load(outcome.result.pepId), applied: outcome.applied };
}

/** True when the child joined their current school after the latest plan was started (a school move's review is due). */
async function joinedSchoolSinceLastPlan(ctx: AuthorityContext, learnerId: string): Promise<boolean> {
  const [enrolments, plans] = await Promise.all([ctx.loaders.enrolments.load(learnerId), ctx.loaders.peps.load(learnerId)]);
  const joined = currentEnrolment(enrolments, ctx.today)?.startedOn;
  return joined !== undefined && !plans.some((p) => p.initiatedOn >= joined);
}

export async function startPep(input: { learner: string; idempotencyKey: string }, ctx: AuthorityContext) {
  const learner = await learnerToChange(ctx, input.learner);
  checkIdempotencyKey(input.idempotencyKey);
  const spec = { operation: 'startPep', learnerId: learner.id, fieldClasses: classesWritten('startPep'), fields: ['Learner.peps'] };
  const joinedSchool = await joinedSchoolSinceLastPlan(ctx, learner.id);
  await requireWrite(ctx, spec, (access) => (mayStartPep(ctx.caller.role, access, joinedSchool) ? null : message('FORBIDDEN', 'pepStarters')));
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    // Two simultaneous starts queue on the child, so the second sees the first's draft.
    await lockLearner(tx, learner.id);
    const open = await openPepsOf(tx, learner.id);
    const writing = open.find(isEditable);
    if (writing) throw platformError(message('CONFLICT', 'alreadyBeingWritten', { id: writing.id, status: writing.status, version: writing.version }), { currentVersion: writing.version, pep: writing.id });
    const agreed = open.find((p) => p.status === 'agreed') ?? null;
    return { pepId: await createDraftPep(tx, ctx.authorityCode, learner.id, ctx.today, agreed) };
  });
  return payload(ctx, outcome);
}

export interface WritePepSectionInput {
  pep: string;
  section: PepSectionKind;
  body: string;
  language: string;
  pepVersion: number;
  idempotencyKey: string;
}

export async function writePepSection(input: WritePepSectionInput, ctx: AuthorityContext) {
  const pep = await pepToChange(ctx, input.pep);
  checkIdempotencyKey(input.idempotencyKey);
  checkVersion(input.pepVersion);
  const body = checkText('body', input.body, 10_000);
  if (input.language !== 'cy' && input.language !== 'en') badInput('language', 'sectionLanguage', {});
  const spec = { operation: 'writePepSection', learnerId: pep.learnerId, fieldClasses: classesWritten('writePepSection', input.section === 'all-about-me' ? 'voice' : 'pep'), fields: [`PersonalEducationPlan.${SECTION_FIELD[input.section]}`] };
  await requireWrite(ctx, spec, (access) => sectionRefusal(input.section, ctx.caller.role, access));
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    await lockAtVersion(tx, pep.id, input.pepVersion, true);
    await writeSection(tx, {
      pepId: pep.id,
      section: input.section,
      body,
      language: input.language,
      writtenBySubject: ctx.caller.subject,
      writtenByRole: ctx.caller.role,
      onBehalf: input.section === 'all-about-me' && ctx.caller.role !== 'learner',
    });
    await bumpPepVersion(tx, pep.id);
    return { pepId: pep.id };
  });
  return payload(ctx, outcome);
}

export interface AddPepTargetInput {
  pep: string;
  description: string;
  /** GraphQL has already mapped the TargetOwnerRole enum to its stored value (resolvers.ts). */
  ownerRole: TargetOwnerRole;
  dueOn: string;
  accelerated?: boolean | null;
  pepVersion: number;
  idempotencyKey: string;
}

function yearAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

export async function addPepTarget(input: AddPepTargetInput, ctx: AuthorityContext) {
  const pep = await pepToChange(ctx, input.pep);
  checkIdempotencyKey(input.idempotencyKey);
  checkVersion(input.pepVersion);
  const description = checkText('description', input.description, 500);
  checkDate(ctx, 'dueOn', input.dueOn, { notBefore: { date: ctx.today, what: WORDS.today }, notAfter: { date: yearAfter(ctx.today), what: WORDS.yearFromToday } });
  const spec = { operation: 'addPepTarget', learnerId: pep.learnerId, fieldClasses: classesWritten('addPepTarget'), fields: ['PersonalEducationPlan.targets'] };
  await requireWrite(ctx, spec);
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    await lockAtVersion(tx, pep.id, input.pepVersion, true);
    await addTarget(tx, ctx.authorityCode, { pepId: pep.id, description, ownerRole: input.ownerRole, dueOn: input.dueOn, accelerated: input.accelerated ?? false });
    await bumpPepVersion(tx, pep.id);
    return { pepId: pep.id };
  });
  return payload(ctx, outcome);
}

export async function signOffPep(input: { pep: string; pepVersion: number; idempotencyKey: string }, ctx: AuthorityContext) {
  const pep = await pepToChange(ctx, input.pep);
  checkIdempotencyKey(input.idempotencyKey);
  checkVersion(input.pepVersion);
  const spec = { operation: 'signOffPep', learnerId: pep.learnerId, fieldClasses: classesWritten('signOffPep'), fields: ['PersonalEducationPlan.signOffs'] };
  const access = await requireWrite(ctx, spec, (a) =>
    signerRoleOf(ctx.caller.role, a) ? null : message('FORBIDDEN', 'pepSigners'),
  );
  const signerRole = signerRoleOf(ctx.caller.role, access);
  const onRoll = currentEnrolment(await ctx.loaders.enrolments.load(pep.learnerId), ctx.today) !== null;
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    const locked = await lockAtVersion(tx, pep.id, input.pepVersion, true);
    const schoolId = signerRole === 'designated-teacher' ? ctx.caller.schoolId : null;
    const signed = await signOff(tx, { pepId: pep.id, signerRole: signerRole ?? '', signerSubject: ctx.caller.subject, pepVersion: locked.version, signedOn: ctx.today, schoolId, schoolLeftOn: null });
    // The sign-off of a school the child has left no longer counts: the new school signs for itself.
    const agreedBy = new Set(signed.filter((s) => s.pepVersion === locked.version && !signedForSchoolLeft(s, ctx.today)).map((s) => s.signerRole));
    if (requiredSigners(onRoll).every((role) => agreedBy.has(role))) await agree(tx, locked, ctx.today);
    else if (locked.status === 'draft') await setPepStatus(tx, pep.id, { status: 'in-review' });
    return { pepId: pep.id };
  });
  return payload(ctx, outcome);
}

/** Every required role signed this version: it is agreed, and the plan it replaces is superseded. */
async function agree(tx: Transaction, pep: PepRow, today: string): Promise<void> {
  const earlier = (await openPepsOf(tx, pep.learnerId)).filter((p) => p.id !== pep.id && p.status === 'agreed');
  for (const old of earlier) await setPepStatus(tx, old.id, { status: 'superseded' });
  const isReview = earlier.length > 0;
  await setPepStatus(tx, pep.id, { status: 'agreed', completedOn: pep.completedOn ?? today, lastReviewedOn: isReview ? today : pep.lastReviewedOn, nextReviewDue: nextReviewAfter(today) });
}

export async function ratePepQuality(input: { pep: string; rating: string; comments: string; pepVersion: number; idempotencyKey: string }, ctx: AuthorityContext) {
  const pep = await pepToChange(ctx, input.pep);
  checkIdempotencyKey(input.idempotencyKey);
  checkVersion(input.pepVersion);
  const comments = checkText('comments', input.comments, 2000);
  const spec = { operation: 'ratePepQuality', learnerId: pep.learnerId, fieldClasses: classesWritten('ratePepQuality'), fields: ['PersonalEducationPlan.quality'] };
  await requireWrite(ctx, spec, (a) => (mayRateQuality(ctx.caller.role, a) ? null : message('FORBIDDEN', 'qualityRater')));
  const outcome = await applyChange(ctx, spec, input, async (tx) => {
    const locked = await lockAtVersion(tx, pep.id, input.pepVersion, false);
    if (locked.status === 'superseded') throw platformError(message('CONFLICT', 'ratingSuperseded'), { currentVersion: locked.version });
    await rateQuality(tx, pep.id, input.rating, comments, ctx.caller.subject, ctx.today);
    return { pepId: pep.id };
  });
  return payload(ctx, outcome);
}
