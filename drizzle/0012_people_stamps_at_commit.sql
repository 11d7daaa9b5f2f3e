CREATE TABLE "vd_cache"."change_marks" (
	"name" text NOT NULL
);
--> statement-breakpoint
-- Decision 048 (amends 044): a statement that changed people or units no longer updates the stamp row
-- itself, which held that row locked until the transaction ended, so every other writer of people (or
-- units) waited for a whole import. It marks its transaction once (a transaction-local setting and one row
-- here); at commit a deferred trigger locks the marked stamps in name order (no deadlock between the two),
-- gives them fresh stamps, and deletes the marks. The new stamps still commit with the rows, atomically.
CREATE OR REPLACE FUNCTION vd_cache_mark(tbl text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF coalesce(current_setting('vd_cache.marked_' || tbl, true), '') = '' THEN
    PERFORM set_config('vd_cache.marked_' || tbl, 'on', true);
    INSERT INTO vd_cache.change_marks (name) VALUES (tbl);
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_cache_stamp_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    PERFORM vd_cache_mark(TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_cache_stamp_truncated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM vd_cache_mark(TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_cache_stamp_marked() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  names text[];
  n text;
BEGIN
  -- The first firing in a transaction takes all of its marks (other transactions' are not visible to it);
  -- a later firing finds none.
  WITH gone AS (DELETE FROM vd_cache.change_marks RETURNING name)
  SELECT array_agg(DISTINCT name ORDER BY name) INTO names FROM gone;
  IF names IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM vd_cache.change_stamps WHERE name = ANY (names) ORDER BY name FOR UPDATE;
  UPDATE vd_cache.change_stamps SET stamp = gen_random_uuid() WHERE name = ANY (names);
  FOREACH n IN ARRAY names LOOP
    PERFORM set_config('vd_cache.marked_' || n, '', true);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER change_marks_stamp AFTER INSERT ON vd_cache.change_marks
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION vd_cache_stamp_marked();
