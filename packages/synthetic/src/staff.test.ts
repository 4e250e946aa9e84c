import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { STAFF_ROLES } from '@wales-lac/db';
import { describe, expect, it } from 'vitest';
import { generateWales } from './generate.ts';
import { breaches, groupBy } from './rule-checks.ts';
import { isCompulsorySchoolAge } from './school-age.ts';
import { socialWorkerCount, socialWorkerSubjects } from './staff.ts';
import type { GenerateWalesOptions, StaffAllocationRow } from './types.ts';

const isCurrent = (a: StaffAllocationRow) => a.endedOn == null;
const SW = /^sw-([A-Z]{3})-(\d{3})$/;

describe('socialWorkerSubjects', () => {
  it('numbers workers with three digits from 001', () => {
    expect(socialWorkerSubjects('CRF', 3)).toEqual(['sw-CRF-001', 'sw-CRF-002', 'sw-CRF-003']);
    expect(socialWorkerSubjects('CRF', 0)).toEqual([]);
  });

  it('gives about one worker per 15 children, at least one', () => {
    expect(socialWorkerCount(3)).toBe(1);
    expect(socialWorkerCount(1040)).toBe(69);
  });
});

const cases: GenerateWalesOptions[] = [{ asOf: '2025-03-31' }, { seed: 99, scale: 0.3, asOf: '2024-09-01' }, { seed: 5, scale: 0.01, asOf: '2025-07-20' }];

describe.each(cases)('staff allocations for %j', (options) => {
  const data = generateWales(options);
  const asOf = options.asOf;
  const facts = new Map(AUTHORITY_FACTS.map((a) => [a.code, a]));

  it('gives every child one current social worker and one current education lead from their home authority', () => {
    const { check, list } = breaches();
    for (const [code, d] of data.authorities) {
      const org = facts.get(code)?.orgCode ?? '?';
      const byLearner = groupBy(d.staffAllocations, (a) => a.learnerId);
      const vshNames = new Set<string>();
      for (const learner of d.learners) {
        const own = byLearner.get(learner.id) ?? [];
        const workers = own.filter((a) => a.staffRole === 'social-worker');
        const current = workers.filter(isCurrent);
        check(current.length === 1, `${learner.id} has ${current.length} current social workers`);
        for (const w of workers) check(SW.exec(w.staffSubject)?.[1] === org, `${w.id} worker ${w.staffSubject} not from ${org}`);
        for (const w of workers.filter((a) => !isCurrent(a))) {
          check(w.staffSubject !== current[0]?.staffSubject, `${w.id} earlier worker is the current one`);
          check((w.endedOn ?? '') < (current[0]?.startedOn ?? ''), `${w.id} ends after the current worker starts`);
        }
        check(workers.length <= 2, `${learner.id} has ${workers.length} social workers`);
        const leads = own.filter((a) => a.staffRole === 'education-lead');
        check(leads.length === 1 && isCurrent(leads[0] as StaffAllocationRow), `${learner.id} education leads`);
        check(leads[0]?.staffSubject === `vsh-${org}`, `${learner.id} education lead ${leads[0]?.staffSubject}`);
        if (leads[0]) vshNames.add(leads[0].staffName);
      }
      check(vshNames.size === 1, `${code} has ${vshNames.size} virtual school heads`);
    }
    expect(list).toEqual([]);
  });

  it('gives every enrolled child the designated teacher of their current school', () => {
    const { check, list } = breaches();
    const teacherNames = new Map<string, string>();
    for (const d of data.authorities.values()) {
      const byLearner = groupBy(d.staffAllocations, (a) => a.learnerId);
      const currentSchool = new Map(d.enrolments.filter((e) => e.endedOn == null).map((e) => [e.learnerId, e]));
      for (const learner of d.learners) {
        const teachers = (byLearner.get(learner.id) ?? []).filter((a) => a.staffRole === 'designated-teacher');
        const enrolment = currentSchool.get(learner.id);
        if (isCompulsorySchoolAge(learner.dateOfBirth, asOf)) check(enrolment !== undefined, `${learner.id} not enrolled`);
        if (!enrolment) {
          check(teachers.length === 0, `${learner.id} has a designated teacher but no school`);
          continue;
        }
        check(teachers.length === 1 && isCurrent(teachers[0] as StaffAllocationRow), `${learner.id} has ${teachers.length} designated teachers`);
        const teacher = teachers[0];
        check(teacher?.staffSubject === `dt-${enrolment.schoolId}`, `${learner.id} teacher ${teacher?.staffSubject} at ${enrolment.schoolId}`);
        check(teacher?.startedOn === enrolment.startedOn, `${learner.id} teacher starts ${teacher?.startedOn}`);
        check(teacher?.workEmail === `dt.${enrolment.schoolId}@school.wales.example`, `${teacher?.id} email ${teacher?.workEmail}`);
        if (teacher) {
          const seen = teacherNames.get(teacher.staffSubject) ?? teacher.staffName;
          check(seen === teacher.staffName, `${teacher.staffSubject} has two names`);
          teacherNames.set(teacher.staffSubject, teacher.staffName);
        }
      }
    }
    expect(list).toEqual([]);
  });

  it('keeps allocations within the care period and on or before asOf', () => {
    const { check, list } = breaches();
    for (const d of data.authorities.values()) {
      const born = new Map(d.learners.map((l) => [l.id, l.dateOfBirth]));
      const firstCare = new Map<string, string>();
      for (const e of d.careEpisodes) {
        const seen = firstCare.get(e.learnerId);
        if (seen === undefined || e.startedOn < seen) firstCare.set(e.learnerId, e.startedOn);
      }
      for (const a of d.staffAllocations) {
        check((STAFF_ROLES as readonly string[]).includes(a.staffRole), `${a.id} role ${a.staffRole}`);
        check(a.startedOn >= (born.get(a.learnerId) ?? '9999'), `${a.id} starts before birth`);
        check(a.startedOn <= asOf, `${a.id} starts after asOf`);
        if (a.endedOn != null) check(a.endedOn >= a.startedOn && a.endedOn <= asOf, `${a.id} ends ${a.endedOn}`);
        if (a.staffRole !== 'designated-teacher') {
          check(a.startedOn >= (firstCare.get(a.learnerId) ?? '9999'), `${a.id} starts before care`);
        }
      }
    }
    expect(list).toEqual([]);
  });

  it('uses made-up names and .example addresses, and numbers rows per authority', () => {
    const { check, list } = breaches();
    for (const [code, d] of data.authorities) {
      const domain = `@${facts.get(code)?.orgCode.toLowerCase()}.gov.wales.example`;
      const emailOf = new Map<string, string>();
      const subjectOf = new Map<string, string>();
      d.staffAllocations.forEach((a, i) => {
        check(a.id === `${code}:SA${String(i + 1).padStart(6, '0')}`, `id ${a.id}`);
        check(/^[^\s@]+@[a-z.]+\.example$/.test(a.workEmail), `${a.id} email ${a.workEmail}`);
        check(/^\S+ \S+$/.test(a.staffName), `${a.id} name ${a.staffName}`);
        if (a.staffRole !== 'designated-teacher') {
          check(a.workEmail.endsWith(domain), `${a.id} email ${a.workEmail}`);
          const [given, family] = a.staffName.split(' ');
          check(
            a.workEmail.startsWith(
              `${given
                ?.normalize('NFD')
                .replace(/[^A-Za-z]/g, '')
                .toLowerCase()}.`,
            ),
            `${a.id} email does not match ${a.staffName}`,
          );
          check(family !== undefined, `${a.id} family name`);
          // One person, one address; one address, one person.
          check((emailOf.get(a.staffSubject) ?? a.workEmail) === a.workEmail, `${a.staffSubject} has two addresses`);
          check((subjectOf.get(a.workEmail) ?? a.staffSubject) === a.staffSubject, `${a.workEmail} shared`);
          emailOf.set(a.staffSubject, a.workEmail);
          subjectOf.set(a.workEmail, a.staffSubject);
        }
      });
    }
    expect(list).toEqual([]);
  });
});

