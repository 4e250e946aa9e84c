// Turns child plans into the rows of one authority's database, numbering ids in order.
import { pepId } from '@wales-lac/wales';
import { isoDate, type Day } from './days.ts';
import type { ChildPlan } from './plan.ts';
import type { AttendanceDayRow, AuthorityDataset } from './types.ts';

const serialId = (authorityCode: string, kind: string, serial: number) =>
  `${authorityCode}:${kind}${String(serial).padStart(6, '0')}`;

const isoOrNull = (day: Day | null) => (day === null ? null : isoDate(day));

export function authorityDataset(
  authorityCode: string,
  children: readonly ChildPlan[],
  attendanceDays: AttendanceDayRow[] = [],
): AuthorityDataset {
  const data: AuthorityDataset = {
    learners: [],
    careEpisodes: [],
    placements: [],
    enrolments: [],
    peps: [],
    pepTargets: [],
    staffAllocations: [],
    attendanceDays,
  };
  for (const child of children) {
    data.learners.push({
      id: child.id,
      upn: child.upn,
      legalGivenName: child.givenName,
      legalFamilyName: child.familyName,
      preferredName: child.preferredName,
      dateOfBirth: isoDate(child.dateOfBirth),
      gender: child.gender,
      languagePreference: child.language,
      careStatus: 'looked-after',
    });
    const episodeIds = child.episodes.map((episode) => {
      const id = serialId(authorityCode, 'E', data.careEpisodes.length + 1);
      data.careEpisodes.push({
        id,
        learnerId: child.id,
        legalStatus: episode.legalStatus,
        startedOn: isoDate(episode.start),
        endedOn: isoOrNull(episode.end),
      });
      return id;
    });
    for (const placement of child.placements) {
      const careEpisodeId = episodeIds[placement.episode];
      if (!careEpisodeId) throw new Error(`${child.id} has a placement outside its episodes`);
      data.placements.push({
        id: serialId(authorityCode, 'PL', data.placements.length + 1),
        learnerId: child.id,
        careEpisodeId,
        placementType: placement.type,
        authorityCode: placement.authorityCode,
        startedOn: isoDate(placement.start),
        endedOn: isoOrNull(placement.end),
      });
    }
    for (const enrolment of child.enrolments) {
      data.enrolments.push({
        id: serialId(authorityCode, 'EN', data.enrolments.length + 1),
        learnerId: child.id,
        schoolId: enrolment.school.id,
        schoolAuthorityCode: enrolment.school.authorityCode,
        startedOn: isoDate(enrolment.start),
        endedOn: isoOrNull(enrolment.end),
      });
    }
    for (const pep of child.peps) {
      const id = pepId(authorityCode, data.peps.length + 1);
      data.peps.push({
        id,
        learnerId: child.id,
        status: pep.status,
        version: pep.version,
        initiatedOn: isoDate(pep.initiatedOn),
        completedOn: isoOrNull(pep.completedOn),
        lastReviewedOn: isoOrNull(pep.lastReviewedOn),
        nextReviewDue: isoOrNull(pep.nextReviewDue),
      });
      for (const target of pep.targets) {
        data.pepTargets.push({
          id: serialId(authorityCode, 'T', data.pepTargets.length + 1),
          pepId: id,
          description: target.description,
          ownerRole: target.ownerRole,
          dueOn: isoDate(target.dueOn),
          progress: target.progress,
          accelerated: target.accelerated,
        });
      }
    }
    for (const allocation of child.staff) {
      data.staffAllocations.push({
        id: serialId(authorityCode, 'SA', data.staffAllocations.length + 1),
        learnerId: child.id,
        staffRole: allocation.member.role,
        staffSubject: allocation.member.subject,
        staffName: allocation.member.name,
        workEmail: allocation.member.email,
        startedOn: isoDate(allocation.start),
        endedOn: isoOrNull(allocation.end),
      });
    }
  }
  return data;
}
