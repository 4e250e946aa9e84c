-- Attendance and persistent absence join the anonymised measures, and every row says how many children
-- it rests on (PEPs, targets and sessions are not children: a published figure must rest on 5 or more).
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
         EXISTS (SELECT 1 FROM peps pep WHERE pep.learner_id = c.id AND pep.status IN ('agreed', 'in-review')) AS has_current_pep
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
 GROUP BY d.dimension, d.category;
