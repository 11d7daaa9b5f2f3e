DROP INDEX "people_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The search key is derived in the database, whoever writes the row (service, import, restore).
CREATE OR REPLACE FUNCTION vd_people_search_text() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW.search_text := vd_fold(NEW.full_name) || ' ' || lower(NEW.code); RETURN NEW; END $$;
--> statement-breakpoint
CREATE TRIGGER people_search_text BEFORE INSERT OR UPDATE OF full_name, code, search_text ON people
  FOR EACH ROW EXECUTE FUNCTION vd_people_search_text();
--> statement-breakpoint
UPDATE people SET search_text = vd_fold(full_name) || ' ' || lower(code);--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin ("search_text" gin_trgm_ops);
