// Resolvers for the record beyond identity and placements, the ePEP's parts, notifications and the
// changes to them. Thin: they call the data layer through per-request loaders and map rows.
import {
  DESTINATIONS,
  EOTAS_KINDS,
  EXCLUSION_KINDS,
  IDP_MAINTAINERS,
  INTERVENTION_KINDS,
  LEGAL_STATUSES,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  PEP_SECTIONS,
  QUALITY_RATINGS,
  SDQ_INFORMANTS,
  SIGN_OFF_ROLES,
} from '@wales-lac/db';
import { requiredSigners, type PepSectionKind } from '@wales-lac/policy';
import { enumValuesOf } from '@wales-lac/subgraph-edge';
import { schoolYearOf, termStartOf } from '@wales-lac/wales';
import { sectionTexts } from './section-texts.ts';
import { isSdqOfConcern } from './alerts.ts';
import type { AuthorityContext } from './context.ts';
import type {
  AdditionalLearningNeedsRow,
  EotasRow,
  ExclusionRow,
  LearnerRow,
  NotificationRow,
  PepRow,
  PepSectionRow,
  PepSignOffRow,
  ReducedTimetableRow,
  SdqRow,
} from './data/index.ts';
import { attendanceSummary } from './attendance.ts';
import { checkDate } from './change.ts';
import { displayLanguage, ownPreferenceOf } from './display-language.ts';
import { currentEnrolment, isCurrent, pepStartDue, signedForSchoolLeft } from './records.ts';

type Ctx = AuthorityContext;
const none = {};

async function exclusionsBetween(learnerId: string, args: { from?: string | null; to?: string | null }, ctx: Ctx): Promise<ExclusionRow[]> {
  const to = checkDate(ctx, 'to', args.to ?? ctx.today, {});
  const from = checkDate(ctx, 'from', args.from ?? `${schoolYearOf(to)}-09-01`, { notAfter: { date: to, what: 'to' } });
  return (await ctx.loaders.exclusions.load(learnerId)).filter((x) => x.startsOn >= from && x.startsOn <= to);
}

const latest = async <T>(rows: Promise<T[]>): Promise<T | null> => (await rows)[0] ?? null;

async function startDue({ id: learnerId, dateOfBirth }: LearnerRow, ctx: Ctx): Promise<string | null> {
  const [episodes, enrolments, peps] = await Promise.all([
    ctx.loaders.careEpisodes.load(learnerId),
    ctx.loaders.enrolments.load(learnerId),
    ctx.loaders.peps.load(learnerId),
  ]);
  const episode = episodes.find((e) => isCurrent(e, ctx.today)) ?? null;
  const facts = { dateOfBirth, enteredCareOn: episode?.startedOn ?? null, joinedSchoolOn: currentEnrolment(enrolments, ctx.today)?.startedOn ?? null };
  return pepStartDue(facts, peps, ctx.today);
}

function section(kind: PepSectionKind) {
  return async (pep: PepRow, _: unknown, ctx: Ctx) => (await ctx.loaders.sections.load(pep.id)).find((s) => s.section === kind) ?? null;
}

