import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { PEP_SECTIONS, QUALITY_RATINGS, SIGN_OFF_ROLES } from '@wales-lac/db';
import { describe, expect, it } from 'vitest';
import { generateWales } from './generate.ts';
import { breaches, groupBy } from './rule-checks.ts';
import type { GenerateWalesOptions, PepRow } from './types.ts';

// All of Wales at full scale, and two smaller runs on other dates; each generated once.
const cases: GenerateWalesOptions[] = [{ asOf: '2025-03-31' }, { seed: 99, scale: 0.3, asOf: '2024-09-01' }, { seed: 5, scale: 0.3, asOf: '2025-07-20' }];
const orgCode = new Map(AUTHORITY_FACTS.map((a) => [a.code, a.orgCode]));
const share = (part: number, whole: number) => part / whole;
const PROFESSIONAL = PEP_SECTIONS.filter((s) => s !== 'all-about-me');

describe.each(cases)('the PEP record for %j', (options) => {
  const asOf = options.asOf;
  const data = generateWales(options);
  const sets = [...data.authorities.entries()];

  describe('PEP sections', () => {
    it('are one per plan and kind, within the database limits', () => {
      const { check, list } = breaches();
      for (const [, d] of sets) {
        const peps = new Set(d.peps.map((p) => p.id));
        const seen = new Set<string>();
        for (const s of d.pepSections) {
          const key = `${s.pepId} ${s.section}`;
          check(!seen.has(key), `${key} twice`);
          seen.add(key);
          check(peps.has(s.pepId), `${key} of an unknown PEP`);
          check(PEP_SECTIONS.includes(s.section as never), `${key} kind`);
          check(s.language === 'cy' || s.language === 'en', `${key} language ${s.language}`);
          check(s.body.length >= 1 && s.body.length <= 10_000, `${key} body of ${s.body.length}`);
        }
      }
      expect(list).toEqual([]);
    });

    it('cover every professional section of every plan past draft, and only some of a draft', () => {
      const { check, list } = breaches();
      let draftSections = 0;
      let drafts = 0;
      for (const [, d] of sets) {
        const sections = groupBy(d.pepSections, (s) => s.pepId);
        for (const pep of d.peps) {
          const kinds = new Set((sections.get(pep.id) ?? []).map((s) => s.section));
          if (pep.status === 'draft') {
            drafts += 1;
            draftSections += PROFESSIONAL.filter((k) => kinds.has(k)).length;
          } else {
            for (const kind of PROFESSIONAL) check(kinds.has(kind), `${pep.id} (${pep.status}) has no ${kind}`);
          }
        }
      }
      expect(list).toEqual([]);
      expect(draftSections / drafts).toBeGreaterThan(0.5);
      expect(draftSections / drafts).toBeLessThan(PROFESSIONAL.length * 0.6);
    });

    it('carry the child’s voice on about 75% of current plans and most superseded ones', () => {
      const voiced = (status: (p: PepRow) => boolean) => {
        let plans = 0;
        let withVoice = 0;
        for (const [, d] of sets) {
          const voice = new Set(d.pepSections.filter((s) => s.section === 'all-about-me').map((s) => s.pepId));
          for (const pep of d.peps.filter(status)) {
            plans += 1;
            if (voice.has(pep.id)) withVoice += 1;
          }
        }
        return share(withVoice, plans);
      };
      const current = voiced((p) => p.status === 'agreed' || p.status === 'in-review');
      expect(current).toBeGreaterThanOrEqual(0.7);
      expect(current).toBeLessThanOrEqual(0.8);
      expect(voiced((p) => p.status === 'superseded')).toBeGreaterThan(0.75);
    });

    it('are written by the learner or their allocated professionals, in the child’s language', () => {
      const { check, list } = breaches();
      let welshChildVoices = 0;
      let inWelsh = 0;
      let own = 0;
      let voices = 0;
      for (const [code, d] of sets) {
        const pepOf = new Map(d.peps.map((p) => [p.id, p]));
        const language = new Map(d.learners.map((l) => [l.id, l.languagePreference]));
        const workers = groupBy(
          d.staffAllocations.filter((a) => a.staffRole === 'social-worker'),
          (a) => a.learnerId,
        );
        const schools = groupBy(d.enrolments, (e) => e.learnerId);
        for (const s of d.pepSections) {
          const learnerId = pepOf.get(s.pepId)?.learnerId ?? '';
          const key = `${s.pepId} ${s.section}`;
          const isWorker = (workers.get(learnerId) ?? []).some((a) => a.staffSubject === s.writtenBySubject);
          if (s.section === 'all-about-me') {
            voices += 1;
            if (s.writtenByRole === 'learner') {
              own += 1;
              check(s.writtenBySubject === learnerId && !s.onBehalf, `${key} by the learner but subject ${s.writtenBySubject}`);
            } else {
              check(s.writtenByRole === 'social-worker' && isWorker && s.onBehalf === true, `${key} on behalf by ${s.writtenByRole} ${s.writtenBySubject}`);
            }
            if (language.get(learnerId) === 'cy') {
              welshChildVoices += 1;
              if (s.language === 'cy') inWelsh += 1;
            }
          } else {
            check(!s.onBehalf, `${key} marked on behalf`);
            const by = s.writtenBySubject;
            const fits =
              (s.writtenByRole === 'virtual-school-head' && by === `vsh-${orgCode.get(code)}`) ||
              (s.writtenByRole === 'social-worker' && isWorker) ||
              (s.writtenByRole === 'designated-teacher' && (schools.get(learnerId) ?? []).some((e) => by === `dt-${e.schoolId}`));
            check(fits, `${key} by ${s.writtenByRole} ${by}`);
          }
          if (language.get(learnerId) !== 'cy') check(s.language === 'en', `${key} in ${s.language} for a child preferring ${language.get(learnerId)}`);
          // Welsh text reads as Welsh and English as English (a rough check on the templates).
          if (s.language === 'cy') check(!/\b(the|and|is)\b/.test(s.body), `${key} Welsh with English words: ${s.body}`);
          else check(!/\b(mae|dw i|gyda)\b/i.test(s.body), `${key} English with Welsh words: ${s.body}`);
        }
      }
      expect(list).toEqual([]);
      expect(share(inWelsh, welshChildVoices)).toBeGreaterThan(0.75);
      expect(share(own, voices)).toBeGreaterThan(0.2);
      expect(share(own, voices)).toBeLessThan(0.6);
    });

    it('vary: few texts repeat', () => {
      const bodies = sets.flatMap(([, d]) => d.pepSections.filter((s) => s.section === 'all-about-me').map((s) => s.body));
      expect(new Set(bodies).size / bodies.length).toBeGreaterThan(0.9);
    });
  });

  describe('PEP sign-offs', () => {
    it('agree each agreed or superseded version by the required roles; plans in review have up to two', () => {
      const { check, list } = breaches();
      for (const [code, d] of sets) {
        const signOffs = groupBy(d.pepSignOffs, (s) => s.pepId);
        const schools = groupBy(d.enrolments, (e) => e.learnerId);
        const workers = groupBy(
          d.staffAllocations.filter((a) => a.staffRole === 'social-worker'),
          (a) => a.learnerId,
        );
        const peps = new Set(d.peps.map((p) => p.id));
        for (const s of d.pepSignOffs) {
          check(peps.has(s.pepId), `sign-off of unknown ${s.pepId}`);
          check(SIGN_OFF_ROLES.includes(s.signerRole as never), `${s.pepId} signer ${s.signerRole}`);
        }
        for (const pep of d.peps) {
          const own = signOffs.get(pep.id) ?? [];
          const roles = own.map((s) => s.signerRole);
          check(new Set(roles).size === roles.length, `${pep.id} signed twice by one role`);
          for (const s of own) {
            check(s.pepVersion === pep.version, `${pep.id} version ${pep.version} signed as ${s.pepVersion}`);
            if (s.signerRole === 'education-lead') check(s.signerSubject === `vsh-${orgCode.get(code)}`, `${pep.id} lead ${s.signerSubject}`);
            if (s.signerRole === 'social-worker')
              check(
                (workers.get(pep.learnerId) ?? []).some((a) => a.staffSubject === s.signerSubject),
                `${pep.id} worker ${s.signerSubject}`,
              );
            if (s.signerRole === 'designated-teacher') {
              const onRoll = (schools.get(pep.learnerId) ?? []).some(
                (e) => `dt-${e.schoolId}` === s.signerSubject && e.startedOn <= s.signedOn && (e.endedOn ?? asOf) >= s.signedOn,
              );
              check(onRoll, `${pep.id} teacher ${s.signerSubject} of a school the child was not at on ${s.signedOn}`);
            }
          }
          if (pep.status === 'agreed' || pep.status === 'superseded') {
            const agreedOn = pep.lastReviewedOn ?? pep.completedOn;
            const onRollThen = (schools.get(pep.learnerId) ?? []).some((e) => e.startedOn <= (agreedOn ?? '') && (e.endedOn ?? asOf) >= (agreedOn ?? ''));
            const required = ['education-lead', 'social-worker', ...(onRollThen ? ['designated-teacher'] : [])];
            check([...roles].sort().join() === required.sort().join(), `${pep.id} (${pep.status}) signed by ${roles.join()}`);
            check(
              own.every((s) => s.signedOn === agreedOn),
              `${pep.id} signed on other days than ${agreedOn}`,
            );
          } else if (pep.status === 'in-review') {
            check(own.length <= 2, `${pep.id} in review with ${own.length} sign-offs`);
            check(
              own.every((s) => s.signedOn >= (pep.completedOn ?? '') && s.signedOn <= asOf),
              `${pep.id} signed out of range`,
            );
          } else {
            check(own.length === 0, `${pep.id} draft with sign-offs`);
          }
        }
      }
      expect(list).toEqual([]);
      const inReview = sets.flatMap(([, d]) => d.peps.filter((p) => p.status === 'in-review').map((p) => d.pepSignOffs.filter((s) => s.pepId === p.id).length));
      expect(new Set(inReview)).toEqual(new Set([0, 1, 2]));
    });
  });

  describe('PEP quality ratings', () => {
    it('rate about 70% of agreed plans, mostly green, by the education lead', () => {
      const { check, list } = breaches();
      let agreed = 0;
      let rated = 0;
      const counts: Record<string, number> = {};
      for (const [code, d] of sets) {
        const pepOf = new Map(d.peps.map((p) => [p.id, p]));
        const ratingOf = new Map(d.pepQualityRatings.map((r) => [r.pepId, r]));
        check(ratingOf.size === d.pepQualityRatings.length, `${code} rates a plan twice`);
        for (const r of d.pepQualityRatings) {
          const pep = pepOf.get(r.pepId);
          check(pep?.status === 'agreed' || pep?.status === 'superseded', `${r.pepId} rated while ${pep?.status}`);
          check(QUALITY_RATINGS.includes(r.rating as never), `${r.pepId} rating ${r.rating}`);
          check(r.ratedBySubject === `vsh-${orgCode.get(code)}`, `${r.pepId} rated by ${r.ratedBySubject}`);
          check(r.ratedOn >= (pep?.lastReviewedOn ?? pep?.completedOn ?? '') && r.ratedOn <= asOf, `${r.pepId} rated on ${r.ratedOn}`);
          check(r.comments.length > 0 && r.comments.length <= 2000, `${r.pepId} comments`);
        }
        for (const pep of d.peps.filter((p) => p.status === 'agreed')) {
          agreed += 1;
          const r = ratingOf.get(pep.id);
          if (!r) continue;
          rated += 1;
          counts[r.rating] = (counts[r.rating] ?? 0) + 1;
        }
      }
      expect(list).toEqual([]);
      expect(share(rated, agreed)).toBeGreaterThanOrEqual(0.65);
      expect(share(rated, agreed)).toBeLessThanOrEqual(0.75);
      expect(share(counts['green'] ?? 0, rated)).toBeGreaterThan(0.5);
      expect(share(counts['green'] ?? 0, rated)).toBeLessThan(0.6);
      expect(share(counts['amber'] ?? 0, rated)).toBeGreaterThan(0.3);
      expect(share(counts['amber'] ?? 0, rated)).toBeLessThan(0.4);
      expect(share(counts['red'] ?? 0, rated)).toBeGreaterThan(0.06);
      expect(share(counts['red'] ?? 0, rated)).toBeLessThan(0.14);
    });

    it('comment on the child’s voice where the plan lacks it', () => {
      const { check, list } = breaches();
      for (const [, d] of sets) {
        const voice = new Set(d.pepSections.filter((s) => s.section === 'all-about-me').map((s) => s.pepId));
        for (const r of d.pepQualityRatings) {
          check(voice.has(r.pepId) === !r.comments.includes('views are missing'), `${r.pepId}: ${r.comments}`);
        }
      }
      expect(list).toEqual([]);
    });
  });
});
