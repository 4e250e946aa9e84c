import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { CARE_STATUSES, GENDERS, LANGUAGES, LEGAL_STATUSES, PEP_STATUSES, PLACEMENT_TYPES, TARGET_PROGRESS } from '@wales-lac/db';
import { describe, expect, it } from 'vitest';
import { generateWales } from './generate.ts';
import { breaches, groupBy } from './rule-checks.ts';
import { isCompulsorySchoolAge, schoolYearAge } from './school-age.ts';
import { OWNER_ROLES } from './target-texts.ts';
import type { AuthorityDataset, GenerateWalesOptions } from './types.ts';

const authorityCodes = new Set(AUTHORITY_FACTS.map((a) => a.code));

const cases: GenerateWalesOptions[] = [{ asOf: '2025-03-31' }, { seed: 99, scale: 0.3, asOf: '2024-09-01' }, { seed: 5, scale: 0.3, asOf: '2025-07-20' }];

describe.each(cases)('generated data for %j', (options) => {
  const data = generateWales(options);
  const asOf = options.asOf;
  const schools = new Map(data.national.schools.map((s) => [s.id, s]));
  const datasets = [...data.authorities.values()];
  const all = <T>(rows: (d: AuthorityDataset) => readonly T[]): T[] => datasets.flatMap(rows);

  it('uses only the values the database accepts', () => {
    const { check, list } = breaches();
    const within = (values: readonly string[], value: string, what: string) => check(values.includes(value), `${what}: ${value}`);
    for (const l of all((d) => d.learners)) {
      within(GENDERS, l.gender, 'gender');
      within(LANGUAGES, l.languagePreference, 'language');
      within(CARE_STATUSES, l.careStatus ?? '', 'care status');
      check(l.upn.length === 13, `upn ${l.upn}`);
    }
    for (const e of all((d) => d.careEpisodes)) within(LEGAL_STATUSES, e.legalStatus, 'legal status');
    for (const p of all((d) => d.placements)) {
      within(PLACEMENT_TYPES, p.placementType, 'placement type');
      check(authorityCodes.has(p.authorityCode), `placement authority ${p.authorityCode}`);
    }
    for (const p of all((d) => d.peps)) {
      within(PEP_STATUSES, p.status, 'pep status');
      check((p.version ?? 0) >= 1 && (p.version ?? 0) <= 5, `pep version ${p.version}`);
    }
    for (const t of all((d) => d.pepTargets)) {
      within(TARGET_PROGRESS, t.progress ?? '', 'progress');
      within(OWNER_ROLES, t.ownerRole, 'owner role');
      check(t.description.length > 0, `empty description ${t.id}`);
    }
    expect(list).toEqual([]);
  });

  it('keeps every date after birth, on or before asOf, and ends on or after starts', () => {
    const { check, list } = breaches();
    for (const d of datasets) {
      const born = new Map(d.learners.map((l) => [l.id, l.dateOfBirth]));
      const span = (what: string, learnerId: string, start: string, end: string | null | undefined) => {
        const dob = born.get(learnerId);
        check(dob !== undefined && start >= dob, `${what} starts before birth`);
        check(start <= asOf, `${what} starts after asOf`);
        if (end != null) check(end >= start && end <= asOf, `${what} ends ${end}, started ${start}`);
      };
      for (const l of d.learners) check(l.dateOfBirth <= asOf, `${l.id} born after asOf`);
      for (const e of d.careEpisodes) span(e.id, e.learnerId, e.startedOn, e.endedOn);
      for (const p of d.placements) span(p.id, p.learnerId, p.startedOn, p.endedOn);
      for (const e of d.enrolments) span(e.id, e.learnerId, e.startedOn, e.endedOn);
      for (const p of d.peps) {
        span(p.id ?? '', p.learnerId, p.initiatedOn, p.completedOn);
        if (p.lastReviewedOn != null) {
          check(p.completedOn != null && p.lastReviewedOn >= p.completedOn && p.lastReviewedOn <= asOf, `${p.id} review date`);
        }
        if (p.nextReviewDue != null) check(p.nextReviewDue > (p.lastReviewedOn ?? p.completedOn ?? ''), `${p.id} next review`);
      }
      const pepStart = new Map(d.peps.map((p) => [p.id, p.initiatedOn]));
      for (const t of d.pepTargets) check(t.dueOn >= (pepStart.get(t.pepId) ?? '9999'), `${t.id} due before its PEP`);
    }
    expect(list).toEqual([]);
  });

  it('has one current episode and one current placement per child, placements consecutive within episodes', () => {
    const { check, list } = breaches();
    for (const d of datasets) {
      const episodes = groupBy(d.careEpisodes, (e) => e.learnerId);
      const placements = groupBy(d.placements, (p) => p.learnerId);
      const episodeById = new Map(d.careEpisodes.map((e) => [e.id, e]));
      for (const learner of d.learners) {
        const own = episodes.get(learner.id) ?? [];
        const current = own.filter((e) => e.endedOn == null);
        check(current.length === 1, `${learner.id} has ${current.length} current episodes`);
        for (const e of own) if (e !== current[0]) check((e.endedOn ?? '') < (current[0]?.startedOn ?? ''), `${e.id} overlaps`);
        const ownPlacements = placements.get(learner.id) ?? [];
        const currentPlacements = ownPlacements.filter((p) => p.endedOn == null);
        check(currentPlacements.length === 1, `${learner.id} has ${currentPlacements.length} current placements`);
        check(currentPlacements[0]?.careEpisodeId === current[0]?.id, `${learner.id} current placement in an old episode`);
        for (const [episodeId, inEpisode] of groupBy(ownPlacements, (p) => p.careEpisodeId)) {
          const episode = episodeById.get(episodeId);
          check(episode?.learnerId === learner.id, `${episodeId} belongs to another learner`);
          check(inEpisode[0]?.startedOn === episode?.startedOn, `${episodeId} first placement starts late`);
          check((inEpisode[inEpisode.length - 1]?.endedOn ?? null) === (episode?.endedOn ?? null), `${episodeId} last placement end`);
          for (let i = 1; i < inEpisode.length; i += 1) {
            check(inEpisode[i]?.startedOn === inEpisode[i - 1]?.endedOn, `${episodeId} placements not consecutive`);
          }
          if (episode?.endedOn == null) check(inEpisode.length >= 1 && inEpisode.length <= 4, `${episodeId} has ${inEpisode.length} placements`);
        }
      }
    }
    expect(list).toEqual([]);
  });

  it('enrols every child of compulsory school age at exactly one current school where they now live', () => {
    const { check, list } = breaches();
    for (const d of datasets) {
      const enrolments = groupBy(d.enrolments, (e) => e.learnerId);
      const livesIn = new Map(d.placements.filter((p) => p.endedOn == null).map((p) => [p.learnerId, p.authorityCode]));
      for (const learner of d.learners) {
        const own = enrolments.get(learner.id) ?? [];
        const current = own.filter((e) => e.endedOn == null);
        check(current.length <= 1, `${learner.id} has ${current.length} current schools`);
        if (schoolYearAge(learner.dateOfBirth, asOf) < 4) check(own.length === 0, `${learner.id} at school under 4`);
        if (isCompulsorySchoolAge(learner.dateOfBirth, asOf)) {
          check(current.length === 1, `${learner.id} of school age has no current school`);
          const school = schools.get(current[0]?.schoolId ?? '');
          check(school?.authorityCode === livesIn.get(learner.id), `${learner.id} at school away from where they live`);
        }
        for (const e of own) {
          const school = schools.get(e.schoolId);
          check(school !== undefined && e.schoolAuthorityCode === school.authorityCode, `${e.id} school authority`);
          // The school takes the child's year groups for the whole stay.
          const fits =
            (school?.lowestAge ?? 99) <= schoolYearAge(learner.dateOfBirth, e.startedOn) &&
            schoolYearAge(learner.dateOfBirth, e.endedOn ?? asOf) < (school?.highestAge ?? 0);
          check(fits, `${e.id} at a ${school?.phase} school that does not fit the child's age`);
        }
        for (let i = 1; i < own.length; i += 1) check((own[i]?.startedOn ?? '') >= (own[i - 1]?.endedOn ?? ''), `${learner.id} schools overlap`);
      }
    }
    expect(list).toEqual([]);
  });

  it('gives every child of compulsory school age one current PEP, older versions superseded', () => {
    const { check, list } = breaches();
    for (const d of datasets) {
      const peps = groupBy(d.peps, (p) => p.learnerId);
      for (const learner of d.learners) {
        const own = peps.get(learner.id) ?? [];
        const current = own.filter((p) => p.status !== 'superseded');
        if (isCompulsorySchoolAge(learner.dateOfBirth, asOf)) check(current.length === 1, `${learner.id} of school age without one current PEP`);
        if (own.length > 0) check(current.length === 1 && own[own.length - 1] === current[0], `${learner.id} PEP history`);
        for (const p of own) check((p.status === 'draft') === (p.completedOn == null), `${p.id} ${p.status} completed ${p.completedOn}`);
      }
      const targets = groupBy(d.pepTargets, (t) => t.pepId);
      for (const pep of d.peps) {
        const n = targets.get(pep.id ?? '')?.length ?? 0;
        check(n >= 2 && n <= 5, `${pep.id} has ${n} targets`);
      }
    }
    expect(list).toEqual([]);
  });
});

