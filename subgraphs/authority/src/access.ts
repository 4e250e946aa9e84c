// The caller's access to one child, from the owning authority's own data at the moment of the request.
import DataLoader from 'dataloader';
import { accessFor, relationshipsBetween, type Access } from '@wales-lac/policy';
import type { Caller } from '@wales-lac/caller';
import type { AuthorityLoaders } from './data/index.ts';
import { currentEnrolment, currentPlacement, isCurrent } from './records.ts';

export type AccessLoader = DataLoader<string, Access>;

export function createAccessLoader(caller: Caller, authorityCode: string, today: string, loaders: AuthorityLoaders): AccessLoader {
  const one = async (learnerId: string): Promise<Access> => {
    const [placements, enrolments, allocations] = await Promise.all([
      loaders.placements.load(learnerId),
      loaders.enrolments.load(learnerId),
      loaders.allocations.load(learnerId),
    ]);
    const enrolment = currentEnrolment(enrolments, today);
    const relationships = relationshipsBetween(caller, {
      learnerId,
      homeAuthority: authorityCode,
      livesIn: currentPlacement(placements, today)?.authorityCode ?? null,
      schoolId: enrolment?.schoolId ?? null,
      schoolAuthority: enrolment?.schoolAuthorityCode ?? null,
      socialWorkers: allocations.filter((a) => a.staffRole === 'social-worker' && isCurrent(a, today)).map((a) => a.staffSubject),
    });
    return accessFor(caller.role, relationships);
  };
  return new DataLoader((ids) => Promise.all(ids.map(one)));
}
