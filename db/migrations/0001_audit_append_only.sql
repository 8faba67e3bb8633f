-- The audit log is append-only: refuse UPDATE and DELETE at the database, not only in code.
CREATE OR REPLACE FUNCTION loket_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION loket_audit_append_only();
