// Strengths and Difficulties Questionnaires for children aged 4 to 16: most have one from the last
// 12 months, usually completed by the carer. Scores follow those reported for children looked after
// (WALES-FACTS): total difficulties averaging about 14, over a third at 17 or more ("cause for
// concern" on the carer form). Only scores are kept, never the questionnaire's items.
import { ageOn, birthdayAt, type Day } from './days.ts';
import type { ChildPlan, Gender, SdqInformant, SdqPlan } from './plan.ts';
import { currentEpisode } from './plan.ts';
import { YEAR_DAYS } from './pupil.ts';
import { normal, type Random } from './random.ts';

/** Chance a child aged 4 to 16 has one in the last 12 months (England: about 72% have a score). */
const IN_YEAR = 0.78;
/** Chance of a second one in the year (from another informant, or a follow-up). */
const SECOND_IN_YEAR = 0.2;
/** Chance a child in care for longer also has one from the year before. */
const EARLIER = 0.5;
/** A questionnaire is completed once the child has been in care at least this long. */
const SETTLING_DAYS = 20;
/** Total difficulties (0-40) is drawn as a rounded normal with this mean and spread. */
const TOTAL_MEAN = 14.5;
const TOTAL_SD = 7;
/** Share of the total's variation that is the child's need (the rest is this occasion). */
const NEED_SHARE = 0.6;
/** Teachers and young people score the same child a little lower than carers do. */
const INFORMANT_SHIFT: Readonly<Record<SdqInformant, number>> = { carer: 0, teacher: -1.5, self: -1 };
/** Typical share of the total on each difficulty scale: emotional, conduct, hyperactivity, peer. */
const SCALE_WEIGHTS = [3.6, 3.0, 4.9, 3.0] as const;
const SCALE_MAX = 10;

/** Questionnaires for a child aged 4 to 16 now, oldest first. */
export function planSdqs(rng: Random, child: ChildPlan, need: number, asOf: Day): SdqPlan[] {
  const age = ageOn(child.dateOfBirth, asOf);
  if (age < 4 || age > 16) return [];
  const inCareFrom = currentEpisode(child).start + SETTLING_DAYS;
  const from = Math.max(asOf - YEAR_DAYS + 1, inCareFrom, birthdayAt(child.dateOfBirth, 4));
  if (from > asOf || !rng.chance(IN_YEAR)) return [];

  const z = NEED_SHARE * need + Math.sqrt(1 - NEED_SHARE * NEED_SHARE) * normal(rng);
  const out: SdqPlan[] = [];
  const latestOn = rng.int(from, asOf);
  const informant = firstInformant(rng, ageOn(child.dateOfBirth, latestOn));
  const earlierOn = latestOn - rng.int(330, 420);
  if (earlierOn >= Math.max(inCareFrom, birthdayAt(child.dateOfBirth, 4)) && rng.chance(EARLIER)) {
    out.push(scores(rng, child.gender, 'carer', z + 0.5 * normal(rng), earlierOn));
  }
  out.push(scores(rng, child.gender, informant, z, latestOn));
  if (rng.chance(SECOND_IN_YEAR)) {
    const secondOn = rng.int(from, asOf);
    const selfAge = ageOn(child.dateOfBirth, secondOn) >= 11;
    const other =
      informant === 'carer'
        ? rng.weighted<SdqInformant>([
            ['teacher', 0.6],
            ['self', selfAge ? 0.3 : 0],
            ['carer', 0.2],
          ])
        : 'carer';
    if (Math.abs(secondOn - latestOn) >= 60) out.push(scores(rng, child.gender, other, z + 0.45 * normal(rng), secondOn));
  }
  return out.sort((a, b) => a.completedOn - b.completedOn);
}

/** Mostly the carer; teachers sometimes, and young people of 11 and over their own. */
function firstInformant(rng: Random, age: number): SdqInformant {
  return age >= 11
    ? rng.weighted<SdqInformant>([
        ['carer', 0.74],
        ['teacher', 0.1],
        ['self', 0.16],
      ])
    : rng.weighted<SdqInformant>([
        ['carer', 0.88],
        ['teacher', 0.12],
      ]);
}

function scores(rng: Random, gender: Gender, informant: SdqInformant, z: number, completedOn: Day): SdqPlan {
  const total = Math.max(0, Math.min(4 * SCALE_MAX, Math.round(TOTAL_MEAN + INFORMANT_SHIFT[informant] + TOTAL_SD * z)));
  // Boys score a little higher on conduct and hyperactivity, girls on emotional symptoms.
  const lean = gender === 'male' ? 1.15 : gender === 'female' ? 0.87 : 1;
  const weights = SCALE_WEIGHTS.map((w, i) => w * (i === 0 ? 1 / lean : i === 1 || i === 2 ? lean : 1) * Math.exp(0.35 * normal(rng)));
  const [emotional = 0, conduct = 0, hyperactivity = 0, peer = 0] = splitTotal(total, weights);
  // Strengths fall a little as difficulties rise; most children score 5 or more.
  const prosocial = Math.max(0, Math.min(SCALE_MAX, Math.round(7.6 - 0.1 * (total - TOTAL_MEAN) + 1.7 * normal(rng))));
  return { completedOn, informant, emotional, conduct, hyperactivity, peer, prosocial };
}

/** Shares a total among scales in proportion to weights (largest remainder), none above the scale maximum. */
export function splitTotal(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  let overflow = 0;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as number;
    if (part > SCALE_MAX) {
      overflow += part - SCALE_MAX;
      parts[i] = SCALE_MAX;
    }
  }
  // What a full scale could not take goes to the scale furthest below its exact share.
  const shortfall = (i: number) => (exact[i] as number) - (parts[i] as number);
  while (overflow > 0) {
    let roomiest = -1;
    for (let i = 0; i < parts.length; i += 1) {
      if ((parts[i] as number) < SCALE_MAX && (roomiest < 0 || shortfall(i) > shortfall(roomiest))) roomiest = i;
    }
    if (roomiest < 0) break;
    parts[roomiest] = (parts[roomiest] as number) + 1;
    overflow -= 1;
  }
  return parts;
}
