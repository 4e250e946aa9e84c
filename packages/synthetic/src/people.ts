// Who the child is: age, gender, language and a made-up name.
import type { AuthorityFact } from '@wales-lac/wales';
import type { Day } from './days.ts';
import { BOYS_NAMES, FAMILY_NAMES, GIRLS_NAMES, NEUTRAL_NAMES, SHORT_FORMS, WELSH_BOYS_NAMES, WELSH_GIRLS_NAMES } from './names.ts';
import type { Gender, Language } from './plan.ts';
import { authorityProfile } from './profiles.ts';
import type { Random } from './random.ts';

const DAYS_PER_YEAR = 365.25;

/** Ages of children looked after (WALES-FACTS): [lowest, highest] years and share. */
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 0], 0.05],
  [[1, 4], 0.13],
  [[5, 9], 0.18],
  [[10, 15], 0.38],
  [[16, 17], 0.26],
];

export interface Person {
  readonly dateOfBirth: Day;
  readonly gender: Gender;
  readonly language: Language;
  readonly givenName: string;
  readonly familyName: string;
  readonly preferredName: string | null;
}

/**
 * A child's particulars. With `schoolAge` the child is 6 to 14, so every authority has at least
 * one child of compulsory school age to place across a border, however small the scale.
 */
export function makePerson(rng: Random, authority: AuthorityFact, asOf: Day, schoolAge: boolean): Person {
  const [lowest, highest] = schoolAge ? [6, 14] : rng.weighted(AGE_BANDS);
  const ageDays = rng.int(Math.ceil(lowest * DAYS_PER_YEAR), Math.floor((highest + 1) * DAYS_PER_YEAR) - 2);
  const gender = rng.weighted<Gender>([
    ['male', 0.55],
    ['female', 0.43],
    ['other', 0.01],
    ['not-recorded', 0.01],
  ]);
  const profile = authorityProfile(authority.code);
  const language = rng.weighted<Language>([
    ['cy', profile.welshPreference],
    ['other', profile.otherLanguage],
    ['en', 1 - profile.welshPreference - profile.otherLanguage],
  ]);
  const givenName = rng.pick(givenNames(rng, gender, language));
  return {
    dateOfBirth: asOf - ageDays,
    gender,
    language,
    givenName,
    familyName: rng.pick(FAMILY_NAMES),
    preferredName: rng.chance(0.12) ? preferredNameFor(rng, givenName, givenNames(rng, gender, language)) : null,
  };
}

function givenNames(rng: Random, gender: Gender, language: Language): readonly string[] {
  if (gender === 'other' || gender === 'not-recorded') return NEUTRAL_NAMES;
  const welsh = rng.chance(language === 'cy' ? 0.75 : language === 'en' ? 0.25 : 0.05);
  if (gender === 'male') return welsh ? WELSH_BOYS_NAMES : BOYS_NAMES;
  return welsh ? WELSH_GIRLS_NAMES : GIRLS_NAMES;
}

/** A short form, or another name the child has chosen. */
function preferredNameFor(rng: Random, givenName: string, choices: readonly string[]): string {
  const short = SHORT_FORMS[givenName];
  if (short) return short;
  return rng.pick(choices.filter((name) => name !== givenName));
}
