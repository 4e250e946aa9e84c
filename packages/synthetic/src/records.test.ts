import { ATTENDANCE_MARKS, isSchoolDay, parseRecordId, schoolDays } from '@wales-lac/wales';
import { DESTINATIONS, EOTAS_KINDS, EXCLUSION_KINDS, IDP_MAINTAINERS, INTERVENTION_KINDS, SDQ_INFORMANTS } from '@wales-lac/db';
import { describe, expect, it } from 'vitest';
import { ageOn, isoDate, parseIsoDate } from './days.ts';
import { EXCLUDED_MARK } from './exclusions.ts';
import { generateWales } from './generate.ts';
import { breaches, groupBy } from './rule-checks.ts';
import { isCompulsorySchoolAge, schoolYearAge } from './school-age.ts';
import type { AuthorityDataset, EnrolmentRow, GenerateWalesOptions, WalesDataset } from './types.ts';

const share = (part: number, whole: number) => part / whole;
const age = (dateOfBirth: string, on: string) => ageOn(parseIsoDate(dateOfBirth), parseIsoDate(on));
const yearBefore = (asOf: string) => isoDate(parseIsoDate(asOf) - 365);

/** On a school roll on some day of the 365 days ending at asOf (as the anonymised measures count pupils). */
const pupilsInYear = (d: AuthorityDataset, asOf: string) =>
  new Set(d.enrolments.filter((e) => e.startedOn <= asOf && (e.endedOn == null || e.endedOn > yearBefore(asOf))).map((e) => e.learnerId));
const enrolledAt = (enrolments: readonly EnrolmentRow[], schoolId: string, date: string, asOf: string) =>
  enrolments.some((e) => e.schoolId === schoolId && e.startedOn <= date && (e.endedOn ?? asOf) >= date);

const schoolDayCache = new Map<string, boolean>();
const schoolDay = (date: string) => {
  let yes = schoolDayCache.get(date);
  if (yes === undefined) schoolDayCache.set(date, (yes = isSchoolDay(date)));
  return yes;
};

// All of Wales at full scale is generated once and shared by the rules and the rates.
const FULL: GenerateWalesOptions = { asOf: '2025-03-31' };
const full = generateWales(FULL);
const cases: (readonly [GenerateWalesOptions, WalesDataset])[] = [
  [FULL, full],
  [{ seed: 99, scale: 0.3, asOf: '2024-09-01' }, generateWales({ seed: 99, scale: 0.3, asOf: '2024-09-01' })],
  [{ seed: 5, scale: 0.3, asOf: '2025-07-20' }, generateWales({ seed: 5, scale: 0.3, asOf: '2025-07-20' })],
];

