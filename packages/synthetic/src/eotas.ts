// Education other than at school (EOTAS): about 2.5% of looked-after children of compulsory school age
// have had education arranged by the authority outside school in the last two years: its tuition service,
// an alternative provider, or home tuition while too unwell to attend. Here always alongside a school
// roll (dual arrangements), since every child of that age in the synthetic data is on one.
import { isSchoolDay } from '@wales-lac/wales';
import { firstSeptemberAtAge, isoDate, schoolYearAgeOn, type Day } from './days.ts';
import { currentEpisode, type ChildPlan, type EotasKind, type EotasPlan } from './plan.ts';
import { isCompulsoryOn } from './pupil.ts';
import type { Random } from './random.ts';

const RATE = 0.025;
const NEED_EFFECT = 0.6;
/** How far back an arrangement may have started. */
const LOOK_BACK = 730;

const KINDS: readonly (readonly [EotasKind, number])[] = [
  ['tuition-service', 0.35],
  ['alternative-provider', 0.3],
  ['home-tuition', 0.25],
  ['other', 0.1],
];
/** Half hours a week, by kind. */
const HALF_HOURS: Readonly<Record<EotasKind, readonly [number, number]>> = {
  'tuition-service': [20, 40],
  'alternative-provider': [20, 50],
  'home-tuition': [10, 20],
  other: [6, 30],
};
/** Days an arrangement lasts: a half term, up to a school year, or longer. */
const LENGTHS: readonly (readonly [readonly [number, number], number])[] = [
  [[30, 90], 0.4],
  [[91, 200], 0.4],
  [[201, 400], 0.2],
];
const ALTERNATIVE_PROVIDERS: readonly string[] = [
  'Y Bont Learning Centre',
  'Pathways Alternative Provision',
  'Coed Glas Outdoor Learning',
  'Step Forward Training',
  'Canolfan Dysgu Glannau',
];
const OTHER_PROVIDERS: readonly string[] = ['Academi Ar-lein (online school)', 'Fferm Ddysgu farm-based learning', 'Youth service learning project'];

function providerOf(rng: Random, kind: EotasKind, child: ChildPlan): string {
  if (kind === 'tuition-service') return `${child.home.nameEn} Tuition Service`;
  if (kind === 'home-tuition') return `${child.home.nameEn} Home Tuition Service`;
  return rng.pick(kind === 'alternative-provider' ? ALTERNATIVE_PROVIDERS : OTHER_PROVIDERS);
}

/** At most one arrangement, for a child of compulsory school age, started in care in the last two years. */
export function planEotas(rng: Random, child: ChildPlan, need: number, asOf: Day): EotasPlan[] {
  if (!isCompulsoryOn(child.dateOfBirth, asOf)) return [];
  if (!rng.chance(RATE * Math.exp(NEED_EFFECT * need - (NEED_EFFECT * NEED_EFFECT) / 2))) return [];
  // Alternative providers take secondary-age pupils.
  const kinds = schoolYearAgeOn(child.dateOfBirth, asOf) >= 11 ? KINDS : KINDS.filter(([k]) => k !== 'alternative-provider');
  const kind = rng.weighted(kinds);
  const earliest = Math.max(currentEpisode(child).start, firstSeptemberAtAge(child.dateOfBirth, 5), asOf - LOOK_BACK);
  let start = rng.int(Math.min(earliest, asOf), asOf);
  // Arranged to begin in term: the next school day, when there is one by asOf.
  while (start < asOf && !isSchoolDay(isoDate(start))) start += 1;
  const [shortest, longest] = rng.weighted(LENGTHS);
  const ends = start + rng.int(shortest, longest);
  const [fewest, most] = HALF_HOURS[kind];
  return [{ kind, provider: providerOf(rng, kind, child), halfHoursPerWeek: rng.int(fewest, most), start, end: ends > asOf ? null : ends }];
}
