// Turns child plans into the rows of one authority's database, numbering ids in order.
import { pepId } from '@wales-lac/wales';
import { isoDate, type Day } from './days.ts';
import type { ChildPlan } from './plan.ts';
import type { AttendanceDayRow, AuthorityDataset } from './types.ts';

const serialId = (authorityCode: string, kind: string, serial: number) => `${authorityCode}:${kind}${String(serial).padStart(6, '0')}`;

const isoOrNull = (day: Day | null) => (day === null ? null : isoDate(day));

export function authorityDataset(authorityCode: string, children: readonly ChildPlan[], attendanceDays: AttendanceDayRow[] = []): AuthorityDataset {
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

/**
 * One row per record of a child in `rows`, each numbered in turn within the authority (`<code>:<kind>nnnnnn`)
 * and belonging to the child.
 */
type OfChild = { id: string; learnerId: string };

function appendRecords<Row extends OfChild, T>(
  rows: Row[],
  authorityCode: string,
  kind: string,
  learnerId: string,
  records: readonly T[],
  row: (record: T) => Omit<Row, keyof OfChild>,
): void {
  // Row is exactly its own fields plus id and learner; TypeScript cannot see that a spread of Omit<Row> rebuilds it.
  for (const record of records) rows.push({ id: serialId(authorityCode, kind, rows.length + 1), learnerId, ...row(record) } as Row);
}

/** Exclusions, reduced timetables, education other than at school, SDQs, interventions, additional learning needs and destinations. */
function educationRecordRows(authorityCode: string, child: ChildPlan, data: AuthorityDataset): void {
  const add = <Row extends OfChild, T>(rows: Row[], kind: string, records: readonly T[], row: (record: T) => Omit<Row, keyof OfChild>) =>
    appendRecords(rows, authorityCode, kind, child.id, records, row);
  add(data.exclusions, 'EX', child.exclusions, (x) => ({
    schoolId: x.school.id,
    kind: x.kind,
    startsOn: isoDate(x.start),
    sessions: x.sessions,
    reason: x.reason,
  }));
  add(data.reducedTimetables, 'RT', child.reducedTimetables, (t) => ({
    schoolId: t.school.id,
    startedOn: isoDate(t.start),
    endedOn: isoOrNull(t.end),
    hoursPerWeek: t.hoursPerWeek,
    reason: t.reason,
  }));
  add(data.educationOtherThanAtSchool, 'EO', child.eotas, (e) => ({
    kind: e.kind,
    provider: e.provider,
    halfHoursPerWeek: e.halfHoursPerWeek,
    startedOn: isoDate(e.start),
    endedOn: isoOrNull(e.end),
  }));
  add(data.sdqAssessments, 'SQ', child.sdqs, (q) => ({
    completedOn: isoDate(q.completedOn),
    informant: q.informant,
    emotional: q.emotional,
    conduct: q.conduct,
    hyperactivity: q.hyperactivity,
    peer: q.peer,
    prosocial: q.prosocial,
  }));
  add(data.interventions, 'IV', child.interventions, (i) => ({
    kind: i.kind,
    startedOn: isoDate(i.start),
    endedOn: isoOrNull(i.end),
    grantFunded: i.grantFunded,
    description: i.description,
  }));
  add(data.additionalLearningNeeds, 'AN', child.learningNeeds, (n) => ({
    identifiedOn: isoDate(n.identifiedOn),
    summary: n.summary,
    idpMaintainedBy: n.idp?.maintainedBy ?? null,
    idpAgreedOn: n.idp ? isoDate(n.idp.agreedOn) : null,
    idpReviewDue: n.idp ? isoDate(n.idp.reviewDue) : null,
  }));
  add(data.destinations, 'DS', child.destinations, (d) => ({ recordedOn: isoDate(d.recordedOn), destination: d.destination }));
}
