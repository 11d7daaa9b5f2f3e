CREATE TABLE "ballot_receipts" (
	"item_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"via" text NOT NULL,
	CONSTRAINT "ballot_receipts_item_id_member_id_pk" PRIMARY KEY("item_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "ballot_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"choice" text NOT NULL,
	CONSTRAINT "ballot_votes_choice" CHECK ("ballot_votes"."choice" in ('yes', 'no', 'abstain'))
);
--> statement-breakpoint
CREATE TABLE "council_attendance" (
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"presence" text NOT NULL,
	CONSTRAINT "council_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id"),
	CONSTRAINT "council_attendance_presence" CHECK ("council_attendance"."presence" in ('present', 'absent_written', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"council_role" text DEFAULT 'member' NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_session_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"nominee_id" uuid NOT NULL,
	"threshold_share" numeric(5, 4),
	"threshold_citation" text,
	"yes" integer,
	"no" integer,
	"abstain" integer,
	"result" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"members_total" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_sessions_status" CHECK ("council_sessions"."status" in ('planned', 'open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"ballot_mode" text DEFAULT 'secret' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "councils_ballot_mode" CHECK ("councils"."ballot_mode" in ('secret', 'open'))
);
--> statement-breakpoint
CREATE TABLE "decision_counters" (
	"issuer_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "decision_counters_issuer_unit_id_year_pk" PRIMARY KEY("issuer_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "decision_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"nominee_id" uuid,
	"recipient_kind" text NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"household_name" text,
	"household_address" text,
	"recipient_key" text NOT NULL,
	"display_name" text NOT NULL,
	"display_detail" text DEFAULT '' NOT NULL,
	"award_code" text NOT NULL,
	"track" text NOT NULL,
	"year" integer NOT NULL,
	"prize_coefficient" numeric(6, 3),
	"prize_amount" integer DEFAULT 0 NOT NULL,
	"revokes_award_id" uuid,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_unit_id" uuid NOT NULL,
	"kind" text DEFAULT 'award' NOT NULL,
	"references_decision_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"year" integer,
	"seq" integer,
	"number" text,
	"symbol" text NOT NULL,
	"decided_on" date,
	"summary" text NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"signer_title" text DEFAULT '' NOT NULL,
	"sign_mode" text DEFAULT 'direct' NOT NULL,
	"recipients_note" text DEFAULT '' NOT NULL,
	"base_salary" integer,
	"prize_total" bigint,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "decisions_kind" CHECK ("decisions"."kind" in ('award', 'correction', 'revocation')),
	CONSTRAINT "decisions_status" CHECK ("decisions"."status" in ('draft', 'issued')),
	CONSTRAINT "decisions_sign_mode" CHECK ("decisions"."sign_mode" in ('direct', 'KT', 'TM', 'Q', 'TL', 'TUQ'))
);
--> statement-breakpoint
CREATE TABLE "disclosure_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"nominee_id" uuid,
	"author_name" text NOT NULL,
	"contact" text NOT NULL,
	"body" text NOT NULL,
	"sender_hash" text NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	"handling_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_nominees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"recipient_kind" text NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"household_name" text,
	"household_address" text,
	"recipient_key" text NOT NULL,
	"award_code" text NOT NULL,
	"year" integer NOT NULL,
	"achievement_summary" text DEFAULT '' NOT NULL,
	"initiative_id" uuid,
	"verdict_status" text DEFAULT 'unknown' NOT NULL,
	"verdict" jsonb,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_at" timestamp with time zone,
	"accepted_reason" text,
	"accepted_by" uuid,
	"excluded_reason" text,
	"council_result" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_nominees_recipient" CHECK (("dossier_nominees"."recipient_kind" = 'individual' and "dossier_nominees"."person_id" is not null)
       or ("dossier_nominees"."recipient_kind" = 'collective' and "dossier_nominees"."unit_id" is not null)
       or ("dossier_nominees"."recipient_kind" = 'household' and "dossier_nominees"."household_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"proposing_unit_id" uuid NOT NULL,
	"authority_unit_id" uuid NOT NULL,
	"track" text NOT NULL,
	"movement_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"due_on" date,
	"return_reason" text,
	"reject_reason" text,
	"forwarded_to_unit_id" uuid,
	"transmittal_note" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dossiers_status" CHECK ("dossiers"."status" in ('draft', 'submitted', 'returned', 'received', 'under_review', 'disclosed',
        'in_council', 'approved', 'decided', 'rejected', 'forwarded')),
	CONSTRAINT "dossiers_track" CHECK ("dossiers"."track" in ('regular', 'thematic', 'ad_hoc', 'dedication', 'seniority', 'foreign'))
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"working_day" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "awards" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "awards" ADD COLUMN "decision_recipient_id" uuid;--> statement-breakpoint
ALTER TABLE "awards" ADD COLUMN "revoked_by_decision_id" uuid;--> statement-breakpoint
ALTER TABLE "ballot_receipts" ADD CONSTRAINT "ballot_receipts_item_id_council_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."council_session_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_receipts" ADD CONSTRAINT "ballot_receipts_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_votes" ADD CONSTRAINT "ballot_votes_item_id_council_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."council_session_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_attendance" ADD CONSTRAINT "council_attendance_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_attendance" ADD CONSTRAINT "council_attendance_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_session_items" ADD CONSTRAINT "council_session_items_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_session_items" ADD CONSTRAINT "council_session_items_nominee_id_dossier_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."dossier_nominees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_authority_unit_id_units_id_fk" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_counters" ADD CONSTRAINT "decision_counters_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_nominee_id_dossier_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."dossier_nominees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_comments" ADD CONSTRAINT "disclosure_comments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_comments" ADD CONSTRAINT "disclosure_comments_nominee_id_dossier_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."dossier_nominees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_comments" ADD CONSTRAINT "disclosure_comments_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_attachments" ADD CONSTRAINT "dossier_attachments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_attachments" ADD CONSTRAINT "dossier_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_nominees" ADD CONSTRAINT "dossier_nominees_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_nominees" ADD CONSTRAINT "dossier_nominees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_nominees" ADD CONSTRAINT "dossier_nominees_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_nominees" ADD CONSTRAINT "dossier_nominees_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_proposing_unit_id_units_id_fk" FOREIGN KEY ("proposing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_authority_unit_id_units_id_fk" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_forwarded_to_unit_id_units_id_fk" FOREIGN KEY ("forwarded_to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_votes_item_idx" ON "ballot_votes" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "council_members_council_idx" ON "council_members" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_members_user_key" ON "council_members" USING btree ("council_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_session_items_key" ON "council_session_items" USING btree ("session_id","nominee_id");--> statement-breakpoint
CREATE INDEX "council_sessions_council_idx" ON "council_sessions" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "councils_authority_year_key" ON "councils" USING btree ("authority_unit_id","year");--> statement-breakpoint
CREATE INDEX "decision_recipients_decision_idx" ON "decision_recipients" USING btree ("decision_id","position");--> statement-breakpoint
CREATE INDEX "decision_recipients_person_idx" ON "decision_recipients" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_seq_key" ON "decisions" USING btree ("issuer_unit_id","year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_number_key" ON "decisions" USING btree ("issuer_unit_id","number");--> statement-breakpoint
CREATE INDEX "decisions_status_idx" ON "decisions" USING btree ("status","decided_on");--> statement-breakpoint
CREATE INDEX "disclosure_comments_dossier_idx" ON "disclosure_comments" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "disclosure_comments_sender_idx" ON "disclosure_comments" USING btree ("sender_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosures_dossier_key" ON "disclosures" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_attachments_dossier_idx" ON "dossier_attachments" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_nominees_key" ON "dossier_nominees" USING btree ("dossier_id","recipient_key","award_code");--> statement-breakpoint
CREATE INDEX "dossier_nominees_person_idx" ON "dossier_nominees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "dossier_nominees_unit_idx" ON "dossier_nominees" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "dossier_nominees_key_idx" ON "dossier_nominees" USING btree ("recipient_key","award_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_key" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_year_status_idx" ON "dossiers" USING btree ("year","status");--> statement-breakpoint
CREATE INDEX "dossiers_proposing_idx" ON "dossiers" USING btree ("proposing_unit_id");--> statement-breakpoint
CREATE INDEX "dossiers_authority_idx" ON "dossiers" USING btree ("authority_unit_id");--> statement-breakpoint
CREATE INDEX "awards_decision_idx" ON "awards" USING btree ("decision_id");--> statement-breakpoint
-- An issued decision is final: its row and its recipient lines cannot be changed or deleted (a correction or
-- revocation is another decision). Awards written by a decision are read-only, except that a revocation
-- decision may mark them revoked once.
CREATE OR REPLACE FUNCTION vd_issued_decision_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    IF OLD.status = 'issued' THEN
      RAISE EXCEPTION 'issued decisions are final' USING ERRCODE = 'P0001';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$;
--> statement-breakpoint
CREATE TRIGGER decisions_issued_final BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION vd_issued_decision_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_issued_recipient_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    IF EXISTS (SELECT 1 FROM decisions d WHERE d.id = OLD.decision_id AND d.status = 'issued') THEN
      RAISE EXCEPTION 'recipients of an issued decision are final' USING ERRCODE = 'P0001';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$;
--> statement-breakpoint
CREATE TRIGGER decision_recipients_issued_final BEFORE UPDATE OR DELETE ON decision_recipients
  FOR EACH ROW EXECUTE FUNCTION vd_issued_recipient_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_decided_award_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    IF OLD.decision_id IS NULL THEN
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.revoked_by_decision_id IS NULL AND NEW.revoked_by_decision_id IS NOT NULL
       AND (to_jsonb(NEW) - 'revoked_by_decision_id') = (to_jsonb(OLD) - 'revoked_by_decision_id') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'awards written by a decision are read-only' USING ERRCODE = 'P0001';
  END $$;
--> statement-breakpoint
CREATE TRIGGER awards_decided_read_only BEFORE UPDATE OR DELETE ON awards
  FOR EACH ROW EXECUTE FUNCTION vd_decided_award_guard();
