-- The first step of row-level security (decision 0019, proposed): the relationships of data/reach.ts
-- (learnersVisibleTo) as one SQL function over the caller a transaction sets with set_config(..., true):
-- lac.role, lac.subject, lac.caller_authority, lac.school, lac.learner, lac.own_authority, lac.today.
-- No policy uses it yet. tests/learner-reach-sql.test.ts checks it agrees with the TypeScript on a table
-- of cases. With no caller set it is false: it fails closed. "Current" means current on lac.today, never
-- current_date (decision 0005). SECURITY DEFINER so its own lookups will not recurse into the policies
-- that are to call it (the migrating role owns it; see decision 0019).
CREATE FUNCTION lac_may_see(learner text) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  caller_role text := nullif(current_setting('lac.role', true), '');
  subject text := nullif(current_setting('lac.subject', true), '');
  caller_authority text := nullif(current_setting('lac.caller_authority', true), '');
  school text := nullif(current_setting('lac.school', true), '');
  own_learner text := nullif(current_setting('lac.learner', true), '');
  own_authority text := nullif(current_setting('lac.own_authority', true), '');
  today date := nullif(current_setting('lac.today', true), '')::date;
BEGIN
  IF caller_role IS NULL OR today IS NULL OR own_authority IS NULL THEN
    RETURN false;
  END IF;
  CASE caller_role
    WHEN 'learner' THEN
      RETURN own_learner IS NOT NULL AND learner = own_learner;
    WHEN 'virtual-school-head' THEN
      IF caller_authority IS NULL THEN RETURN false; END IF;
      IF caller_authority = own_authority THEN RETURN true; END IF;
      RETURN EXISTS (SELECT 1 FROM placements p WHERE p.learner_id = learner AND p.authority_code = caller_authority
                       AND p.started_on <= today AND (p.ended_on IS NULL OR p.ended_on >= today))
          OR EXISTS (SELECT 1 FROM enrolments e WHERE e.learner_id = learner AND e.school_authority_code = caller_authority
                       AND e.started_on <= today AND (e.ended_on IS NULL OR e.ended_on >= today));
    WHEN 'social-worker' THEN
      IF caller_authority IS NOT NULL AND caller_authority = own_authority THEN RETURN true; END IF;
      RETURN subject IS NOT NULL AND EXISTS (SELECT 1 FROM staff_allocations a WHERE a.learner_id = learner
                       AND a.staff_role = 'social-worker' AND a.staff_subject = subject
                       AND a.started_on <= today AND (a.ended_on IS NULL OR a.ended_on >= today));
    WHEN 'designated-teacher' THEN
      RETURN school IS NOT NULL AND EXISTS (SELECT 1 FROM enrolments e WHERE e.learner_id = learner AND e.school_id = school
                       AND e.started_on <= today AND (e.ended_on IS NULL OR e.ended_on >= today));
    ELSE
      RETURN false;
  END CASE;
END
$$;
