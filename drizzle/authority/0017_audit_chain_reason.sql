-- The hash chain covers the columns of 0015 (decision 0026): a read outside the caseload, and its reason.
-- They are added to a row's content only when the row has them, so every row written before (false, null,
-- null) keeps the content, and the hash, it was chained with; a row that has them cannot read like one
-- that has not, as every part of the content carries its length. `npm run audit:verify` checks both alike.
CREATE OR REPLACE FUNCTION audit_row_content(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT audit_field(r.id::text) || audit_field(r.chain_position::text) || audit_field((extract(epoch FROM r.at) * 1000000)::bigint::text)
    || audit_field(r.actor_subject) || audit_field(r.actor_role) || audit_field(r.actor_authority) || audit_field(r.learner_id)
    || audit_field(r.action) || audit_field(r.decision) || audit_fields(r.field_classes) || audit_fields(r.fields) || audit_field(r.operation_name)
    || CASE WHEN r.outside_caseload OR r.reason_purpose IS NOT NULL OR r.reason_note IS NOT NULL
         THEN audit_field(r.outside_caseload::text) || audit_field(r.reason_purpose) || audit_field(r.reason_note)
         ELSE '' END
$$;