export const recordResolvers = {
  Learner: {
    pepStartDue: (learner: LearnerRow, _: unknown, ctx: Ctx) => startDue(learner, ctx),
    pepStartOverdue: async (learner: LearnerRow, _: unknown, ctx: Ctx) => {
      const due = await startDue(learner, ctx);
      return due !== null && due < ctx.today;
    },
    attendanceThisTerm: (learner: LearnerRow, _: unknown, ctx: Ctx) => attendanceSummary(learner.id, { from: termStartOf(ctx.today), to: ctx.today }, ctx),
    legalStatus: async (learner: LearnerRow, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.careEpisodes.load(learner.id)).find((e) => isCurrent(e, ctx.today))?.legalStatus ?? null,
    careEpisodes: (learner: LearnerRow, _: unknown, ctx: Ctx) => ctx.loaders.careEpisodes.load(learner.id),
    additionalLearningNeeds: (learner: LearnerRow, _: unknown, ctx: Ctx) => latest(ctx.loaders.needs.load(learner.id)),
    exclusions: (learner: LearnerRow, args: { from?: string | null; to?: string | null }, ctx: Ctx) => exclusionsBetween(learner.id, args, ctx),
    reducedTimetables: (learner: LearnerRow, _: unknown, ctx: Ctx) => ctx.loaders.reducedTimetables.load(learner.id),
    educationOtherThanAtSchool: (learner: LearnerRow, _: unknown, ctx: Ctx) => ctx.loaders.eotas.load(learner.id),
    sdqAssessments: (learner: LearnerRow, _: unknown, ctx: Ctx) => ctx.loaders.sdqs.load(learner.id),
    interventions: async (learner: LearnerRow, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.interventions.load(learner.id)).filter((i) => i.kind !== 'camhs-referral'),
    camhsReferrals: async (learner: LearnerRow, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.interventions.load(learner.id)).filter((i) => i.kind === 'camhs-referral'),
    destinations: (learner: LearnerRow, _: unknown, ctx: Ctx) => ctx.loaders.destinations.load(learner.id),
  },
  AdditionalLearningNeeds: {
    hasIdp: (n: AdditionalLearningNeedsRow) => n.idpAgreedOn !== null,
  },
  Exclusion: { school: (x: ExclusionRow) => ({ id: x.schoolId }) },
  ReducedTimetable: { school: (r: ReducedTimetableRow) => ({ id: r.schoolId }) },
  EducationOtherThanAtSchool: { hoursPerWeek: (e: EotasRow) => e.halfHoursPerWeek / 2 },
  SdqAssessment: {
    totalDifficulties: (s: SdqRow) => s.emotional + s.conduct + s.hyperactivity + s.peer,
    concern: (s: SdqRow) => isSdqOfConcern(s),
  },
  PersonalEducationPlan: {
    allAboutMe: section('all-about-me'),
    schoolPicture: section('school-picture'),
    support: section('support'),
    carerViews: section('carer-views'),
    socialWorkerViews: section('social-worker-views'),
    reviewActions: section('review-actions'),
    educationPicture: (pep: PepRow) => ({ learnerId: pep.learnerId }),
    signOffs: async (pep: PepRow, _: unknown, ctx: Ctx) => {
      const signed = await ctx.loaders.signOffs.load(pep.id);
      // Current only for the plan's current version: progress on an agreed plan raises the version, and the
      // sign-offs of the version that was agreed are then history (the plan's status still says agreed).
      const counted = pep.status === 'superseded' ? null : pep.version;
      return signed.map((s) => ({ ...s, countedVersion: counted }));
    },
    requiredSigners: async (pep: PepRow, _: unknown, ctx: Ctx) =>
      requiredSigners(currentEnrolment(await ctx.loaders.enrolments.load(pep.learnerId), ctx.today) !== null),
    quality: (pep: PepRow, _: unknown, ctx: Ctx) => ctx.loaders.quality.load(pep.id),
  },
  PepSection: {
    kind: (s: PepSectionRow) => s.section,
    title: async (s: PepSectionRow & { learnerId?: string }, args: { language?: string | null }, ctx: Ctx) =>
      sectionTexts(s.section, await languageFor(s, args, ctx)).title,
    prompt: async (s: PepSectionRow, args: { language?: string | null }, ctx: Ctx) => sectionTexts(s.section, await languageFor(s, args, ctx)).prompt,
    updatedAt: (s: PepSectionRow) => s.updatedAt.toISOString(),
  },
  EducationPicture: {
    currentSchool: async (p: { learnerId: string }, _: unknown, ctx: Ctx) => {
      const enrolment = currentEnrolment(await ctx.loaders.enrolments.load(p.learnerId), ctx.today);
      return enrolment ? { id: enrolment.schoolId } : null;
    },
    enrolments: (p: { learnerId: string }, _: unknown, ctx: Ctx) => ctx.loaders.enrolments.load(p.learnerId),
    attendanceThisYear: (p: { learnerId: string }, _: unknown, ctx: Ctx) => attendanceSummary(p.learnerId, none, ctx),
    exclusionsThisYear: (p: { learnerId: string }, _: unknown, ctx: Ctx) => exclusionsBetween(p.learnerId, none, ctx),
    currentReducedTimetable: async (p: { learnerId: string }, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.reducedTimetables.load(p.learnerId)).find((r) => isCurrent(r, ctx.today)) ?? null,
    additionalLearningNeeds: (p: { learnerId: string }, _: unknown, ctx: Ctx) => latest(ctx.loaders.needs.load(p.learnerId)),
  },
  PepSignOff: {
    role: (s: PepSignOffRow) => s.signerRole,
    // A designated teacher's sign-off for a school the child has left is that school's, no longer current.
    current: (s: PepSignOffRow & { countedVersion: number | null }, _: unknown, ctx: Ctx) =>
      s.pepVersion === s.countedVersion && !signedForSchoolLeft(s, ctx.today),
    school: (s: PepSignOffRow) => (s.schoolId ? { id: s.schoolId } : null),
  },
  Notification: {
    createdAt: (n: NotificationRow) => n.createdAt.toISOString(),
    readAt: (n: NotificationRow) => n.readAt?.toISOString() ?? null,
  },
  LegalStatus: enumValuesOf(LEGAL_STATUSES),
  IdpMaintainer: enumValuesOf(IDP_MAINTAINERS),
  ExclusionKind: enumValuesOf(EXCLUSION_KINDS),
  EotasKind: enumValuesOf(EOTAS_KINDS),
  SdqInformant: enumValuesOf(SDQ_INFORMANTS),
  InterventionKind: enumValuesOf(INTERVENTION_KINDS),
  Destination: enumValuesOf(DESTINATIONS),
  PepSectionKind: enumValuesOf(PEP_SECTIONS),
  SignerRole: enumValuesOf(SIGN_OFF_ROLES),
  QualityRating: enumValuesOf(QUALITY_RATINGS),
  NotificationKind: enumValuesOf(NOTIFICATION_KINDS),
  NotificationDelivery: enumValuesOf(NOTIFICATION_DELIVERIES),
};

async function languageFor(s: PepSectionRow, args: { language?: string | null }, ctx: Ctx) {
  const pep = await ctx.loaders.pep.load(s.pepId);
  return displayLanguage(ctx, args.language, pep ? await ownPreferenceOf(ctx, pep.learnerId) : null);
}
