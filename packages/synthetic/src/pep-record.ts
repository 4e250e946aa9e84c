// The rest of each PEP version once staff are allocated: its sections in the words of the child and
// of the professionals, the sign-offs of the roles that must agree it, and the virtual school's
// quality rating. An agreed (or since superseded) version was signed by the education lead, the
// social worker and, for a child on a school roll, the designated teacher; one in review has some.
import { schoolYearAgeOn, type Day } from './days.ts';
import { ratingComment, sectionText, voiceText, type TextContext } from './pep-texts.ts';
import type { ChildPlan, PepPlan, PepSection, QualityRating, SectionPlan, SignOffPlan, TextLanguage, WriterRole } from './plan.ts';
import { enrolmentOn } from './pupil.ts';
import type { Random } from './random.ts';
import { designatedTeacherSubject, virtualSchoolHeadSubject } from './staff.ts';
import { stageFor } from './target-texts.ts';

/** Share of plans with the child's "All about me": current (agreed or in review), superseded, draft. */
const VOICE = { current: 0.75, superseded: 0.85, draft: 0.3 } as const;
/** Chance a draft already has each professional section. */
const DRAFT_SECTION = 0.35;
/** Chance a child who prefers Welsh writes in Welsh, and that professionals write their plan in Welsh. */
const WELSH_VOICE = 0.85;
const WELSH_PROFESSIONALS = 0.6;
/** Chance a learner of this age writes their own words rather than their social worker with them. */
const WRITES_OWN = (schoolYearAge: number) => (schoolYearAge >= 11 ? 0.55 : schoolYearAge >= 8 ? 0.3 : 0);
/** Share of agreed plans the education lead has rated (and of superseded ones, rated while agreed). */
const RATED = { agreed: 0.7, superseded: 0.5 } as const;
/** Ratings: the child's voice in the plan makes a green one likelier. */
const RATINGS_WITH_VOICE: readonly (readonly [QualityRating, number])[] = [
  ['green', 0.6],
  ['amber', 0.32],
  ['red', 0.08],
];
const RATINGS_WITHOUT_VOICE: readonly (readonly [QualityRating, number])[] = [
  ['green', 0.4],
  ['amber', 0.42],
  ['red', 0.18],
];
/** Sign-offs already given on a plan in review. */
const IN_REVIEW_SIGNED: readonly (readonly [number, number])[] = [
  [0, 0.35],
  [1, 0.4],
  [2, 0.25],
];

const PROFESSIONAL_SECTIONS = ['school-picture', 'support', 'review-actions', 'carer-views', 'social-worker-views'] as const;

interface Writer {
  readonly subject: string;
  readonly role: WriterRole;
}

/** The professionals around the child on a day: education lead, social worker, designated teacher if on a roll. */
interface Team {
  readonly lead: Writer;
  readonly socialWorker: Writer;
  readonly teacher: Writer | null;
  /** The school's name, in English and Welsh. */
  readonly school: { readonly en: string; readonly cy: string } | null;
}

function teamOn(child: ChildPlan, day: Day, asOf: Day): Team {
  const workers = child.staff.filter((a) => a.member.role === 'social-worker');
  const worker = workers.find((a) => a.start <= day && (a.end === null || day <= a.end)) ?? workers.find((a) => a.end === null) ?? workers[0];
  if (!worker) throw new Error(`${child.id} has no social worker`);
  const enrolment = enrolmentOn(child, day, asOf);
  return {
    lead: { subject: virtualSchoolHeadSubject(child.home.orgCode), role: 'virtual-school-head' },
    socialWorker: { subject: worker.member.subject, role: 'social-worker' },
    teacher: enrolment ? { subject: designatedTeacherSubject(enrolment.school.id), role: 'designated-teacher' } : null,
    school: enrolment ? { en: enrolment.school.nameEn, cy: enrolment.school.nameCy } : null,
  };
}

