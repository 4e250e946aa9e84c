// Support given to looked-after pupils: about half have at least one intervention on record, the
// kind following their stage (reading and number work in primary, tutoring and mentoring later).
// Tutoring and mentoring are mostly paid for by the Pupil Development Grant; CAMHS referrals never are.
import { firstSeptemberAtAge, schoolYearAgeOn, type Day } from './days.ts';
import type { ChildPlan, InterventionKind, InterventionPlan } from './plan.ts';
import { currentEpisode } from './plan.ts';
import { enrolmentsInYear } from './pupil.ts';
import { logistic, type Random } from './random.ts';

/** Logit of having any intervention for a child of average need (about half of pupils). */
const ANY_LOGIT = 0.05;
const NEED_EFFECT = 0.8;
/** How many, for those with any. */
const HOW_MANY: readonly (readonly [number, number])[] = [
  [1, 0.6],
  [2, 0.3],
  [3, 0.1],
];
/** Interventions on record began within this many days of asOf. */
const LOOK_BACK = 540;

type Weights = readonly (readonly [InterventionKind, number])[];
const PRIMARY: Weights = [
  ['literacy', 0.28],
  ['numeracy', 0.22],
  ['mentoring', 0.08],
  ['counselling', 0.1],
  ['tutoring', 0.1],
  ['camhs-referral', 0.07],
  ['other', 0.15],
];
const SECONDARY: Weights = [
  ['tutoring', 0.3],
  ['mentoring', 0.2],
  ['counselling', 0.14],
  ['literacy', 0.09],
  ['numeracy', 0.07],
  ['camhs-referral', 0.09],
  ['other', 0.11],
];
const POST_16: Weights = [
  ['tutoring', 0.3],
  ['mentoring', 0.35],
  ['counselling', 0.15],
  ['camhs-referral', 0.05],
  ['other', 0.15],
];

/** Chance each kind is paid for by the Pupil Development Grant. */
const GRANT_FUNDED: Readonly<Record<InterventionKind, number>> = {
  tutoring: 0.9,
  mentoring: 0.8,
  literacy: 0.55,
  numeracy: 0.55,
  counselling: 0.35,
  'camhs-referral': 0,
  other: 0.5,
};

/** Days a block of each kind usually lasts. */
const LENGTH: Readonly<Record<InterventionKind, readonly [number, number]>> = {
  tutoring: [42, 120],
  mentoring: [90, 300],
  literacy: [42, 100],
  numeracy: [42, 100],
  counselling: [42, 180],
  'camhs-referral': [60, 270],
  other: [30, 180],
};

const SUBJECTS = ['maths', 'English', 'science', 'Welsh'] as const;

const DESCRIPTIONS: Readonly<Record<InterventionKind, readonly string[]>> = {
  tutoring: [
    'Weekly one-to-one {subject} tutoring, one hour after school',
    'Online {subject} tutoring twice a week in the run-up to examinations',
    'Small-group {subject} catch-up sessions with a specialist tutor',
    'One-to-one {subject} tuition at home, arranged by the virtual school',
  ],
  mentoring: [
    'Weekly mentoring with a learning coach to plan coursework and revision',
    'Peer mentoring with an older pupil, fortnightly',
    'Mentoring through a youth charity: goal setting and confidence building',
    'Careers and aspiration mentoring ahead of post-16 choices',
  ],
  literacy: [
    'Daily reading intervention in a small group',
    'Structured phonics programme, three sessions a week',
    'Paired reading with a trained teaching assistant',
    'Spelling and handwriting support, twice weekly',
  ],
  numeracy: [
    'Small-group number work, three times a week',
    'One-to-one numeracy catch-up with a teaching assistant',
    'Times-tables and mental maths practice programme',
  ],
  counselling: [
    'School counselling service, weekly sessions',
    'Play therapy sessions in school',
    'ELSA (emotional literacy) sessions, weekly',
    'Therapeutic support for attachment and trauma, fortnightly',
  ],
  'camhs-referral': [
    'Referral to CAMHS for assessment of low mood and anxiety',
    'Referral to CAMHS neurodevelopmental service for an ADHD assessment',
    'Referral to CAMHS following concerns about self-harm',
    'Referral to the CAMHS looked-after children team for consultation',
  ],
  other: [
    'Nurture group, four afternoons a week',
    'Forest school sessions to build confidence and teamwork',
    'Music lessons funded to build self-esteem',
    'Speech and language therapy programme delivered in school',
    'Summer transition programme before starting secondary school',
  ],
};

/** "Other" support for those in secondary school and beyond. */
const OTHER_OLDER: readonly string[] = [
  'Laptop and broadband provided for homework and revision',
  'Music lessons funded to build self-esteem',
  'Duke of Edinburgh award fees and kit paid for',
  'Travel pass so school stays the same after a placement move',
  'Work-experience placement arranged with a local employer',
];

export function planInterventions(rng: Random, child: ChildPlan, need: number, asOf: Day): InterventionPlan[] {
  if (enrolmentsInYear(child, asOf).length === 0) return [];
  if (!rng.chance(logistic(ANY_LOGIT + NEED_EFFECT * need))) return [];
  const yearAge = schoolYearAgeOn(child.dateOfBirth, asOf);
  const weights = yearAge <= 10 ? PRIMARY : yearAge <= 15 ? SECONDARY : POST_16;
  // Support begins once the child is both at school and in care.
  const earliest = Math.max(firstSeptemberAtAge(child.dateOfBirth, 4), currentEpisode(child).start, asOf - LOOK_BACK);
  if (earliest > asOf) return [];
  const count = rng.weighted(HOW_MANY);
  const kinds = new Set<InterventionKind>();
  for (let attempt = 0; attempt < 6 && kinds.size < count; attempt += 1) kinds.add(rng.weighted(weights));
  const out: InterventionPlan[] = [];
  for (const kind of kinds) {
    const start = rng.int(earliest, asOf);
    const [shortest, longest] = LENGTH[kind];
    const ends = start + rng.int(shortest, longest);
    // A CAMHS referral is still open while the child waits to be seen.
    const end = ends > asOf || (kind === 'camhs-referral' && rng.chance(0.3)) ? null : ends;
    const template = rng.pick(kind === 'other' && yearAge >= 11 ? OTHER_OLDER : DESCRIPTIONS[kind]);
    const description = template.replace('{subject}', rng.pick(SUBJECTS));
    out.push({ kind, start, end, grantFunded: rng.chance(GRANT_FUNDED[kind]), description });
  }
  return out.sort((a, b) => a.start - b.start);
}
