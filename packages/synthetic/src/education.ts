// School histories: a child changes school when they move to another authority (and sometimes
// within one), when they go up to secondary school, and when they start at a special school or PRU.
import { firstSeptemberAtAge, schoolYearAgeOn, type Day } from './days.ts';
import type { ChildPlan, EnrolmentPlan } from './plan.ts';
import type { Random } from './random.ts';
import type { SchoolChooser, SchoolKind } from './school-choice.ts';

const SPECIAL_SCHOOL = 0.05;
const PUPIL_REFERRAL_UNIT = 0.03;
/** Share of 16- and 17-year-olds still at school (sixth form); the rest have left or gone to college. */
const SIXTH_FORM = 0.45;
/** Share of placement moves within an authority that still mean a new school. */
const MOVE_WITHIN_AUTHORITY_CHANGES_SCHOOL = 0.15;

interface Residence {
  readonly from: Day;
  readonly authorityCode: string;
}

interface Breakpoint {
  readonly day: Day;
  /** A move of home (the new school starts after a delay) or a change of phase or kind of school. */
  readonly move: boolean;
}

export function planEnrolments(rng: Random, child: ChildPlan, asOf: Day, chooser: SchoolChooser): EnrolmentPlan[] {
  const dob = child.dateOfBirth;
  const yearAge = schoolYearAgeOn(dob, asOf);
  if (yearAge < 4) return [];
  const reception = firstSeptemberAtAge(dob, 4);
  const secondary = firstSeptemberAtAge(dob, 11);
  const special = rng.chance(SPECIAL_SCHOOL) ? rng.int(reception, asOf) : null;
  const pru = special === null && yearAge >= 11 && yearAge <= 15 && rng.chance(PUPIL_REFERRAL_UNIT) ? Math.max(secondary, asOf - rng.int(20, 300)) : null;
  const onRollNow = yearAge <= 15 || special !== null || rng.chance(SIXTH_FORM);
  // Those who left at 16 did so at the end of Year 11, late in June.
  const historyEnd = onRollNow ? asOf : firstSeptemberAtAge(dob, 16) - 63;

  const residences = residenceHistory(child);
  const points: Breakpoint[] = [{ day: reception, move: false }];
  for (let i = 1; i < residences.length; i += 1) {
    const here = residences[i];
    const before = residences[i - 1];
    if (!here || !before || here.from <= reception || here.from > historyEnd) continue;
    if (here.authorityCode !== before.authorityCode || rng.chance(MOVE_WITHIN_AUTHORITY_CHANGES_SCHOOL)) {
      points.push({ day: here.from, move: true });
    }
  }
  for (const day of [secondary, special, pru]) {
    if (day !== null && day > reception && day <= historyEnd) points.push({ day, move: false });
  }
  points.sort((a, b) => a.day - b.day || Number(a.move) - Number(b.move));

  const kindOn = (day: Day): SchoolKind => (special !== null && day >= special ? 'special' : pru !== null && day >= pru ? 'pru' : 'mainstream');
  const segments: EnrolmentPlan[] = [];
  points.forEach((point, i) => {
    const next = points[i + 1];
    const delay = point.move ? (rng.chance(0.85) ? rng.int(0, 10) : rng.int(11, 45)) : 0;
    const start = Math.min(point.day + delay, asOf);
    // The summer holiday separates primary from secondary school.
    const end = next ? (next.day === secondary && !next.move ? secondary - rng.int(35, 45) : next.day) : onRollNow ? null : historyEnd;
    if (end !== null && end < start) return;
    if (next && next.day === point.day) return;
    const school = chooser.choose(
      rng,
      residenceOn(residences, point.day),
      kindOn(point.day),
      schoolYearAgeOn(dob, start),
      schoolYearAgeOn(dob, end ?? asOf),
      child.language,
    );
    if (!school) throw new Error(`no ${kindOn(point.day)} school for ${child.id} in ${residenceOn(residences, point.day)}`);
    segments.push({ school, start, end });
  });

  // Records rarely go all the way back: keep the latest school and some before it.
  const kept: EnrolmentPlan[] = [];
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    const segment = segments[i];
    if (!segment) continue;
    const isCurrent = segment.end === null;
    if (!isCurrent && !(kept.length === 0 ? rng.chance(0.85) : kept.length < 3 && rng.chance(0.6))) break;
    kept.unshift(segment);
  }
  return kept;
}

/** Where the child lived over time: at home, then each placement, and home again between episodes. */
function residenceHistory(child: ChildPlan): Residence[] {
  const out: Residence[] = [{ from: child.dateOfBirth, authorityCode: child.home.code }];
  child.episodes.forEach((episode, index) => {
    for (const placement of child.placements) {
      if (placement.episode === index) out.push({ from: placement.start, authorityCode: placement.authorityCode });
    }
    if (episode.end !== null) out.push({ from: episode.end, authorityCode: child.home.code });
  });
  return out;
}

function residenceOn(residences: readonly Residence[], day: Day): string {
  let code = residences[0]?.authorityCode ?? '';
  for (const residence of residences) {
    if (residence.from <= day) code = residence.authorityCode;
    else break;
  }
  return code;
}
