-- The same hash chain as 0012, with the head written once per statement instead of once per row (issue 13).
-- A read of a page of 500 children writes 500 audit rows in one statement; 0012 locked, read and rewrote the
-- head row for each of them (500 versions of one row per request). Now the first row of a transaction
-- takes the head FOR UPDATE, as before (held to commit, so no other writer can chain in between), and the
-- running head is carried in transaction-local settings from row to row; an AFTER STATEMENT trigger writes
-- it back. Settings made in a rolled-back savepoint are rolled back with its rows. Hashes are unchanged:
-- `npm run audit:verify` checks chains made by either version alike.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_position bigint;
  head_hash text;
BEGIN
  IF current_setting('audit.chain_transaction', true) IS DISTINCT FROM txid_current()::text THEN
    SELECT position, hash INTO STRICT head_position, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    PERFORM set_config('audit.chain_transaction', txid_current()::text, true);
  ELSE
    head_position := current_setting('audit.chain_position')::bigint;
    head_hash := current_setting('audit.chain_hash');
  END IF;
  NEW.chain_position := head_position + 1;
  NEW.previous_hash := head_hash;
  NEW.row_hash := audit_chain_hash(head_hash, NEW);
  PERFORM set_config('audit.chain_position', NEW.chain_position::text, true);
  PERFORM set_config('audit.chain_hash', NEW.row_hash, true);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION audit_chain_head_advance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('audit.chain_transaction', true) = txid_current()::text THEN
    UPDATE audit_chain_head SET position = current_setting('audit.chain_position')::bigint, hash = current_setting('audit.chain_hash') WHERE id = 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain_head AFTER INSERT ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_advance();
