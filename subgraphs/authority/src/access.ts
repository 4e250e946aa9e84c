// The caller's access to one child, from the owning authority's own data at the moment of the request.
import DataLoader from 'dataloader';
import { accessFor, relationshipsBetween, type Access } from '@wales-lac/policy';
import type { Caller } from '@wales-lac/caller';
import type { AuthorityLoaders } from './data/index.ts';
import { currentEnrolment, currentPlacement, isCurrent } from './records.ts';

/**
 * The caller's access to each child, computed once per child per request (batched). `now` answers at once
 * for a child already decided, so the field guard decides every later field of that child without a promise.
 */
export class AccessLoader {
  private readonly loader: DataLoader<string, Access>;
  private readonly settled = new Map<string, Access>();
  /** Moved on by `clear`, so an answer computed before a change is never kept after it. */
  private epoch = 0;

  constructor(one: (learnerId: string) => Promise<Access>) {
    this.loader = new DataLoader(async (ids) => {
      const epoch = this.epoch;
      const answers = await Promise.all(ids.map(one));
      if (epoch === this.epoch) ids.forEach((id, i) => this.settled.set(id, answers[i]!));
      return answers;
    });
  }

  load(learnerId: string): Promise<Access> {
    return this.loader.load(learnerId);
  }

  now(learnerId: string): Access | Promise<Access> {
    return this.settled.get(learnerId) ?? this.loader.load(learnerId);
  }

  /** The child's access if already decided in this request (the audit reads it after the field guard has). */
  known(learnerId: string): Access | undefined {
    return this.settled.get(learnerId);
  }

  /** Forgets a child's access (after a change to what decides it). */
  clear(learnerId: string): void {
    this.epoch += 1;
    this.settled.delete(learnerId);
    this.loader.clear(learnerId);
  }
}

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
  return new AccessLoader(one);
}
