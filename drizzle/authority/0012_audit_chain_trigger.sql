-- The audit log as a hash chain (issue 10): each row carries the hash of the row before it and its own,
-- sha256(previous hash || audit_row_content(row)), so an edited, removed or inserted row shows. The chain is
-- made here, in the database, so that every writer (the service, a migration, a person with psql) chains.
-- `npm run audit:verify` recomputes it (packages/db/src/audit-chain.ts).

-- A field as <length>:<text>, or '-' for null: no two different rows have the same content.
CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '-' ELSE length(value)::text || ':' || value END
$$;
--> statement-breakpoint
CREATE FUNCTION audit_fields(items text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT audit_field(cardinality(items)::text) || coalesce((SELECT string_agg(audit_field(item), '' ORDER BY n) FROM unnest(items) WITH ORDINALITY AS u(item, n)), '')
$$;
--> statement-breakpoint
-- What a row's hash covers: every column but the hashes themselves; the time as microseconds since the epoch
-- (independent of the session's time zone).
CREATE FUNCTION audit_row_content(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT audit_field(r.id::text) || audit_field(r.chain_position::text) || audit_field((extract(epoch FROM r.at) * 1000000)::bigint::text)
    || audit_field(r.actor_subject) || audit_field(r.actor_role) || audit_field(r.actor_authority) || audit_field(r.learner_id)
    || audit_field(r.action) || audit_field(r.decision) || audit_fields(r.field_classes) || audit_fields(r.fields) || audit_field(r.operation_name)
$$;
--> statement-breakpoint
CREATE FUNCTION audit_chain_hash(previous text, r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(previous || audit_row_content(r), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Every new row joins the chain at its head. The head row is taken FOR UPDATE: concurrent writers queue on it
-- until the holder commits, so two transactions can never chain to the same row (no fork). Positions, not ids,
-- order the chain: an id is taken before the head, so ids can commit out of order.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain_head;
BEGIN
  SELECT * INTO STRICT head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  NEW.chain_position := head.position + 1;
  NEW.previous_hash := head.hash;
  NEW.row_hash := audit_chain_hash(head.hash, NEW);
  UPDATE audit_chain_head SET position = NEW.chain_position, hash = NEW.row_hash WHERE id = 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
INSERT INTO audit_chain_head (id, position, hash) VALUES (1, 0, repeat('0', 64));
--> statement-breakpoint
-- Rows written before the chain existed join it in id order (the append-only trigger is lifted for this alone).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
DO $$
DECLARE
  r audit_log;
  head text := repeat('0', 64);
  p bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    p := p + 1;
    r.chain_position := p;
    r.previous_hash := head;
    head := audit_chain_hash(head, r);
    UPDATE audit_log SET chain_position = p, previous_hash = r.previous_hash, row_hash = head WHERE id = r.id;
  END LOOP;
  UPDATE audit_chain_head SET position = p, hash = head WHERE id = 1;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