describe('shares at full scale', () => {
  const asOf = '2025-03-31';
  const sets = [...generateWales({ asOf }).authorities.values()];
  const share = (part: number, whole: number) => part / whole;

  it('match the published shape of care in Wales', () => {
    const current = sets.flatMap((d) => d.placements.filter((p) => p.endedOn == null));
    const fostered = current.filter((p) => p.placementType === 'foster' || p.placementType === 'kinship-foster');
    expect(share(fostered.length, current.length)).toBeCloseTo(0.67, 1);
    expect(share(fostered.filter((p) => p.placementType === 'kinship-foster').length, fostered.length)).toBeCloseTo(0.34, 1);
    const episodes = sets.flatMap((d) => d.careEpisodes.filter((e) => e.endedOn == null));
    expect(share(episodes.filter((e) => e.legalStatus === 'care-order').length, episodes.length)).toBeCloseTo(0.8, 1);
    const males = sets.flatMap((d) => d.learners).filter((l) => l.gender === 'male').length;
    expect(share(males, current.length)).toBeCloseTo(0.55, 1);
  });

  it('has about 9% of children with three or more placements in the last year', () => {
    const yearAgo = '2024-03-31';
    let unstable = 0;
    let children = 0;
    for (const d of sets) {
      children += d.learners.length;
      const recent = groupBy(
        d.placements.filter((p) => p.endedOn == null || p.endedOn >= yearAgo),
        (p) => p.learnerId,
      );
      for (const list of recent.values()) if (list.length >= 3) unstable += 1;
    }
    expect(share(unstable, children)).toBeGreaterThan(0.07);
    expect(share(unstable, children)).toBeLessThan(0.11);
  });

  it('has about 15% of current PEPs overdue for review and 10% of targets accelerated', () => {
    const current = sets.flatMap((d) => d.peps.filter((p) => p.status !== 'superseded'));
    const overdue = current.filter((p) => p.nextReviewDue != null && p.nextReviewDue < asOf);
    expect(share(overdue.length, current.length)).toBeGreaterThan(0.1);
    expect(share(overdue.length, current.length)).toBeLessThan(0.2);
    const targets = sets.flatMap((d) => d.pepTargets);
    expect(share(targets.filter((t) => t.accelerated).length, targets.length)).toBeCloseTo(0.1, 1);
  });
});
