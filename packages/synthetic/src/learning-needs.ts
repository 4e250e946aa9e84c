// Additional learning needs: about 45% of looked-after pupils have them identified, and most of
// those an individual development plan (IDP). For a looked-after child the authority decides on the
// needs and keeps the IDP (ALN and Education Tribunal (Wales) Act 2018), though a school may hold
// one agreed before the child came into care. An IDP is reviewed at least once a year.
import { firstSeptemberAtAge, type Day } from './days.ts';
import type { ChildPlan, IdpMaintainer, IdpPlan, LearningNeedPlan } from './plan.ts';
import { logistic, type Random } from './random.ts';

/** Logit of identified needs for a pupil of average need (about 45% overall). */
const ALN_LOGIT = -0.4;
const NEED_EFFECT = 0.9;
/** Chance the needs have an IDP, once there has been time to agree one. */
const WITH_IDP = 0.72;
const BY_AUTHORITY = 0.85;
/** Days from identifying needs to agreeing the IDP (about twelve weeks, sometimes longer). */
const TO_AGREE = [21, 110] as const;

type Weights = readonly (readonly [string, number])[];

const YOUNGER: Weights = [
  ['Speech, language and communication needs', 0.26],
  ['Social, emotional and mental health needs linked to early trauma', 0.22],
  ['Global developmental delay', 0.1],
  ['Moderate learning difficulties', 0.12],
  ['Autism spectrum condition', 0.1],
  ['Attention difficulties; assessment for ADHD under way', 0.08],
  ['Fine and gross motor difficulties', 0.06],
  ['Hearing impairment', 0.03],
  ['Foetal alcohol spectrum disorder', 0.03],
];
const OLDER: Weights = [
  ['Social, emotional and mental health needs', 0.3],
  ['Specific learning difficulty (dyslexia)', 0.14],
  ['Moderate learning difficulties', 0.16],
  ['ADHD affecting attention and concentration', 0.12],
  ['Autism spectrum condition', 0.11],
  ['Speech, language and communication needs', 0.09],
  ['Attachment difficulties affecting learning and relationships', 0.05],
  ['Visual impairment', 0.01],
  ['Physical disability needing access arrangements', 0.02],
];

/** At most one record of needs, for children who have been on a school roll. */
export function planLearningNeeds(rng: Random, child: ChildPlan, need: number, asOf: Day): LearningNeedPlan[] {
  if (child.enrolments.length === 0) return [];
  const special = child.enrolments.find((e) => e.school.phase === 'special');
  if (!special && !rng.chance(logistic(ALN_LOGIT + NEED_EFFECT * need))) return [];
  const reception = firstSeptemberAtAge(child.dateOfBirth, 4);
  // A special-school place follows identified needs.
  const identifiedOn = special ? rng.int(Math.max(reception - 200, special.start - 300), special.start) : rng.int(reception - 200, asOf);
  const ageAtIdentification = (identifiedOn - child.dateOfBirth) / 365.25;
  const summary = rng.weighted(ageAtIdentification < 8 ? YOUNGER : OLDER);

  const firstAgreed = identifiedOn + rng.int(TO_AGREE[0], TO_AGREE[1]);
  if (firstAgreed > asOf || !(special || rng.chance(WITH_IDP))) return [{ identifiedOn, summary, idp: null }];
  // A school still holds a few, such as one agreed before the child came into care.
  const maintainedBy: IdpMaintainer = special || rng.chance(BY_AUTHORITY) ? 'authority' : 'school';
  return [{ identifiedOn, summary, idp: latestAgreement(rng, firstAgreed, asOf, maintainedBy) }];
}

/** The agreement of the IDP now in force: after the last annual review, with the next due within a year. */
function latestAgreement(rng: Random, firstAgreed: Day, asOf: Day, maintainedBy: IdpMaintainer): IdpPlan {
  let agreedOn = firstAgreed;
  // Reviews roughly every year since; a few are late.
  while (agreedOn + 365 <= asOf) agreedOn += rng.int(330, 380);
  if (agreedOn > asOf) agreedOn = asOf - rng.int(0, 30);
  agreedOn = Math.max(agreedOn, firstAgreed);
  return { maintainedBy, agreedOn, reviewDue: agreedOn + rng.int(180, 365) };
}