describe.each(cases)('the education record beyond the PEP for %j', (options, data) => {
  const asOf = options.asOf;
  const yearAgo = yearBefore(asOf);
  const sets = [...data.authorities.entries()];

  it('satisfies the database CHECK constraints and refers to this authority’s learners', () => {
    const { check, list } = breaches();
    for (const [code, d] of sets) {
      const born = new Map(d.learners.map((l) => [l.id, l.dateOfBirth]));
      const ids: string[] = [];
      const record = (id: string, kind: string, learnerId: string, date: string, what: string) => {
        ids.push(id);
        check(parseRecordId(id)?.authorityCode === code && parseRecordId(id)?.kind === kind, `${id} is not a ${kind} id of ${code}`);
        const dob = born.get(learnerId);
        check(dob !== undefined, `${id} refers to unknown learner ${learnerId}`);
        check(date >= (dob ?? '') && date <= asOf, `${id} ${what} ${date} before birth or after asOf`);
      };
      for (const x of d.exclusions) {
        record(x.id, 'EX', x.learnerId, x.startsOn, 'starts');
        check(EXCLUSION_KINDS.includes(x.kind as never), `${x.id} kind ${x.kind}`);
        const sessions = x.sessions ?? null;
        check(
          (x.kind === 'permanent' && sessions === null) ||
            (x.kind === 'fixed-term' && sessions !== null && Number.isInteger(sessions) && sessions >= 1 && sessions <= 90),
          `${x.id} ${x.kind} with ${sessions} sessions`,
        );
        check(x.reason.length > 0 && x.reason.length <= 100, `${x.id} reason`);
      }
      for (const t of d.reducedTimetables) {
        record(t.id, 'RT', t.learnerId, t.startedOn, 'starts');
        check(Number.isInteger(t.hoursPerWeek) && t.hoursPerWeek >= 0 && t.hoursPerWeek <= 24, `${t.id} ${t.hoursPerWeek} hours`);
        check(t.endedOn == null || (t.endedOn >= t.startedOn && t.endedOn <= asOf), `${t.id} ends ${t.endedOn}`);
        check(t.reason.length > 0 && t.reason.length <= 200, `${t.id} reason`);
      }
      for (const e of d.educationOtherThanAtSchool) {
        record(e.id, 'EO', e.learnerId, e.startedOn, 'starts');
        check(EOTAS_KINDS.includes(e.kind as never), `${e.id} kind ${e.kind}`);
        check(Number.isInteger(e.halfHoursPerWeek) && e.halfHoursPerWeek >= 1 && e.halfHoursPerWeek <= 80, `${e.id} ${e.halfHoursPerWeek} half hours`);
        check(e.endedOn == null || (e.endedOn >= e.startedOn && e.endedOn <= asOf), `${e.id} ends ${e.endedOn}`);
        check(e.provider.length > 0 && e.provider.length <= 200, `${e.id} provider`);
        check(isCompulsorySchoolAge(born.get(e.learnerId) ?? '', asOf), `${e.id} of a child not of compulsory school age`);
      }
      for (const q of d.sdqAssessments) {
        record(q.id, 'SQ', q.learnerId, q.completedOn, 'completed');
        check(SDQ_INFORMANTS.includes(q.informant as never), `${q.id} informant ${q.informant}`);
        for (const scale of [q.emotional, q.conduct, q.hyperactivity, q.peer, q.prosocial]) {
          check(Number.isInteger(scale) && scale >= 0 && scale <= 10, `${q.id} scale ${scale}`);
        }
      }
      for (const i of d.interventions) {
        record(i.id, 'IV', i.learnerId, i.startedOn, 'starts');
        check(INTERVENTION_KINDS.includes(i.kind as never), `${i.id} kind ${i.kind}`);
        check(i.endedOn == null || (i.endedOn >= i.startedOn && i.endedOn <= asOf), `${i.id} ends ${i.endedOn}`);
        check(i.description.length > 0 && i.description.length <= 500, `${i.id} description`);
      }
      for (const n of d.additionalLearningNeeds) {
        record(n.id, 'AN', n.learnerId, n.identifiedOn, 'identified');
        const idp = n.idpMaintainedBy ?? null;
        check(idp === null || IDP_MAINTAINERS.includes(idp as never), `${n.id} maintained by ${idp}`);
        check((n.idpAgreedOn == null) === (idp === null) && (n.idpReviewDue == null) === (idp === null), `${n.id} IDP fields not null together`);
        if (n.idpAgreedOn != null && n.idpReviewDue != null) {
          check(n.idpAgreedOn > n.identifiedOn && n.idpAgreedOn <= asOf, `${n.id} agreed ${n.idpAgreedOn}, identified ${n.identifiedOn}`);
          const gap = parseIsoDate(n.idpReviewDue) - parseIsoDate(n.idpAgreedOn);
          check(gap > 0 && gap <= 365, `${n.id} review due ${gap} days after agreement`);
        }
        check(n.summary.length > 0, `${n.id} summary`);
      }
      for (const x of d.destinations) {
        record(x.id, 'DS', x.learnerId, x.recordedOn, 'recorded');
        check(DESTINATIONS.includes(x.destination as never), `${x.id} destination ${x.destination}`);
      }
      check(d.notifications.length === 0, `${code} has notifications`);
      check(new Set(ids).size === ids.length, `${code} repeats an id`);
    }
    expect(list).toEqual([]);
  });

  it('starts exclusions on school days of the last year, at a school the child was on the roll of then', () => {
    const { check, list } = breaches();
    for (const [, d] of sets) {
      const enrolments = groupBy(d.enrolments, (e) => e.learnerId);
      const born = new Map(d.learners.map((l) => [l.id, l.dateOfBirth]));
      for (const x of d.exclusions) {
        check(schoolDay(x.startsOn), `${x.id} starts on ${x.startsOn}, not a school day`);
        check(x.startsOn > yearAgo && x.startsOn <= asOf, `${x.id} starts ${x.startsOn}, outside the year`);
        check(enrolledAt(enrolments.get(x.learnerId) ?? [], x.schoolId, x.startsOn, asOf), `${x.id} at ${x.schoolId} where the child was not enrolled`);
        check(isCompulsorySchoolAge(born.get(x.learnerId) ?? '', x.startsOn), `${x.id} of a child not of compulsory school age`);
      }
      // A child's exclusions never overlap.
      for (const own of groupBy(d.exclusions, (x) => x.learnerId).values()) {
        for (let i = 1; i < own.length; i += 1) {
          const before = own[i - 1];
          const gap = parseIsoDate(own[i]?.startsOn ?? '') - parseIsoDate(before?.startsOn ?? '');
          check(gap >= Math.ceil((before?.sessions ?? 10) / 2), `${own[i]?.id} overlaps ${before?.id}`);
        }
      }
    }
    expect(list).toEqual([]);
  });

  it('marks excluded sessions in the register with the exclusion mark, and nothing else with it', () => {
    expect(ATTENDANCE_MARKS[EXCLUDED_MARK]).toBe('authorised-absence');
    const { check, list } = breaches();
    let marked = 0;
    let expected = 0;
    for (const [, d] of sets) {
      const exclusions = groupBy(d.exclusions, (x) => x.learnerId);
      const rows = new Map(d.attendanceDays.map((r) => [`${r.learnerId} ${r.date}`, r]));
      for (const x of d.exclusions) {
        const row = rows.get(`${x.learnerId} ${x.startsOn}`);
        check(row !== undefined && row.schoolId === x.schoolId, `${x.id} has no register row at its school on ${x.startsOn}`);
        const sessions = x.sessions ?? 10;
        check(row?.pm === EXCLUDED_MARK && (sessions % 2 === 1 || row.am === EXCLUDED_MARK), `${x.id} (${sessions}) first day marked ${row?.am}${row?.pm}`);
        expected += sessions;
      }
      for (const r of d.attendanceDays) {
        const n = Number(r.am === EXCLUDED_MARK) + Number(r.pm === EXCLUDED_MARK);
        if (n === 0) continue;
        marked += n;
        // Within the school days an exclusion covers (a permanent one shows for five).
        const covering = (exclusions.get(r.learnerId) ?? []).some(
          (x) => x.schoolId === r.schoolId && x.startsOn <= r.date && schoolDays(x.startsOn, r.date).length <= Math.ceil((x.sessions ?? 10) / 2),
        );
        check(covering, `${r.learnerId} marked ${r.am}${r.pm} on ${r.date} without an exclusion`);
      }
    }
    expect(list).toEqual([]);
    // Sessions after asOf are not in the register yet, and some fall after a move of school.
    expect(marked).toBeLessThanOrEqual(expected);
    expect(marked).toBeGreaterThan(0.9 * expected);
  });

  it('keeps reduced timetables and interventions within the child’s time at school and in care', () => {
    const { check, list } = breaches();
    for (const [, d] of sets) {
      const enrolments = groupBy(d.enrolments, (e) => e.learnerId);
      for (const t of d.reducedTimetables) {
        const own = enrolments.get(t.learnerId) ?? [];
        const stay = own.find((e) => e.schoolId === t.schoolId && e.startedOn <= t.startedOn && (e.endedOn ?? asOf) >= t.startedOn);
        check(stay !== undefined, `${t.id} at ${t.schoolId} where the child was not enrolled`);
        check(schoolDay(t.startedOn), `${t.id} starts on ${t.startedOn}, not a school day`);
        check(t.endedOn != null || stay?.endedOn == null, `${t.id} still running after the child left the school`);
        check(t.endedOn == null || t.endedOn <= (stay?.endedOn ?? asOf), `${t.id} ends after the stay`);
        check(t.endedOn == null || t.endedOn > yearAgo, `${t.id} ended before the year`);
      }
      const episodes = groupBy(d.careEpisodes, (e) => e.learnerId);
      for (const i of d.interventions) {
        const current = (episodes.get(i.learnerId) ?? []).find((e) => e.endedOn == null);
        check(current !== undefined && i.startedOn >= current.startedOn, `${i.id} started before the child came into care`);
      }
    }
    expect(list).toEqual([]);
  });

  it('records SDQs for children of 4 to 16, self-reports only from 11', () => {
    const { check, list } = breaches();
    for (const [, d] of sets) {
      const born = new Map(d.learners.map((l) => [l.id, l.dateOfBirth]));
      for (const q of d.sdqAssessments) {
        const dob = born.get(q.learnerId) ?? '';
        check(age(dob, q.completedOn) >= 4 && age(dob, asOf) <= 16, `${q.id} of a child outside 4 to 16`);
        if (q.informant === 'self') check(age(dob, q.completedOn) >= 11, `${q.id} self-report at ${age(dob, q.completedOn)}`);
      }
    }
    expect(list).toEqual([]);
  });

  it('gives destinations only to young people past Year 11, one or two each, sixth form only on a roll', () => {
    const { check, list } = breaches();
    for (const [, d] of sets) {
      const born = new Map(d.learners.map((l) => [l.id, l.dateOfBirth]));
      const onRoll = new Set(d.enrolments.filter((e) => e.endedOn == null).map((e) => e.learnerId));
      for (const [learnerId, own] of groupBy(d.destinations, (x) => x.learnerId)) {
        check(schoolYearAge(born.get(learnerId) ?? '', asOf) >= 16, `${learnerId} has a destination before leaving Year 11`);
        check(own.length >= 1 && own.length <= 2, `${learnerId} has ${own.length} destinations`);
        const latest = own[own.length - 1];
        check(
          (latest?.destination === 'school-sixth-form') === onRoll.has(learnerId),
          `${learnerId} latest ${latest?.destination}, on roll ${onRoll.has(learnerId)}`,
        );
        if (own.length === 2) check((own[0]?.recordedOn ?? '') < (own[1]?.recordedOn ?? ''), `${learnerId} destinations out of order`);
      }
    }
    expect(list).toEqual([]);
  });
});

