// The queries of `npm run bench:ratios`, and raw SQL written to read exactly the rows and columns each
// returns (current placement, school, plan and contacts as of today; a page's learners in id order with
// its total). Only authority-owned fields, so all three columns answer the same question.
import type { AuthorityDatabase, Connection } from '@wales-lac/db';

type Sql = Connection<AuthorityDatabase>['sql'];

export type RawQuery = (sql: Sql, learnerId: string) => Promise<unknown>;

const RECORD_FIELDS = `id legalGivenName legalFamilyName preferredName dateOfBirth upn
  currentPlacement { type placedOutOfCounty startedOn } currentSchool { id }
  currentPep { status version nextReviewDue reviewState targets { description progress dueOn } }
  contacts { role name workEmail }`;

export const RECORD = `query Record($id: ID!) { learner(id: $id) { ${RECORD_FIELDS} } }`;

export const PAGE = (first: number, authority: string) =>
  `query Page { learners(first: ${first}, homeAuthority: "${authority}") { totalCount edges { node {
    id legalGivenName preferredName dateOfBirth currentSchool { id } currentPlacement { type placedOutOfCounty }
    currentPep { status nextReviewDue reviewState } } } } }`;

export const FAN_OUT = (authority: string | null) =>
  `query FanOut { learners(first: 50${authority ? `, homeAuthority: "${authority}"` : ''}) { edges { node { id legalGivenName currentPep { status } } } } }`;

const current = (alias: string) => `${alias}.started_on <= current_date and (${alias}.ended_on is null or ${alias}.ended_on > current_date)`;

export const RAW_SQL = {
  record: (sql: Sql, learnerId: string) =>
    sql.unsafe(
      `select l.id, l.legal_given_name, l.legal_family_name, l.preferred_name, l.date_of_birth, l.upn,
        pl.placement_type, pl.authority_code, pl.started_on, en.school_id,
        pep.status, pep.version, pep.next_review_due,
        (select json_agg(json_build_array(t.description, t.progress, t.due_on)) from pep_targets t where t.pep_id = pep.id) as targets,
        (select json_agg(json_build_array(s.staff_role, s.staff_name, s.work_email)) from staff_allocations s where s.learner_id = l.id and ${current('s')}) as contacts
      from learners l
      left join lateral (select * from placements p where p.learner_id = l.id and ${current('p')} order by p.started_on desc limit 1) pl on true
      left join lateral (select * from enrolments e where e.learner_id = l.id and ${current('e')} order by e.started_on desc limit 1) en on true
      left join lateral (select * from peps p where p.learner_id = l.id order by p.initiated_on desc, p.version desc limit 1) pep on true
      where l.id = $1`,
      [learnerId],
    ),
  page:
    (first: number): RawQuery =>
    (sql: Sql) =>
      sql.unsafe(
        `select (select count(*) from learners) as total, l.id, l.legal_given_name, l.preferred_name, l.date_of_birth,
        en.school_id, pl.placement_type, pl.authority_code, pep.status, pep.next_review_due
      from learners l
      left join lateral (select * from placements p where p.learner_id = l.id and ${current('p')} order by p.started_on desc limit 1) pl on true
      left join lateral (select * from enrolments e where e.learner_id = l.id and ${current('e')} order by e.started_on desc limit 1) en on true
      left join lateral (select * from peps p where p.learner_id = l.id order by p.initiated_on desc, p.version desc limit 1) pep on true
      order by l.id limit $1`,
        [first],
      ),
};
