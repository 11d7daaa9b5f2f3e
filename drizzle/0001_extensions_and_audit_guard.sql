-- Extensions both engines carry (PGlite loads them from its contrib bundle; Debian's PostgreSQL 15 ships them).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is STABLE; an IMMUTABLE wrapper with a fixed dictionary can back expression indexes.
-- Folds case and Vietnamese diacritics: "Nguyễn Thị Thu" -> "nguyen thi thu", "Đ" -> "d".
CREATE OR REPLACE FUNCTION vd_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;
--> statement-breakpoint
-- The audit log is append-only: the database refuses to change or delete its rows. (The hash chain
-- still detects changes made by someone who can switch this trigger off.)
CREATE OR REPLACE FUNCTION vd_audit_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'P0001'; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION vd_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION vd_audit_append_only();
