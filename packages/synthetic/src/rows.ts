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
    pepSections: [],
    pepSignOffs: [],
    pepQualityRatings: [],
    exclusions: [],
    reducedTimetables: [],
    educationOtherThanAtSchool: [],
    sdqAssessments: [],
    interventions: [],
    additionalLearningNeeds: [],
    destinations: [],
    notifications: [],
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
      for (const section of pep.sections) {
        data.pepSections.push({
          pepId: id,
          section: section.section,
          body: section.body,
          language: section.language,
          writtenBySubject: section.writtenBySubject,
          writtenByRole: section.writtenByRole,
          onBehalf: section.onBehalf,
        });
      }
      for (const signOff of pep.signOffs) {
        data.pepSignOffs.push({
          pepId: id,
          signerRole: signOff.role,
          signerSubject: signOff.subject,
          pepVersion: signOff.version,
          signedOn: isoDate(signOff.signedOn),
        });
      }
      if (pep.rating) {
        data.pepQualityRatings.push({
          pepId: id,
          rating: pep.rating.rating,
          comments: pep.rating.comments,
          ratedBySubject: pep.rating.ratedBySubject,
          ratedOn: isoDate(pep.rating.ratedOn),
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
    educationRecordRows(authorityCode, child, data);
  }
  return data;
}

/** Exclusions, reduced timetables, education other than at school, SDQs, interventions, additional learning needs and destinations. */
function educationRecordRows(authorityCode: string, child: ChildPlan, data: AuthorityDataset): void {
  const learnerId = child.id;
  for (const x of child.exclusions) {
    data.exclusions.push({
      id: serialId(authorityCode, 'EX', data.exclusions.length + 1),
      learnerId,
      schoolId: x.school.id,
      kind: x.kind,
      startsOn: isoDate(x.start),
      sessions: x.sessions,
      reason: x.reason,
    });
  }
  for (const t of child.reducedTimetables) {
    data.reducedTimetables.push({
      id: serialId(authorityCode, 'RT', data.reducedTimetables.length + 1),
      learnerId,
      schoolId: t.school.id,
      startedOn: isoDate(t.start),
      endedOn: isoOrNull(t.end),
      hoursPerWeek: t.hoursPerWeek,
      reason: t.reason,
    });
  }
  for (const e of child.eotas) {
    data.educationOtherThanAtSchool.push({
      id: serialId(authorityCode, 'EO', data.educationOtherThanAtSchool.length + 1),
      learnerId,
      kind: e.kind,
      provider: e.provider,
      halfHoursPerWeek: e.halfHoursPerWeek,
      startedOn: isoDate(e.start),
      endedOn: isoOrNull(e.end),
    });
  }
  for (const q of child.sdqs) {
    data.sdqAssessments.push({
      id: serialId(authorityCode, 'SQ', data.sdqAssessments.length + 1),
      learnerId,
      completedOn: isoDate(q.completedOn),
      informant: q.informant,
      emotional: q.emotional,
      conduct: q.conduct,
      hyperactivity: q.hyperactivity,
      peer: q.peer,
      prosocial: q.prosocial,
    });
  }
  for (const i of child.interventions) {
    data.interventions.push({
      id: serialId(authorityCode, 'IV', data.interventions.length + 1),
      learnerId,
      kind: i.kind,
      startedOn: isoDate(i.start),
      endedOn: isoOrNull(i.end),
      grantFunded: i.grantFunded,
      description: i.description,
    });
  }
  for (const n of child.learningNeeds) {
    data.additionalLearningNeeds.push({
      id: serialId(authorityCode, 'AN', data.additionalLearningNeeds.length + 1),
      learnerId,
      identifiedOn: isoDate(n.identifiedOn),
      summary: n.summary,
      idpMaintainedBy: n.idp?.maintainedBy ?? null,
      idpAgreedOn: n.idp ? isoDate(n.idp.agreedOn) : null,
      idpReviewDue: n.idp ? isoDate(n.idp.reviewDue) : null,
    });
  }
  for (const d of child.destinations) {
    data.destinations.push({
      id: serialId(authorityCode, 'DS', data.destinations.length + 1),
      learnerId,
      recordedOn: isoDate(d.recordedOn),
      destination: d.destination,
    });
  }
}
