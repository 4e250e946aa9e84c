// The education record beyond the PEP for one authority's children, planned once staff are
// allocated and before attendance (which marks the excluded sessions). Each part has its own
// stream, so adding to one never changes another, nor anything generated before.
//
// One hidden score per child, their need (standard normal), ties the parts together as in life: the
// children with the most difficult SDQ scores are the likeliest to be excluded, to be on a reduced
// timetable or educated other than at school, to have additional learning needs and support, and to
// be NEET after Year 11.
import type { AttendanceCalendar } from './attendance.ts';
import type { Day } from './days.ts';
import { planEotas } from './eotas.ts';
import { planExclusions } from './exclusions.ts';
import { planInterventions } from './interventions.ts';
import { planLearningNeeds } from './learning-needs.ts';
import { planPepRecords } from './pep-record.ts';
import type { ChildPlan } from './plan.ts';
import { planDestinations } from './post-16.ts';
import { normal, streamFor } from './random.ts';
import { planReducedTimetables } from './reduced-timetables.ts';
import { planSdqs } from './sdq.ts';

export function planRecords(seed: number, authorityCode: string, children: readonly ChildPlan[], asOf: Day, calendar: AttendanceCalendar): void {
  const stream = (part: string) => streamFor(seed, `${part}:${authorityCode}`);
  const needs = stream('need');
  const peps = stream('pep-record');
  const sdqs = stream('sdq');
  const exclusions = stream('exclusions');
  const timetables = stream('reduced-timetables');
  const interventions = stream('interventions');
  const learningNeeds = stream('learning-needs');
  const destinations = stream('destinations');
  const eotas = stream('eotas');
  for (const child of children) {
    const need = normal(needs);
    planPepRecords(peps, child, asOf);
    child.sdqs.push(...planSdqs(sdqs, child, need, asOf));
    child.exclusions.push(...planExclusions(exclusions, child, need, asOf, calendar));
    child.reducedTimetables.push(...planReducedTimetables(timetables, child, need, asOf));
    child.interventions.push(...planInterventions(interventions, child, need, asOf));
    child.learningNeeds.push(...planLearningNeeds(learningNeeds, child, need, asOf));
    child.destinations.push(...planDestinations(destinations, child, need, asOf));
    child.eotas.push(...planEotas(eotas, child, need, asOf));
  }
}
