// Personal Education Plans: the current plan and the superseded ones before it, with targets.
import { firstSeptemberAtAge, schoolYearAgeOn, type Day } from './days.ts';
import type { ChildPlan, OwnerRole, PepPlan, PepStatus, TargetPlan, TargetProgress } from './plan.ts';
import { currentEpisode } from './plan.ts';
import type { Random } from './random.ts';
import { OWNER_ROLES, TARGET_TEXTS, stageFor } from './target-texts.ts';

/** Share of current plans past their review date (nextReviewDue before asOf), about 15%. */
const OVERDUE = 0.15;
const STATUSES: readonly (readonly [PepStatus, number])[] = [
  ['agreed', 0.75],
  ['in-review', 0.15],
  ['draft', 0.1],
];

/**
 * Children of school age have plans; a few in nursery do too, and most sixth-formers.
 * `onRoll` says whether the child has a current enrolment.
 */
export function planPeps(rng: Random, child: ChildPlan, asOf: Day, onRoll: boolean): PepPlan[] {
  const dob = child.dateOfBirth;
  const yearAge = schoolYearAgeOn(dob, asOf);
  let eligibleFrom: Day;
  if (yearAge >= 4 && yearAge <= 15) eligibleFrom = firstSeptemberAtAge(dob, 4);
  else if (yearAge === 3 && rng.chance(0.3)) eligibleFrom = firstSeptemberAtAge(dob, 3);
  else if (yearAge >= 16 && onRoll && rng.chance(0.8)) eligibleFrom = firstSeptemberAtAge(dob, 4);
  else return [];

  // A plan is started within about ten working days of coming into care (or of becoming eligible).
  const initiationDelay = rng.chance(0.85) ? rng.int(0, 14) : rng.int(15, 40);
  const firstStart = Math.min(asOf, Math.max(currentEpisode(child).start, eligibleFrom) + initiationDelay);
  const current = currentPlan(rng, firstStart, asOf);
  const plans = [...earlierPlans(rng, firstStart, current.initiatedOn), current];
  return plans.map((plan, i) => ({
    ...plan,
    targets: targetsFor(rng, dob, plan, asOf, i === plans.length - 1),
    sections: [],
    signOffs: [],
    rating: null,
  }));
}

type PlanDates = Omit<PepPlan, 'targets' | 'sections' | 'signOffs' | 'rating'>;

/** Days between review meetings: about a school term. */
const termLength = (rng: Random) => rng.int(84, 105);
/** Completed within 20 school days (about four weeks) normally; some are late. */
const completionDelay = (rng: Random) => (rng.chance(0.85) ? rng.int(10, 28) : rng.int(29, 80));

function currentPlan(rng: Random, firstStart: Day, asOf: Day): PlanDates {
  const completion = completionDelay(rng);
  let status = rng.weighted(STATUSES);
  if (asOf - firstStart < completion) status = 'draft';
  if (status === 'draft') {
    return {
      status,
      version: rng.int(1, 2),
      initiatedOn: Math.max(firstStart, asOf - rng.int(0, 20)),
      completedOn: null,
      lastReviewedOn: null,
      nextReviewDue: null,
    };
  }
  // Drafts have no review date yet, so the rest carry all of the overdue share.
  const overdue = rng.chance(OVERDUE / 0.85);
  const term = termLength(rng);
  let nextReviewDue = overdue ? asOf - rng.int(1, 45) : status === 'in-review' ? asOf + rng.int(0, 14) : asOf + rng.int(1, 100);
  const anchor = Math.min(asOf, nextReviewDue - term);
  let reviews = rng.int(0, 3);
  while (reviews > 0 && anchor - reviews * term - completion < firstStart) reviews -= 1;
  let completedOn = anchor - reviews * term;
  let initiatedOn = completedOn - completion;
  let lastReviewedOn: Day | null = reviews > 0 ? anchor : null;
  if (initiatedOn < firstStart) {
    // Too little time in care for the chosen history: the first plan, completed on time.
    initiatedOn = firstStart;
    completedOn = firstStart + completion;
    lastReviewedOn = null;
    nextReviewDue = completedOn + term;
    if (nextReviewDue < asOf && !overdue) {
      lastReviewedOn = rng.int(Math.max(completedOn, asOf - term + 1), asOf);
      nextReviewDue = lastReviewedOn + term;
      reviews = 1;
    }
  }
  const version = Math.min(5, 2 + reviews + (status === 'in-review' ? 1 : 0));
  return { status, version, initiatedOn, completedOn, lastReviewedOn, nextReviewDue };
}

/** Superseded plans before the current one, back towards the first, oldest first. */
function earlierPlans(rng: Random, firstStart: Day, currentStart: Day): PlanDates[] {
  const plans: PlanDates[] = [];
  let end = currentStart;
  while (plans.length < 4 && end - firstStart >= 120 && rng.chance(0.7)) {
    let initiatedOn = end - rng.int(150, 380);
    if (initiatedOn - firstStart < 120) initiatedOn = firstStart;
    const completedOn = Math.min(initiatedOn + completionDelay(rng), end);
    const term = termLength(rng);
    const reviews = Math.floor((end - completedOn) / term);
    const lastReviewedOn = reviews > 0 ? completedOn + reviews * term : null;
    plans.unshift({
      status: 'superseded',
      version: Math.min(5, 2 + reviews),
      initiatedOn,
      completedOn,
      lastReviewedOn,
      nextReviewDue: (lastReviewedOn ?? completedOn) + term,
    });
    end = initiatedOn;
    if (initiatedOn === firstStart) break;
  }
  return plans;
}

function targetsFor(rng: Random, dob: Day, plan: PlanDates, asOf: Day, current: boolean): TargetPlan[] {
  const texts = rng.shuffled(TARGET_TEXTS[stageFor(schoolYearAgeOn(dob, plan.initiatedOn))]);
  const count = rng.int(2, 5);
  return texts.slice(0, count).map(([description, usualOwner]) => {
    const base = plan.nextReviewDue ?? plan.initiatedOn + 90;
    const dueOn = Math.max(plan.initiatedOn + 14, base + rng.int(-20, 60));
    const ownerRole: OwnerRole = rng.chance(0.8) ? usualOwner : rng.pick(OWNER_ROLES);
    return { description, ownerRole, dueOn, progress: progressOf(rng, plan.status, current, dueOn < asOf), accelerated: rng.chance(0.1) };
  });
}

function progressOf(rng: Random, status: PepStatus, current: boolean, due: boolean): TargetProgress {
  if (!current)
    return rng.weighted([
      ['met', 0.55],
      ['not-met', 0.25],
      ['in-progress', 0.2],
    ]);
  if (status === 'draft')
    return rng.weighted([
      ['not-started', 0.85],
      ['in-progress', 0.15],
    ]);
  if (due)
    return rng.weighted([
      ['met', 0.5],
      ['not-met', 0.25],
      ['in-progress', 0.25],
    ]);
  return rng.weighted([
    ['not-started', 0.25],
    ['in-progress', 0.55],
    ['met', 0.2],
  ]);
}
