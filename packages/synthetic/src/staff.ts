// The professionals allocated to each child: a social worker and the virtual school head from the
// home authority, and the designated teacher of the school the child is on the roll of now.
// Names are combined at random from the name lists, so no record describes a real person, and
// every email address ends in .example so it can never reach anyone.
import type { AuthorityFact } from '@wales-lac/wales';
import type { Day } from './days.ts';
import { BOYS_NAMES, FAMILY_NAMES, GIRLS_NAMES, WELSH_BOYS_NAMES, WELSH_GIRLS_NAMES } from './names.ts';
import type { ChildPlan, StaffAllocationPlan, StaffMember } from './plan.ts';
import { streamFor, type Random } from './random.ts';
import { shareOut } from './share.ts';

/** A typical social worker caseload: Wales aims for about 12 to 18 children each. */
export const TYPICAL_CASELOAD = 15;
/** Each worker's share of the caseload varies by up to this much either way. */
const CASELOAD_SPREAD = 0.15;
/** Workers who have since left or moved team, as a share of the current ones (they hold only ended allocations). */
const LEAVERS = 0.25;
/** Chance a child who came back into care has a different worker from their earlier episode. */
const NEW_WORKER_ON_RETURN = 0.6;
/** Chance a child in care for a year has changed worker; rises with time in care (about 30% overall). */
const CHANGED_WORKER_PER_YEAR = 0.085;
const CHANGED_WORKER_MOST = 0.6;
/** A worker holds a case for at least this many days before it passes on. */
const SHORTEST_ALLOCATION = 30;

const ADULT_GIVEN_NAMES: readonly string[] = [...new Set([...GIRLS_NAMES, ...WELSH_GIRLS_NAMES, ...BOYS_NAMES, ...WELSH_BOYS_NAMES])];

/**
 * Social worker subjects at the identity provider, numbered from 1: sw-CRF-001, sw-CRF-002, ...
 * With `socialWorkerCount(learners)` these are exactly the workers holding a current caseload.
 */
export function socialWorkerSubjects(orgCode: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `sw-${orgCode}-${String(i + 1).padStart(3, '0')}`);
}

export const virtualSchoolHeadSubject = (orgCode: string) => `vsh-${orgCode}`;
export const designatedTeacherSubject = (schoolId: string) => `dt-${schoolId}`;

/** Social workers needed for a number of children: about one per 15, at least one. */
export function socialWorkerCount(children: number): number {
  return Math.max(1, Math.round(children / TYPICAL_CASELOAD));
}

/** ASCII for an email address: 'Llŷr' becomes 'llyr'. */
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** Invents distinct names for one authority's staff (distinct emails, too). */
class StaffNamer {
  private readonly used = new Set<string>();

  constructor(
    private readonly rng: Random,
    private readonly domain: string,
  ) {}

  member(role: StaffMember['role'], subject: string): StaffMember {
    for (;;) {
      const given = this.rng.pick(ADULT_GIVEN_NAMES);
      const family = this.rng.pick(FAMILY_NAMES);
      const email = `${emailPart(given)}.${emailPart(family)}@${this.domain}`;
      if (this.used.has(email)) continue;
      this.used.add(email);
      return { role, subject, name: `${given} ${family}`, email };
    }
  }
}

/** One designated teacher per school, named from the school id alone so the name is stable. */
export class DesignatedTeachers {
  private readonly bySchool = new Map<string, StaffMember>();

  constructor(private readonly seed: number) {}

  of(schoolId: string): StaffMember {
    let teacher = this.bySchool.get(schoolId);
    if (!teacher) {
      const rng = streamFor(this.seed, `designated-teacher:${schoolId}`);
      const name = `${rng.pick(ADULT_GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}`;
      teacher = {
        role: 'designated-teacher',
        subject: designatedTeacherSubject(schoolId),
        name,
        email: `dt.${schoolId}@school.wales.example`,
      };
      this.bySchool.set(schoolId, teacher);
    }
    return teacher;
  }
}

/** Allocates staff to all the children of one home authority (appends to each child's `staff`). */
export function allocateStaff(rng: Random, home: AuthorityFact, children: readonly ChildPlan[], asOf: Day, teachers: DesignatedTeachers): void {
  const namer = new StaffNamer(rng, `${home.orgCode.toLowerCase()}.gov.wales.example`);
  const educationLead = namer.member('education-lead', virtualSchoolHeadSubject(home.orgCode));

  // Current workers are numbered first (sw-XXX-001 always has a caseload); leavers follow them.
  const current = socialWorkerCount(children.length);
  const subjects = socialWorkerSubjects(home.orgCode, current + Math.max(1, Math.round(current * LEAVERS)));
  const workers = subjects.map((subject) => namer.member('social-worker', subject));
  const caseloads = shareOut(
    children.length,
    Array.from({ length: current }, () => 1 - CASELOAD_SPREAD + 2 * CASELOAD_SPREAD * rng.next()),
    1,
  );
  const allocatedTo: StaffMember[] = [];
  caseloads.forEach((caseload, i) => {
    for (let k = 0; k < caseload; k += 1) allocatedTo.push(workers[i] as StaffMember);
  });
  const order = rng.shuffled(children.map((_, i) => i));

  order.forEach((childIndex, position) => {
    const child = children[childIndex] as ChildPlan;
    const worker = allocatedTo[position] as StaffMember;
    const first = child.episodes[0];
    const latest = child.episodes[child.episodes.length - 1];
    if (!first || !latest) throw new Error(`${child.id} has no care episode`);
    const earlier = (): StaffMember => {
      const others = workers.filter((w) => w !== worker);
      return rng.pick(others);
    };

    const socialWork: StaffAllocationPlan[] = [];
    const years = (asOf - first.start) / 365.25;
    if (first !== latest && first.end !== null && rng.chance(NEW_WORKER_ON_RETURN)) {
      // A different worker during the earlier episode; the current one since the child came back.
      socialWork.push({ member: earlier(), start: first.start, end: first.end });
      socialWork.push({ member: worker, start: latest.start, end: null });
    } else if (asOf - first.start >= 2 * SHORTEST_ALLOCATION && rng.chance(Math.min(CHANGED_WORKER_MOST, CHANGED_WORKER_PER_YEAR * years))) {
      const handover = rng.int(first.start + SHORTEST_ALLOCATION, asOf);
      socialWork.push({ member: earlier(), start: first.start, end: handover - 1 });
      socialWork.push({ member: worker, start: handover, end: null });
    } else {
      socialWork.push({ member: worker, start: first.start, end: null });
    }
    child.staff.push(...socialWork);
    child.staff.push({ member: educationLead, start: first.start, end: null });

    const enrolment = child.enrolments.find((e) => e.end === null);
    if (enrolment) child.staff.push({ member: teachers.of(enrolment.school.id), start: enrolment.start, end: null });
  });
}