describe('social worker caseloads at full scale', () => {
  const data = generateWales({ asOf: '2025-03-31' });

  it('are between 1 and 25 children, about 15 on average, held by the first-numbered workers', () => {
    for (const authority of AUTHORITY_FACTS) {
      const d = data.authorities.get(authority.code);
      const current = (d?.staffAllocations ?? []).filter((a) => a.staffRole === 'social-worker' && isCurrent(a));
      const caseloads = groupBy(current, (a) => a.staffSubject);
      const sizes = [...caseloads.values()].map((rows) => rows.length);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(25);
      const mean = (d?.learners.length ?? 0) / caseloads.size;
      expect(mean).toBeGreaterThanOrEqual(12);
      expect(mean).toBeLessThanOrEqual(18);
      const expected = socialWorkerSubjects(authority.orgCode, socialWorkerCount(d?.learners.length ?? 0));
      expect([...caseloads.keys()].sort()).toEqual(expected);
    }
    const cardiff = data.authorities.get('W06000015');
    const workers = new Set(cardiff?.staffAllocations.filter((a) => a.staffRole === 'social-worker' && isCurrent(a)).map((a) => a.staffSubject));
    expect(workers.size).toBeGreaterThanOrEqual(60);
    expect(workers.size).toBeLessThanOrEqual(80);
  });

  it('has about 30% of children with an earlier, ended social worker', () => {
    let children = 0;
    let changed = 0;
    for (const d of data.authorities.values()) {
      children += d.learners.length;
      changed += new Set(d.staffAllocations.filter((a) => a.staffRole === 'social-worker' && !isCurrent(a)).map((a) => a.learnerId)).size;
    }
    expect(changed / children).toBeGreaterThan(0.25);
    expect(changed / children).toBeLessThan(0.35);
  });

  it('are the same for the same seed, and other staff do not depend on the number of children', () => {
    const again = generateWales({ asOf: '2025-03-31' });
    for (const [code, d] of data.authorities) expect(again.authorities.get(code)?.staffAllocations).toEqual(d.staffAllocations);
    const small = generateWales({ scale: 0.05, asOf: '2025-03-31' });
    const vsh = (set: typeof data) => [...set.authorities.values()].map((d) => d.staffAllocations.find((a) => a.staffRole === 'education-lead')?.staffName);
    expect(vsh(small)).toEqual(vsh(data));
  });
});
