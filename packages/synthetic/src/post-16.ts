// Where young people went after Year 11, as recorded at the autumn destination survey and at a
// later check. Those still on a school roll are in the sixth form; of those who left, most are at
// college or not in education, employment or training (NEET): about a third of looked-after 16-
// and 17-year-olds are NEET (brief; unverified for Wales).
import { firstSeptemberAtAge, schoolYearAgeOn, type Day } from './days.ts';
import type { ChildPlan, Destination, DestinationPlan } from './plan.ts';
import { currentEnrolment } from './pupil.ts';
import { logistic, type Random } from './random.ts';

/** Logit of being NEET now for a school leaver of average need (about 60% of leavers, a third of all). */
const NEET_LOGIT = 0.65;
const NEED_EFFECT = 0.6;
/** Where leavers who are not NEET are. */
const ENGAGED: readonly (readonly [Destination, number])[] = [
  ['further-education', 0.62],
  ['training', 0.13],
  ['apprenticeship', 0.07],
  ['employment', 0.08],
  ['unknown', 0.1],
];
/** Chance the earlier record said the same as the latest. */
const SAME_AS_BEFORE = 0.6;
/** Chance of a spring check after an autumn survey. */
const SPRING_CHECK = 0.5;

/** One or two records for a young person past Year 11, oldest first. */
export function planDestinations(rng: Random, child: ChildPlan, need: number, asOf: Day): DestinationPlan[] {
  if (schoolYearAgeOn(child.dateOfBirth, asOf) < 16) return [];
  const leftYear11 = firstSeptemberAtAge(child.dateOfBirth, 16) - 63;
  // Surveys each autumn since leaving, and sometimes a spring check after each.
  const dates: Day[] = [];
  for (let survey = firstSeptemberAtAge(child.dateOfBirth, 16) + rng.int(30, 75); survey <= asOf; survey += 365) {
    dates.push(survey);
    const spring = survey + rng.int(150, 200);
    if (spring <= asOf && rng.chance(SPRING_CHECK)) dates.push(spring);
  }
  // Before the first survey, the destination intended on leaving.
  if (dates.length === 0) dates.push(rng.int(leftYear11, asOf));
  const latestOn = dates[dates.length - 1] as Day;
  const earlierOn = dates.length >= 2 ? (dates[dates.length - 2] as Day) : null;

  const inSixthForm = currentEnrolment(child) !== null;
  const latest: Destination = inSixthForm ? 'school-sixth-form' : rng.chance(logistic(NEET_LOGIT + NEED_EFFECT * need)) ? 'neet' : rng.weighted(ENGAGED);
  const out: DestinationPlan[] = [];
  if (earlierOn !== null) {
    // Sixth-formers stayed on; leavers drift between college, training and NEET.
    const earlier: Destination = inSixthForm || rng.chance(SAME_AS_BEFORE) ? latest : rng.weighted<Destination>([...ENGAGED, ['neet', 0.6]]);
    out.push({ recordedOn: earlierOn, destination: earlier });
  }
  out.push({ recordedOn: latestOn, destination: latest });
  return out;
}
