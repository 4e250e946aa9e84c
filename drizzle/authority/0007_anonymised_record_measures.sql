-- The measures the PEP record (0006) makes possible join the anonymised view: exclusions, reduced timetables,
-- the learner's voice in the PEP, IDPs, SDQs and post-16 destinations. The view still gives only counts per
-- measure × dimension × category; it is dropped and made again (a view cannot lose or reorder columns in
-- place), and the platform grants it to the anonymised reader again at every start, after migrating.
--
-- "Today" is current_date and "the last 12 months" is the 365 days ending today (a day 365 days ago is out),
-- as for the measures before. `children` is the number of distinct children a figure rests on: for a share
-- of children, the children of the denominator; for a count of events (exclusions, sessions lost) the
-- children with at least one such event, so a figure of 6 exclusions that all fall on one child is hidden.
DROP VIEW anonymised.measure_counts;
--> statement-breakpoint
CREATE VIEW anonymised.measure_counts AS
WITH child AS (
  SELECT l.id,
         CASE WHEN age.years < 1 THEN 'under-1' WHEN age.years < 5 THEN '1-4' WHEN age.years < 10 THEN '5-9'
              WHEN age.years < 16 THEN '10-15' ELSE '16-17' END AS age_band,
         age.years,
         l.gender,
         coalesce(p.placement_type, 'other') AS placement_type,
         CASE WHEN p.authority_code IS NULL OR p.authority_code = split_part(l.id, ':', 1) THEN 'inside' ELSE 'outside' END AS placement_location,
         ce.started_on AS care_started_on
    FROM learners l
    JOIN care_episodes ce ON ce.learner_id = l.id AND ce.started_on <= current_date AND (ce.ended_on IS NULL OR ce.ended_on >= current_date)
    CROSS JOIN LATERAL (SELECT extract(year FROM age(current_date, l.date_of_birth))::int AS years) age
    LEFT JOIN LATERAL (
      SELECT pl.placement_type, pl.authority_code FROM placements pl
       WHERE pl.learner_id = l.id AND pl.started_on <= current_date AND (pl.ended_on IS NULL OR pl.ended_on >= current_date)
       ORDER BY pl.started_on DESC LIMIT 1) p ON true
   WHERE l.care_status = 'looked-after'
),
facts AS (
  SELECT c.*,
         (SELECT count(*) FROM placements pl WHERE pl.learner_id = c.id AND coalesce(pl.ended_on, current_date) >= current_date - 365) >= 3 AS unstable_placements,
         EXISTS (SELECT 1 FROM enrolments e WHERE e.learner_id = c.id AND e.started_on <= current_date AND (e.ended_on IS NULL OR e.ended_on >= current_date)) AS enrolled,
         EXISTS (SELECT 1 FROM enrolments e WHERE e.learner_id = c.id AND e.started_on > current_date - 365 AND e.started_on <= current_date
                   AND extract(month FROM e.started_on) <> 9
                   AND EXISTS (SELECT 1 FROM enrolments prior WHERE prior.learner_id = c.id AND prior.started_on < e.started_on)) AS school_move,
         c.care_started_on <= current_date - 28 AS looked_after_20_school_days,
         EXISTS (SELECT 1 FROM peps pep WHERE pep.learner_id = c.id AND pep.status IN ('agreed', 'in-review')) AS has_current_pep,
         -- A pupil in the period: on a school roll on some day of the last 12 months.
         EXISTS (SELECT 1 FROM enrolments e WHERE e.learner_id = c.id AND e.started_on <= current_date AND (e.ended_on IS NULL OR e.ended_on > current_date - 365)) AS pupil_in_year,
         EXISTS (SELECT 1 FROM reduced_timetables rt WHERE rt.learner_id = c.id AND rt.started_on <= current_date AND (rt.ended_on IS NULL OR rt.ended_on > current_date - 365)) AS reduced_timetable,
         EXISTS (SELECT 1 FROM additional_learning_needs n WHERE n.learner_id = c.id AND n.identified_on <= current_date) AS has_aln,
         EXISTS (SELECT 1 FROM additional_learning_needs n WHERE n.learner_id = c.id AND n.identified_on <= current_date AND n.idp_agreed_on <= current_date) AS has_idp,
         EXISTS (SELECT 1 FROM sdq_assessments s WHERE s.learner_id = c.id AND s.completed_on > current_date - 365 AND s.completed_on <= current_date) AS sdq_in_year
    FROM child c
),
dims AS (
  SELECT id, 'all' AS dimension, 'all' AS category FROM facts
  UNION ALL SELECT id, 'age-band', age_band FROM facts
  UNION ALL SELECT id, 'gender', gender FROM facts
  UNION ALL SELECT id, 'placement-type', placement_type FROM facts
  UNION ALL SELECT id, 'placement-location', placement_location FROM facts
),
attendance AS (
  -- Sessions over the last 365 days: attended (present or approved activity) of possible (all but not-counted).
  SELECT a.learner_id,
         sum((a.am IN ('/', '\', 'L', 'B', 'D', 'J', 'P', 'V', 'W'))::int + (a.pm IN ('/', '\', 'L', 'B', 'D', 'J', 'P', 'V', 'W'))::int) AS attended,
         sum((a.am NOT IN ('X', 'Y', 'Z', '#'))::int + (a.pm NOT IN ('X', 'Y', 'Z', '#'))::int) AS possible
    FROM attendance_days a
   WHERE a.date > current_date - 365 AND a.date <= current_date
   GROUP BY a.learner_id
),
current_peps AS (
  SELECT pep.* FROM peps pep WHERE pep.status <> 'superseded'
),
excluded AS (
  -- Each child's exclusions starting in the last 12 months: fixed-term (with the sessions lost) and permanent.
  SELECT x.learner_id,
         count(*) FILTER (WHERE x.kind = 'fixed-term') AS fixed_term,
         coalesce(sum(x.sessions) FILTER (WHERE x.kind = 'fixed-term'), 0) AS sessions_lost,
         count(*) FILTER (WHERE x.kind = 'permanent') AS permanent
    FROM exclusions x
   WHERE x.starts_on > current_date - 365 AND x.starts_on <= current_date
   GROUP BY x.learner_id
),
pupil_exclusions AS (
  SELECT d.dimension, d.category, coalesce(x.fixed_term, 0) AS fixed_term, coalesce(x.sessions_lost, 0) AS sessions_lost, coalesce(x.permanent, 0) AS permanent
    FROM dims d JOIN facts f USING (id) LEFT JOIN excluded x ON x.learner_id = d.id
   WHERE f.pupil_in_year
),
latest_carer_sdq AS (
  -- The 17+ "cause for concern" band of total difficulties is the carer-informant one (teacher 16+, self 20+).
  SELECT DISTINCT ON (s.learner_id) s.learner_id, s.emotional + s.conduct + s.hyperactivity + s.peer AS total_difficulties
    FROM sdq_assessments s
   WHERE s.informant = 'carer' AND s.completed_on > current_date - 365 AND s.completed_on <= current_date
   ORDER BY s.learner_id, s.completed_on DESC, s.id DESC
),
young_person AS (
  -- Aged 16-18 today: looked after (split as above), or a care leaver (split by the last placement before leaving).
  SELECT c.id, CASE WHEN c.years < 18 THEN '16-17' ELSE '18' END AS age_band, c.gender, c.placement_type, c.placement_location
    FROM child c WHERE c.years BETWEEN 16 AND 18
  UNION ALL
  SELECT l.id, CASE WHEN age.years < 18 THEN '16-17' ELSE '18' END, l.gender,
         coalesce(p.placement_type, 'other'),
         CASE WHEN p.authority_code IS NULL OR p.authority_code = split_part(l.id, ':', 1) THEN 'inside' ELSE 'outside' END
    FROM learners l
    CROSS JOIN LATERAL (SELECT extract(year FROM age(current_date, l.date_of_birth))::int AS years) age
    LEFT JOIN LATERAL (
      SELECT pl.placement_type, pl.authority_code FROM placements pl
       WHERE pl.learner_id = l.id AND pl.started_on <= current_date
       ORDER BY pl.started_on DESC, pl.id DESC LIMIT 1) p ON true
   WHERE l.care_status = 'care-leaver' AND age.years BETWEEN 16 AND 18
),
young_dims AS (
  SELECT id, 'all' AS dimension, 'all' AS category FROM young_person
  UNION ALL SELECT id, 'age-band', age_band FROM young_person
  UNION ALL SELECT id, 'gender', gender FROM young_person
  UNION ALL SELECT id, 'placement-type', placement_type FROM young_person
  UNION ALL SELECT id, 'placement-location', placement_location FROM young_person
),
latest_destination AS (
  SELECT DISTINCT ON (ds.learner_id) ds.learner_id, ds.destination
    FROM destinations ds
   WHERE ds.recorded_on <= current_date
   ORDER BY ds.learner_id, ds.recorded_on DESC, ds.id DESC
)
SELECT 'cohort' AS measure, d.dimension, d.category, count(*)::bigint AS numerator, NULL::bigint AS denominator, count(*)::bigint AS children
  FROM dims d GROUP BY d.dimension, d.category
UNION ALL
SELECT 'placement-stability', d.dimension, d.category, count(*) FILTER (WHERE f.unstable_placements), count(*), count(*)
  FROM dims d JOIN facts f USING (id) GROUP BY d.dimension, d.category
UNION ALL
SELECT 'school-stability', d.dimension, d.category, count(*) FILTER (WHERE f.school_move), count(*), count(*)
  FROM dims d JOIN facts f USING (id) WHERE f.enrolled GROUP BY d.dimension, d.category
UNION ALL
SELECT 'pep-in-place', d.dimension, d.category, count(*) FILTER (WHERE f.has_current_pep), count(*), count(*)
  FROM dims d JOIN facts f USING (id) WHERE f.looked_after_20_school_days AND f.years BETWEEN 3 AND 17 GROUP BY d.dimension, d.category
UNION ALL
SELECT 'pep-timely', d.dimension, d.category,
       count(*) FILTER (WHERE pep.completed_on IS NOT NULL AND pep.completed_on <= pep.initiated_on + 28), count(*), count(DISTINCT d.id)
  FROM dims d JOIN peps pep ON pep.learner_id = d.id
 WHERE pep.initiated_on > current_date - 365 AND pep.initiated_on <= current_date - 28
 GROUP BY d.dimension, d.category
UNION ALL
SELECT 'pep-reviewed', d.dimension, d.category,
       count(*) FILTER (WHERE pep.last_reviewed_on >= current_date - 91), count(*), count(DISTINCT d.id)
  FROM dims d JOIN current_peps pep ON pep.learner_id = d.id WHERE pep.status = 'agreed'
 GROUP BY d.dimension, d.category
UNION ALL
SELECT 'targets-met', d.dimension, d.category, count(*) FILTER (WHERE t.progress = 'met'), count(*), count(DISTINCT d.id)
  FROM dims d JOIN peps pep ON pep.learner_id = d.id JOIN pep_targets t ON t.pep_id = pep.id
 WHERE t.due_on > current_date - 365 AND t.due_on <= current_date
 GROUP BY d.dimension, d.category
UNION ALL
SELECT 'attendance', d.dimension, d.category, sum(a.attended)::bigint, sum(a.possible)::bigint, count(*)
  FROM dims d JOIN attendance a ON a.learner_id = d.id WHERE a.possible > 0
 GROUP BY d.dimension, d.category
UNION ALL
SELECT 'persistent-absence', d.dimension, d.category, count(*) FILTER (WHERE a.possible - a.attended >= 0.1 * a.possible), count(*), count(*)
  FROM dims d JOIN attendance a ON a.learner_id = d.id WHERE a.possible > 0
 GROUP BY d.dimension, d.category
UNION ALL
-- Fixed-term exclusions (events) per pupil of the last 12 months; children: the pupils excluded.
SELECT 'exclusions', e.dimension, e.category, sum(e.fixed_term)::bigint, count(*), count(*) FILTER (WHERE e.fixed_term > 0)
  FROM pupil_exclusions e GROUP BY e.dimension, e.category
UNION ALL
-- Sessions (half days) lost to fixed-term exclusion per pupil; the report halves them into days.
SELECT 'exclusion-days', e.dimension, e.category, sum(e.sessions_lost)::bigint, count(*), count(*) FILTER (WHERE e.fixed_term > 0)
  FROM pupil_exclusions e GROUP BY e.dimension, e.category
UNION ALL
-- Permanent exclusions (a count of events); children: the pupils permanently excluded.
SELECT 'permanent-exclusions', e.dimension, e.category, sum(e.permanent)::bigint, NULL::bigint, count(*) FILTER (WHERE e.permanent > 0)
  FROM pupil_exclusions e GROUP BY e.dimension, e.category
UNION ALL
SELECT 'reduced-timetable', d.dimension, d.category, count(*) FILTER (WHERE f.reduced_timetable), count(*), count(*)
  FROM dims d JOIN facts f USING (id) WHERE f.pupil_in_year GROUP BY d.dimension, d.category
UNION ALL
-- Current (agreed or in-review) PEPs with the learner's "All about me" section.
SELECT 'pep-voice', d.dimension, d.category,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM pep_sections s WHERE s.pep_id = pep.id AND s.section = 'all-about-me')), count(*), count(DISTINCT d.id)
  FROM dims d JOIN peps pep ON pep.learner_id = d.id WHERE pep.status IN ('agreed', 'in-review')
 GROUP BY d.dimension, d.category
UNION ALL
-- Children with additional learning needs (on a school roll or not: the authority keeps a looked-after child's IDP).
SELECT 'idp', d.dimension, d.category, count(*) FILTER (WHERE f.has_idp), count(*), count(*)
  FROM dims d JOIN facts f USING (id) WHERE f.has_aln GROUP BY d.dimension, d.category
UNION ALL
SELECT 'sdq-completed', d.dimension, d.category, count(*) FILTER (WHERE f.sdq_in_year), count(*), count(*)
  FROM dims d JOIN facts f USING (id) WHERE f.years BETWEEN 4 AND 16 GROUP BY d.dimension, d.category
UNION ALL
SELECT 'sdq-concern', d.dimension, d.category, count(*) FILTER (WHERE q.total_difficulties >= 17), count(*), count(*)
  FROM dims d JOIN facts f USING (id) JOIN latest_carer_sdq q ON q.learner_id = d.id WHERE f.years BETWEEN 4 AND 16
 GROUP BY d.dimension, d.category
UNION ALL
-- Young people aged 16-18 (looked after or care leavers) with a destination recorded: the latest is NEET.
SELECT 'neet', y.dimension, y.category, count(*) FILTER (WHERE ld.destination = 'neet'), count(*), count(*)
  FROM young_dims y JOIN latest_destination ld ON ld.learner_id = y.id
 GROUP BY y.dimension, y.category;
--> statement-breakpoint
REVOKE ALL ON anonymised.measure_counts FROM PUBLIC;