/** Fills in the sections, sign-offs and rating of every plan of a child. */
export function planPepRecords(rng: Random, child: ChildPlan, asOf: Day): void {
  const name = child.preferredName ?? child.givenName;
  child.peps.forEach((pep, index) => {
    const previous = child.peps[index - 1];
    // Written for the meeting that agreed this version (or, for a draft, as it was started).
    const writtenOn = pep.lastReviewedOn ?? pep.completedOn ?? pep.initiatedOn;
    const team = teamOn(child, writtenOn, asOf);
    const schoolYearAge = schoolYearAgeOn(child.dateOfBirth, writtenOn);
    const welsh = child.language === 'cy';
    const professionalLanguage: TextLanguage = welsh && rng.chance(WELSH_PROFESSIONALS) ? 'cy' : 'en';
    const stage = stageFor(schoolYearAge);
    const lastTargets = previous ? { met: previous.targets.filter((t) => t.progress === 'met').length, total: previous.targets.length } : null;
    const context = (language: TextLanguage): TextContext => ({
      language,
      stage,
      name,
      school: team.school === null ? null : language === 'cy' ? team.school.cy : team.school.en,
      lastTargets,
    });

    const draft = pep.status === 'draft';
    const voiceShare = draft ? VOICE.draft : pep.status === 'superseded' ? VOICE.superseded : VOICE.current;
    if (rng.chance(voiceShare)) {
      const ownWords = rng.chance(WRITES_OWN(schoolYearAge));
      const language: TextLanguage = welsh && rng.chance(WELSH_VOICE) ? 'cy' : 'en';
      pep.sections.push({
        section: 'all-about-me',
        body: voiceText(rng, context(language), !ownWords),
        language,
        writtenBySubject: ownWords ? child.id : team.socialWorker.subject,
        writtenByRole: ownWords ? 'learner' : 'social-worker',
        onBehalf: !ownWords,
      });
    }
    const professional = context(professionalLanguage);
    for (const section of PROFESSIONAL_SECTIONS) {
      if (draft && !rng.chance(DRAFT_SECTION)) continue;
      const writer = writerOf(rng, section, team);
      pep.sections.push({
        section,
        body: sectionText(rng, section, professional),
        language: professionalLanguage,
        writtenBySubject: writer.subject,
        writtenByRole: writer.role,
        onBehalf: false,
      });
    }
    pep.signOffs.push(...signOffsOf(rng, child, pep, team, writtenOn, asOf));
    // A superseded plan was rated while it was the agreed one.
    const until = child.peps[index + 1]?.initiatedOn ?? asOf;
    pep.rating = ratingOf(rng, pep, virtualSchoolHeadSubject(child.home.orgCode), writtenOn, Math.min(until, asOf));
  });
}

function writerOf(rng: Random, section: Exclude<PepSection, 'all-about-me'>, team: Team): Writer {
  const teacherOrLead = team.teacher ?? team.lead;
  switch (section) {
    case 'school-picture':
      return teacherOrLead;
    case 'support':
      return rng.chance(0.5) ? teacherOrLead : team.lead;
    case 'review-actions':
      return rng.weighted<Writer>([
        [team.lead, 0.6],
        [team.socialWorker, 0.2],
        [teacherOrLead, 0.2],
      ]);
    case 'carer-views':
    case 'social-worker-views':
      return team.socialWorker;
  }
}

/** `team` is the one on `writtenOn`, the day an agreed or superseded version was agreed. */
function signOffsOf(rng: Random, child: ChildPlan, pep: PepPlan, team: Team, writtenOn: Day, asOf: Day): SignOffPlan[] {
  if (pep.status === 'draft') return [];
  const signers = (team: Team): Pick<SignOffPlan, 'role' | 'subject'>[] => [
    { role: 'education-lead', subject: team.lead.subject },
    { role: 'social-worker', subject: team.socialWorker.subject },
    ...(team.teacher ? [{ role: 'designated-teacher' as const, subject: team.teacher.subject }] : []),
  ];
  if (pep.status === 'in-review') {
    // Signatures gathered for the version under review in the last fortnight, by whoever held the role that day.
    const from = Math.max(writtenOn, asOf - 14);
    const count = rng.weighted(IN_REVIEW_SIGNED);
    const out: SignOffPlan[] = [];
    for (const { role } of rng.shuffled(signers(teamOn(child, asOf, asOf))).slice(0, count)) {
      const signedOn = rng.int(from, asOf);
      const signer = signers(teamOn(child, signedOn, asOf)).find((s) => s.role === role);
      if (signer) out.push({ ...signer, version: pep.version, signedOn });
    }
    return out;
  }
  return signers(team).map((s) => ({ ...s, version: pep.version, signedOn: writtenOn }));
}

function ratingOf(rng: Random, pep: PepPlan, lead: string, writtenOn: Day, until: Day): PepPlan['rating'] {
  const share = pep.status === 'agreed' ? RATED.agreed : pep.status === 'superseded' ? RATED.superseded : 0;
  if (!rng.chance(share)) return null;
  const hasVoice = pep.sections.some((s: SectionPlan) => s.section === 'all-about-me');
  const rating = rng.weighted(hasVoice ? RATINGS_WITH_VOICE : RATINGS_WITHOUT_VOICE);
  return {
    rating,
    comments: ratingComment(rng, rating, hasVoice),
    ratedBySubject: lead,
    ratedOn: Math.min(until, writtenOn + rng.int(2, 40)),
  };
}
