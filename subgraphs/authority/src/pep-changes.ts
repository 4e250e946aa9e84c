// The PEP cycle: start a plan (or its next version for a review), write sections, add targets, sign
// off and rate quality. Each checks its input, the matrix and the PEP work rules, then applies once:
// each is a `Change` run by `runChange` (change.ts). An edit names the version it was based on: the plan
// is locked in the change's transaction and a newer version is a CONFLICT (`lockAtVersion`).
import { WORDS, message, platformError } from '@wales-lac/errors';
import { classesWritten, mayRateQuality, mayStartPep, requiredSigners, sectionRefusal, signerRoleOf, type PepSectionKind } from '@wales-lac/policy';
import type { AuthorityContext } from './context.ts';
import {
  badInput,
  checkDate,
  checkText,
  learnerToChange,
  ownRecordId,
  runChange,
  type Change,
  type ChangeStep,
  type KeyedInput,
  type Outcome,
} from './change.ts';
import { knowsRegister } from './existence.ts';
import { pepStandIn } from './nobodys-record.ts';
import {
  addTarget,
  bumpPepVersion,
  type TargetOwnerRole,
  createDraftPep,
  lockLearner,
  lockPep,
  openPepsOf,
  rateQuality,
  setPepStatus,
  signOff,
  writeSection,
  type LearnerRow,
  type PepRow,
  type Transaction,
} from './data/index.ts';
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
export async function pepToChange(ctx: AuthorityContext, id: string): Promise<PepRow> {
  ownRecordId(ctx, id, 'pep', WORDS.pep);
  const pep = await ctx.loaders.pep.load(id);
  if (pep) return pep;
  if (knowsRegister(ctx.caller, ctx.authorityCode, false))
    throw platformError(message('NOT_FOUND', 'noPep', { id, authority: ctx.authorityCode }), { field: 'pep' });
  return pepStandIn(ctx, id);
}

