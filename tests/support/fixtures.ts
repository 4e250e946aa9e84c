// Facts read straight from the authorities' databases, independent of the gateway, to check its answers.
import postgres from 'postgres';
import type { Platform } from '@wales-lac/platform';

export interface PlacedChild {
  readonly learnerId: string;
  readonly homeAuthority: string;
  readonly hostAuthority: string;
}

/** The SQL client of one authority's database. */
export function authorityDb(platform: Platform, code: string) {
  const connection = platform.databases.authorities.get(code);
  if (!connection) throw new Error(`no database for ${code}`);
  return connection.sql;
}

/**
 * A connection of the test's own to one of the platform's databases (an authority's GSS code, or
 * 'national', or 'server' for its maintenance database), outside the platform's pools, logged in exactly as the platform is: the one way tests connect.
 */
export function ownConnection(platform: Platform, database: string, as: 'platform' | 'anonymised-reader' = 'platform'): postgres.Sql {
  const { topology, serverUrl, anonymisedReaders } = platform.databases;
  const url =
    as === 'anonymised-reader'
      ? anonymisedReaders.get(database)
      : database === 'server'
        ? serverUrl
        : database === 'national'
          ? topology.national
          : topology.authorities.get(database);
  if (!url) throw new Error(`the platform has no database ${database} to log in to as ${as}`);
  return postgres(url, { max: 1, onnotice: () => undefined });
}

/** A child of `home` whose current placement is in another authority. */
export async function childPlacedOutOfCounty(platform: Platform, home: string): Promise<PlacedChild> {
  const rows = await authorityDb(platform, home)<{ learner_id: string; authority_code: string }[]>`
    select p.learner_id, p.authority_code from placements p
    where p.authority_code <> ${home} and p.started_on <= current_date and (p.ended_on is null or p.ended_on >= current_date)
    order by p.learner_id limit 1`;
  const row = rows[0];
  if (!row) throw new Error(`${home} has no child placed out of county in the test data`);
  return { learnerId: row.learner_id, homeAuthority: home, hostAuthority: row.authority_code };
}

/** Every learner id, across all authorities, that lives or learns in `authority` or belongs to it. */
export async function learnerIdsInReachOf(platform: Platform, authority: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [code, connection] of platform.databases.authorities) {
    const rows =
      code === authority
        ? await connection.sql<{ id: string }[]>`select id from learners`
        : await connection.sql<{ id: string }[]>`
            select l.id from learners l where exists (
              select 1 from placements p where p.learner_id = l.id and p.authority_code = ${authority}
                and p.started_on <= current_date and (p.ended_on is null or p.ended_on >= current_date))
            or exists (
              select 1 from enrolments e where e.learner_id = l.id and e.school_authority_code = ${authority}
                and e.started_on <= current_date and (e.ended_on is null or e.ended_on >= current_date))`;
    ids.push(...rows.map((r) => r.id));
  }
  return ids.sort();
}

/** An authority that is neither of the given ones. */
export function anotherAuthority(platform: Platform, ...not: string[]): string {
  const code = [...platform.databases.authorities.keys()].find((c) => !not.includes(c));
  if (!code) throw new Error('not enough authorities');
  return code;
}
