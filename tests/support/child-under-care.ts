// A child with every kind of record the entitlement tests look at, and the people around them,
// read straight from the owning authority's database.
import type { Platform } from '@wales-lac/platform';
import { authorityDb } from './fixtures.ts';

export interface ChildUnderCare {
  readonly learnerId: string;
  readonly home: string;
  readonly host: string;
  readonly schoolId: string;
  readonly socialWorker: string;
  readonly pepId: string;
  readonly pepVersion: number;
  readonly targetId: string;
}

const CURRENT = (alias: string) => `${alias}.started_on <= current_date and (${alias}.ended_on is null or ${alias}.ended_on >= current_date)`;

/** A child of `home` placed out of county, at school in the host authority, with a current PEP and social worker. */
export async function childUnderCare(
  platform: Platform,
  home: string,
  pepStatuses: readonly string[] = ['draft', 'in-review', 'agreed'],
): Promise<ChildUnderCare> {
  const rows = await authorityDb(platform, home).unsafe<
    { learner_id: string; host: string; school_id: string; social_worker: string; pep_id: string; version: number; target_id: string }[]
  >(
    `select l.id as learner_id, p.authority_code as host, e.school_id, a.staff_subject as social_worker,
            pep.id as pep_id, pep.version, (select t.id from pep_targets t where t.pep_id = pep.id order by t.id limit 1) as target_id
       from learners l
       join placements p on p.learner_id = l.id and ${CURRENT('p')} and p.authority_code <> $1
       join enrolments e on e.learner_id = l.id and ${CURRENT('e')} and e.school_authority_code = p.authority_code
       join staff_allocations a on a.learner_id = l.id and a.staff_role = 'social-worker' and ${CURRENT('a')}
       join peps pep on pep.learner_id = l.id and pep.status <> 'superseded' and pep.status = any($2)
      where exists (select 1 from pep_targets t where t.pep_id = pep.id)
      order by l.id limit 1`,
    [home, pepStatuses as string[]],
  );
  const row = rows[0];
  if (!row) throw new Error(`${home} has no child placed out of county with a school, a PEP and a social worker`);
  return {
    learnerId: row.learner_id,
    home,
    host: row.host,
    schoolId: row.school_id,
    socialWorker: row.social_worker,
    pepId: row.pep_id,
    pepVersion: row.version,
    targetId: row.target_id,
  };
}

export async function pepVersion(platform: Platform, child: ChildUnderCare): Promise<number> {
  const rows = await authorityDb(platform, child.home)<{ version: number }[]>`select version from peps where id = ${child.pepId}`;
  return rows[0]?.version ?? 0;
}