describe('rates at full scale', () => {
  const asOf = FULL.asOf;
  const sets = [...full.authorities.entries()];
  const yearAgo = yearBefore(asOf);

  it('has about 12 fixed-term exclusions per 100 pupils of compulsory school age, concentrated, and a handful of permanent ones', () => {
    let pupils = 0;
    const fixed = sets.flatMap(([, d]) => d.exclusions.filter((x) => x.kind === 'fixed-term'));
    for (const [, d] of sets) pupils += new Set(d.attendanceDays.map((r) => r.learnerId)).size;
    const per100 = (100 * fixed.length) / pupils;
    expect(per100).toBeGreaterThanOrEqual(10);
    expect(per100).toBeLessThanOrEqual(15);
    const perChild = [...groupBy(fixed, (x) => x.learnerId).values()].map((own) => own.length);
    expect(share(perChild.filter((n) => n >= 2).length, perChild.length)).toBeGreaterThan(0.3);
    expect(share(perChild.length, pupils)).toBeLessThan(0.1);
    const sessions = fixed.map((x) => x.sessions ?? 0);
    expect(Math.min(...sessions)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sessions)).toBeLessThanOrEqual(10);
    expect(share(sessions.filter((s) => s >= 2 && s <= 6).length, sessions.length)).toBeGreaterThan(0.6);
    const permanent = sets.flatMap(([, d]) => d.exclusions.filter((x) => x.kind === 'permanent'));
    expect(permanent.length).toBeGreaterThanOrEqual(1);
    expect(permanent.length).toBeLessThanOrEqual(15);
  });

  it('has 5-8% of pupils on a reduced timetable in the year, some still on one', () => {
    let pupils = 0;
    let onOne = 0;
    for (const [, d] of sets) {
      const inYear = pupilsInYear(d, asOf);
      pupils += inYear.size;
      onOne += new Set(d.reducedTimetables.map((t) => t.learnerId).filter((id) => inYear.has(id))).size;
    }
    expect(share(onOne, pupils)).toBeGreaterThanOrEqual(0.05);
    expect(share(onOne, pupils)).toBeLessThanOrEqual(0.08);
    const all = sets.flatMap(([, d]) => d.reducedTimetables);
    expect(all.every((t) => t.hoursPerWeek >= 10 && t.hoursPerWeek <= 20)).toBe(true);
    const current = share(all.filter((t) => t.endedOn == null).length, all.length);
    expect(current).toBeGreaterThan(0.15);
    expect(current).toBeLessThan(0.7);
  });

  it('has 2-3% of children of compulsory school age with education other than at school, current or past, of every kind', () => {
    let children = 0;
    let educated = 0;
    for (const [, d] of sets) {
      const ids = new Set(d.educationOtherThanAtSchool.map((e) => e.learnerId));
      for (const l of d.learners.filter((l) => isCompulsorySchoolAge(l.dateOfBirth, asOf))) {
        children += 1;
        if (ids.has(l.id)) educated += 1;
      }
    }
    expect(share(educated, children)).toBeGreaterThanOrEqual(0.02);
    expect(share(educated, children)).toBeLessThanOrEqual(0.03);
    const all = sets.flatMap(([, d]) => d.educationOtherThanAtSchool);
    expect(new Set(all.map((e) => e.kind)).size).toBe(EOTAS_KINDS.length);
    const current = share(all.filter((e) => e.endedOn == null).length, all.length);
    expect(current).toBeGreaterThan(0.1);
    expect(current).toBeLessThan(0.7);
  });

  it('has an SDQ in the last year for 70-80% of children of 4 to 16, scored as for children looked after', () => {
    let eligible = 0;
    let assessed = 0;
    let twice = 0;
    const totals: number[] = [];
    for (const [, d] of sets) {
      const sdqs = groupBy(
        d.sdqAssessments.filter((q) => q.completedOn > yearAgo),
        (q) => q.learnerId,
      );
      for (const learner of d.learners) {
        const years = age(learner.dateOfBirth, asOf);
        if (years < 4 || years > 16) continue;
        eligible += 1;
        const own = sdqs.get(learner.id) ?? [];
        if (own.length > 0) assessed += 1;
        if (own.length > 1) twice += 1;
        // The latest carer questionnaire, as the anonymised "cause for concern" measure takes it.
        const carer = own
          .filter((q) => q.informant === 'carer')
          .sort((a, b) => a.completedOn.localeCompare(b.completedOn))
          .at(-1);
        if (carer) totals.push(carer.emotional + carer.conduct + carer.hyperactivity + carer.peer);
      }
    }
    expect(share(assessed, eligible)).toBeGreaterThanOrEqual(0.7);
    expect(share(assessed, eligible)).toBeLessThanOrEqual(0.8);
    expect(share(twice, assessed)).toBeGreaterThan(0.05);
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const sd = Math.sqrt(totals.reduce((a, b) => a + (b - mean) ** 2, 0) / totals.length);
    expect(mean).toBeGreaterThan(13);
    expect(mean).toBeLessThan(15.5);
    expect(sd).toBeGreaterThan(6);
    expect(sd).toBeLessThan(8);
    const concern = share(totals.filter((t) => t >= 17).length, totals.length);
    expect(concern).toBeGreaterThanOrEqual(0.35);
    expect(concern).toBeLessThanOrEqual(0.45);
    const all = sets.flatMap(([, d]) => d.sdqAssessments);
    expect(share(all.filter((q) => q.informant === 'carer').length, all.length)).toBeGreaterThan(0.7);
    expect(share(all.filter((q) => q.prosocial >= 5).length, all.length)).toBeGreaterThan(0.85);
  });

  it('has interventions for about half of pupils, tutoring and mentoring mostly grant-funded', () => {
    let pupils = 0;
    let supported = 0;
    for (const [, d] of sets) {
      const inYear = pupilsInYear(d, asOf);
      pupils += inYear.size;
      supported += new Set(d.interventions.map((i) => i.learnerId).filter((id) => inYear.has(id))).size;
    }
    expect(share(supported, pupils)).toBeGreaterThanOrEqual(0.4);
    expect(share(supported, pupils)).toBeLessThanOrEqual(0.6);
    const all = sets.flatMap(([, d]) => d.interventions);
    const tutoring = all.filter((i) => i.kind === 'tutoring' || i.kind === 'mentoring');
    expect(share(tutoring.filter((i) => i.grantFunded).length, tutoring.length)).toBeGreaterThan(0.7);
    expect(all.some((i) => i.kind === 'camhs-referral' && i.grantFunded)).toBe(false);
    expect(new Set(all.map((i) => i.kind)).size).toBe(INTERVENTION_KINDS.length);
  });

  it('has additional learning needs for about 45% of pupils, three quarters with an IDP mostly kept by the authority', () => {
    let pupils = 0;
    let withNeeds = 0;
    for (const [, d] of sets) {
      const enrolled = new Set(d.enrolments.map((e) => e.learnerId));
      pupils += enrolled.size;
      withNeeds += new Set(d.additionalLearningNeeds.map((n) => n.learnerId).filter((id) => enrolled.has(id))).size;
    }
    expect(share(withNeeds, pupils)).toBeGreaterThanOrEqual(0.4);
    expect(share(withNeeds, pupils)).toBeLessThanOrEqual(0.5);
    const needs = sets.flatMap(([, d]) => d.additionalLearningNeeds);
    const idps = needs.filter((n) => n.idpMaintainedBy != null);
    expect(share(idps.length, needs.length)).toBeGreaterThanOrEqual(0.7);
    expect(share(idps.length, needs.length)).toBeLessThanOrEqual(0.8);
    expect(share(idps.filter((n) => n.idpMaintainedBy === 'authority').length, idps.length)).toBeGreaterThan(0.75);
  });

  it('has 30-40% of young people past Year 11 NEET at their latest destination', () => {
    const latest = sets.flatMap(([, d]) => [...groupBy(d.destinations, (x) => x.learnerId).values()].map((own) => own[own.length - 1]?.destination));
    const neet = share(latest.filter((x) => x === 'neet').length, latest.length);
    expect(neet).toBeGreaterThanOrEqual(0.3);
    expect(neet).toBeLessThanOrEqual(0.4);
    expect(new Set(latest).size).toBeGreaterThanOrEqual(6);
    const young = sets.flatMap(([, d]) => d.learners.filter((l) => schoolYearAge(l.dateOfBirth, asOf) >= 16));
    expect(latest.length).toBe(young.length);
  });
});

describe('determinism', () => {
  const asOf = FULL.asOf;
  it('gives the same record for the same options and a different one for another seed', () => {
    const tables = [
      'exclusions',
      'reducedTimetables',
      'educationOtherThanAtSchool',
      'sdqAssessments',
      'interventions',
      'additionalLearningNeeds',
      'destinations',
      'pepSections',
      'pepSignOffs',
      'pepQualityRatings',
    ] as const;
    const a = generateWales({ seed: 11, scale: 0.1, asOf });
    const b = generateWales({ seed: 11, scale: 0.1, asOf });
    const c = generateWales({ seed: 12, scale: 0.1, asOf });
    for (const [code, d] of a.authorities) {
      for (const table of tables) expect(b.authorities.get(code)?.[table]).toEqual(d[table]);
    }
    const cardiff = (w: typeof a) => tables.map((table) => w.authorities.get('W06000015')?.[table]);
    expect(cardiff(c)).not.toEqual(cardiff(a));
  });
});
