CREATE SCHEMA "vd_cache";
--> statement-breakpoint
CREATE TABLE "vd_cache"."change_stamps" (
	"name" text PRIMARY KEY NOT NULL,
	"stamp" uuid DEFAULT gen_random_uuid() NOT NULL
);
--> statement-breakpoint
-- Decision 044: one stamp per table an in-process cache reads (the people search index reads people and
-- the names of units). A statement that changed at least one row gives its table a fresh random stamp in
-- the same transaction, so a reader sees the new stamp exactly when it can see the new rows. (Transition
-- tables allow one event per trigger, hence three triggers a table; TRUNCATE has no transition table.)
INSERT INTO "vd_cache"."change_stamps" ("name") VALUES ('people'), ('units');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_cache_stamp_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    UPDATE vd_cache.change_stamps SET stamp = gen_random_uuid() WHERE name = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_cache_stamp_truncated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE vd_cache.change_stamps SET stamp = gen_random_uuid() WHERE name = TG_TABLE_NAME;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_stamp_insert AFTER INSERT ON people REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION vd_cache_stamp_changed();
--> statement-breakpoint
CREATE TRIGGER people_stamp_update AFTER UPDATE ON people REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION vd_cache_stamp_changed();
--> statement-breakpoint
CREATE TRIGGER people_stamp_delete AFTER DELETE ON people REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION vd_cache_stamp_changed();
--> statement-breakpoint
CREATE TRIGGER people_stamp_truncate AFTER TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION vd_cache_stamp_truncated();
--> statement-breakpoint
CREATE TRIGGER units_stamp_insert AFTER INSERT ON units REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION vd_cache_stamp_changed();
--> statement-breakpoint
CREATE TRIGGER units_stamp_update AFTER UPDATE ON units REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION vd_cache_stamp_changed();
--> statement-breakpoint
CREATE TRIGGER units_stamp_delete AFTER DELETE ON units REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION vd_cache_stamp_changed();
--> statement-breakpoint
CREATE TRIGGER units_stamp_truncate AFTER TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION vd_cache_stamp_truncated();
