// Deterministic synthetic data for all of Wales: every child is generated against the whole
// country at once, so a Cardiff child placed in Newport attends a Newport school.
import { AUTHORITY_FACTS, learnerId, type AuthorityFact } from '@wales-lac/wales';
import { attendanceCalendar, planAttendance } from './attendance.ts';
import { ensureCrossBorderEverywhere } from './cross-border.ts';
import { makeCareHistory } from './care.ts';
import { firstSeptemberAtAge, parseIsoDate, schoolYearAgeOn, yearOf, type Day } from './days.ts';
import { planEnrolments } from './education.ts';
import { authorityRows, regionMembershipRows, regionRows } from './national.ts';
import { makePerson } from './people.ts';
import { planPeps } from './peps.ts';
import { emptyRecord, type ChildPlan } from './plan.ts';
import { streamFor, type Random } from './random.ts';
import { planRecords } from './records.ts';
import { authorityDataset } from './rows.ts';
import { SchoolChooser } from './school-choice.ts';
import { allocateStaff, DesignatedTeachers } from './staff.ts';
import { generateSchools } from './schools.ts';
import type { AuthorityDataset, GenerateWalesOptions, SchoolRow, WalesDataset } from './types.ts';
import { UpnIssuer } from './upn.ts';

export const DEFAULT_SEED = 2024;

/** Children per authority: the published count scaled, never fewer than three. */
export function learnerCount(authority: AuthorityFact, scale: number): number {
  return Math.max(3, Math.round(authority.childrenLookedAfter2024 * scale));
}

export function generateWales(options: GenerateWalesOptions): WalesDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${scale}`);
  const asOf = parseIsoDate(options.asOf);

  const schools = generateSchools(seed);
  const children = new Map<string, ChildPlan[]>();
  for (const authority of AUTHORITY_FACTS) {
    const rng = streamFor(seed, `children:${authority.code}`);
    const list: ChildPlan[] = [];
    for (let serial = 1; serial <= learnerCount(authority, scale); serial += 1) {
      list.push(makeChild(rng, authority, serial, asOf));
    }
    children.set(authority.code, list);
  }
  ensureCrossBorderEverywhere(streamFor(seed, 'cross-border'), children, asOf);

  const chooser = new SchoolChooser(schools);
  for (const [code, list] of children) {
    const rng = streamFor(seed, `education:${code}`);
    for (const child of list) {
      child.enrolments.push(...planEnrolments(rng, child, asOf, chooser));
      const onRoll = child.enrolments.some((e) => e.end === null);
      child.peps.push(...planPeps(rng, child, asOf, onRoll));
    }
  }
  issueUpns(streamFor(seed, 'upn'), children, schools, asOf);
  const teachers = new DesignatedTeachers(seed);
  for (const authority of AUTHORITY_FACTS) {
    allocateStaff(streamFor(seed, `staff:${authority.code}`), authority, children.get(authority.code) ?? [], asOf, teachers);
  }

  const authorities = new Map<string, AuthorityDataset>();
  const calendar = attendanceCalendar(asOf);
  for (const [code, list] of children) {
    planRecords(seed, code, list, asOf, calendar);
    // Its own stream per authority, so attendance never changes the rest of the data.
    const attendance = planAttendance(streamFor(seed, `attendance:${code}`), list, asOf, calendar);
    authorities.set(code, authorityDataset(code, list, attendance));
  }
  return {
    national: { regions: regionRows(), authorities: authorityRows(), regionMemberships: regionMembershipRows(), schools },
    authorities,
  };
}

function makeChild(rng: Random, home: AuthorityFact, serial: number, asOf: Day): ChildPlan {
  const person = makePerson(rng, home, asOf, serial === 1);
  const care = makeCareHistory(rng, home, person.dateOfBirth, asOf);
  return { home, id: learnerId(home.code, serial), ...person, ...care, enrolments: [], peps: [], staff: [], upn: '', ...emptyRecord() };
}

/**
 * A UPN comes from the first school on record; a child with none was given one by the home
 * authority (against one of its primaries) when they started school or came into care.
 */
function issueUpns(rng: Random, children: ReadonlyMap<string, readonly ChildPlan[]>, schools: readonly SchoolRow[], asOf: Day): void {
  const issuer = new UpnIssuer();
  const primariesByAuthority = new Map<string, SchoolRow[]>();
  for (const school of schools) {
    if (school.phase !== 'primary') continue;
    primariesByAuthority.set(school.authorityCode, [...(primariesByAuthority.get(school.authorityCode) ?? []), school]);
  }
  for (const list of children.values()) {
    for (const child of list) {
      const first = child.enrolments[0];
      if (first) {
        child.upn = issuer.issue(first.school.id.slice(0, 3), first.school.id.slice(3), yearOf(first.start));
        continue;
      }
      const school = rng.pick(primariesByAuthority.get(child.home.code) ?? []);
      const startedSchool = schoolYearAgeOn(child.dateOfBirth, asOf) >= 4;
      const issued = startedSchool ? firstSeptemberAtAge(child.dateOfBirth, 4) : (child.episodes[0]?.start ?? asOf);
      child.upn = issuer.issue(child.home.upnLaNumber, school.id.slice(3), yearOf(issued));
    }
  }
}