/** The version an edit was based on: a whole number from 1. */
export function checkVersion(version: number): void {
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

/** What a change to a plan answers with: the plan's id. */
export interface PepResult {
  readonly pepId: string;
}

/** The plan read afresh: this request's loaders may hold it from before the change. */
export async function pepPayload({ ctx }: ChangeStep<unknown, unknown>, outcome: Outcome<PepResult>) {
  ctx.loaders.pep.clear(outcome.result.pepId);
  ctx.loaders.peps.clearAll();
  ctx.loaders.targets.clear(outcome.result.pepId);
  ctx.loaders.sections.clear(outcome.result.pepId);
  ctx.loaders.signOffs.clear(outcome.result.pepId);
  ctx.loaders.quality.clear(outcome.result.pepId);
  return { pep: await ctx.loaders.pep.load(outcome.result.pepId), applied: outcome.applied };
}

type PepPayload = Awaited<ReturnType<typeof pepPayload>>;

/** An edit of a plan: it names the plan and the version the edit was based on. */
interface PepEdit extends KeyedInput {
  readonly pep: string;
  readonly pepVersion: number;
}

/**
 * A change to a plan, declared with what they share: it is about the plan the input names (a stranger
 * cannot tell whether it exists), a retry gets the first answer when applied, and it answers with the plan
 * read afresh. The version is checked with the input; `lockAtVersion` in `apply` compares it with the plan's.
 */
function pepEdit<I extends PepEdit, C = void, K = void>(
  change: Omit<Change<I, PepRow, C, K, PepResult, PepPayload>, 'subject' | 'learnersOf' | 'retry' | 'payload' | 'checkInput'> & {
    readonly checkInput?: (step: ChangeStep<I, PepRow>) => C;
  },
) {
  const spec: Change<I, PepRow, C, K, PepResult, PepPayload> = {
    ...change,
    subject: (input, ctx) => pepToChange(ctx, input.pep),
    learnersOf: ({ subject: pep }) => [pep.learnerId],
    retry: 'applying',
    checkInput: (step) => {
      checkVersion(step.input.pepVersion);
      return change.checkInput ? change.checkInput(step) : (undefined as C);
    },
    payload: pepPayload,
  };
  return (input: I, ctx: AuthorityContext) => runChange(spec, input, ctx);
}

/** True when the child joined their current school after the latest plan was started (a school move's review is due). */
async function joinedSchoolSinceLastPlan(ctx: AuthorityContext, learnerId: string): Promise<boolean> {
  const [enrolments, plans] = await Promise.all([ctx.loaders.enrolments.load(learnerId), ctx.loaders.peps.load(learnerId)]);
  const joined = currentEnrolment(enrolments, ctx.today)?.startedOn;
  return joined !== undefined && !plans.some((p) => p.initiatedOn >= joined);
}

const START_PEP: Change<{ learner: string; idempotencyKey: string }, LearnerRow, void, void, PepResult, PepPayload> = {
  operation: 'startPep',
  subject: (input, ctx) => learnerToChange(ctx, input.learner),
  learnersOf: ({ subject: learner }) => [learner.id],
  retry: 'applying',
  fields: ['Learner.peps'],
  extraRefusal: async (access, { ctx, subject: learner }) =>
    mayStartPep(ctx.caller.role, access, await joinedSchoolSinceLastPlan(ctx, learner.id)) ? null : message('FORBIDDEN', 'pepStarters'),
  apply: async (tx, { ctx, subject: learner }) => {
    // Two simultaneous starts queue on the child, so the second sees the first's draft.
    await lockLearner(tx, learner.id);
    const open = await openPepsOf(tx, learner.id);
    const writing = open.find(isEditable);
    if (writing)
      throw platformError(message('CONFLICT', 'alreadyBeingWritten', { id: writing.id, status: writing.status, version: writing.version }), {
        currentVersion: writing.version,
        pep: writing.id,
      });
    const agreed = open.find((p) => p.status === 'agreed') ?? null;
    return { pepId: await createDraftPep(tx, ctx.authorityCode, learner.id, ctx.today, agreed) };
  },
  payload: pepPayload,
};

export const startPep = (input: { learner: string; idempotencyKey: string }, ctx: AuthorityContext) => runChange(START_PEP, input, ctx);

export interface WritePepSectionInput {
  pep: string;
  section: PepSectionKind;
  body: string;
  language: string;
  pepVersion: number;
  idempotencyKey: string;
}

export const writePepSection = pepEdit<WritePepSectionInput, string>({
  operation: 'writePepSection',
  classes: (input) => classesWritten('writePepSection', input.section === 'all-about-me' ? 'voice' : 'pep'),
  fields: (input) => [`PersonalEducationPlan.${SECTION_FIELD[input.section]}`],
  checkInput: ({ input }) => {
    const body = checkText('body', input.body, 10_000);
    if (input.language !== 'cy' && input.language !== 'en') badInput('language', 'sectionLanguage', {});
    return body;
  },
  extraRefusal: (access, { ctx, input }) => sectionRefusal(input.section, ctx.caller.role, access),
  apply: async (tx, { ctx, input, subject: pep, checked: body }) => {
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
  },
});

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

export const addPepTarget = pepEdit<AddPepTargetInput, string>({
  operation: 'addPepTarget',
  fields: ['PersonalEducationPlan.targets'],
  checkInput: ({ ctx, input }) => {
    const description = checkText('description', input.description, 500);
    checkDate(ctx, 'dueOn', input.dueOn, {
      notBefore: { date: ctx.today, what: WORDS.today },
      notAfter: { date: yearAfter(ctx.today), what: WORDS.yearFromToday },
    });
    return description;
  },
  apply: async (tx, { ctx, input, subject: pep, checked: description }) => {
    await lockAtVersion(tx, pep.id, input.pepVersion, true);
    await addTarget(tx, ctx.authorityCode, {
      pepId: pep.id,
      description,
      ownerRole: input.ownerRole,
      dueOn: input.dueOn,
      accelerated: input.accelerated ?? false,
    });
    await bumpPepVersion(tx, pep.id);
    return { pepId: pep.id };
  },
});

export const signOffPep = pepEdit<{ pep: string; pepVersion: number; idempotencyKey: string }, void, boolean>({
  operation: 'signOffPep',
  fields: ['PersonalEducationPlan.signOffs'],
  extraRefusal: (access, { ctx }) => (signerRoleOf(ctx.caller.role, access) ? null : message('FORBIDDEN', 'pepSigners')),
  /** Whether the child is on a school's roll: who must sign depends on it. */
  checkRecord: async ({ ctx, subject: pep }) => currentEnrolment(await ctx.loaders.enrolments.load(pep.learnerId), ctx.today) !== null,
  apply: async (tx, { ctx, input, subject: pep, access, record: onRoll }) => {
    const signerRole = signerRoleOf(ctx.caller.role, access);
    const locked = await lockAtVersion(tx, pep.id, input.pepVersion, true);
    const schoolId = signerRole === 'designated-teacher' ? ctx.caller.schoolId : null;
    const signed = await signOff(tx, {
      pepId: pep.id,
      signerRole: signerRole ?? '',
      signerSubject: ctx.caller.subject,
      pepVersion: locked.version,
      signedOn: ctx.today,
      schoolId,
      schoolLeftOn: null,
    });
    // The sign-off of a school the child has left no longer counts: the new school signs for itself.
    const agreedBy = new Set(signed.filter((s) => s.pepVersion === locked.version && !signedForSchoolLeft(s, ctx.today)).map((s) => s.signerRole));
    if (requiredSigners(onRoll).every((role) => agreedBy.has(role))) await agree(tx, locked, ctx.today);
    else if (locked.status === 'draft') await setPepStatus(tx, pep.id, { status: 'in-review' });
    return { pepId: pep.id };
  },
});

/** Every required role signed this version: it is agreed, and the plan it replaces is superseded. */
async function agree(tx: Transaction, pep: PepRow, today: string): Promise<void> {
  const earlier = (await openPepsOf(tx, pep.learnerId)).filter((p) => p.id !== pep.id && p.status === 'agreed');
  for (const old of earlier) await setPepStatus(tx, old.id, { status: 'superseded' });
  const isReview = earlier.length > 0;
  await setPepStatus(tx, pep.id, {
    status: 'agreed',
    completedOn: pep.completedOn ?? today,
    lastReviewedOn: isReview ? today : pep.lastReviewedOn,
    nextReviewDue: nextReviewAfter(today),
  });
}

export const ratePepQuality = pepEdit<{ pep: string; rating: string; comments: string; pepVersion: number; idempotencyKey: string }, string>({
  operation: 'ratePepQuality',
  fields: ['PersonalEducationPlan.quality'],
  checkInput: ({ input }) => checkText('comments', input.comments, 2000),
  extraRefusal: (access, { ctx }) => (mayRateQuality(ctx.caller.role, access) ? null : message('FORBIDDEN', 'qualityRater')),
  apply: async (tx, { ctx, input, subject: pep, checked: comments }) => {
    const locked = await lockAtVersion(tx, pep.id, input.pepVersion, false);
    if (locked.status === 'superseded') throw platformError(message('CONFLICT', 'ratingSuperseded'), { currentVersion: locked.version });
    await rateQuality(tx, pep.id, input.rating, comments, ctx.caller.subject, ctx.today);
    return { pepId: pep.id };
  },
});
