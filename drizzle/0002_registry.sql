CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_kind" text NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"household_name" text,
	"household_address" text,
	"recipient_key" text NOT NULL,
	"award_code" text NOT NULL,
	"year" integer NOT NULL,
	"track" text NOT NULL,
	"issuer" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"source" text DEFAULT 'import' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "awards_recipient" CHECK (("awards"."recipient_kind" = 'individual' and "awards"."person_id" is not null)
       or ("awards"."recipient_kind" = 'collective' and "awards"."unit_id" is not null)
       or ("awards"."recipient_kind" = 'household' and "awards"."household_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "disciplines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"level" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text,
	CONSTRAINT "disciplines_period" CHECK ("disciplines"."to_date" is null or "disciplines"."to_date" >= "disciplines"."from_date")
);
--> statement-breakpoint
CREATE TABLE "initiative_authors" (
	"initiative_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "initiative_authors_initiative_id_person_id_pk" PRIMARY KEY("initiative_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"recognition_date" date NOT NULL,
	"effect_scope" text NOT NULL,
	"recognizing_body" text NOT NULL,
	"used_by_award_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"full_name" text NOT NULL,
	"family_name" text NOT NULL,
	"middle_name" text DEFAULT '' NOT NULL,
	"given_name" text NOT NULL,
	"sort_key" text NOT NULL,
	"sex" text NOT NULL,
	"date_of_birth" date,
	"ethnicity" text,
	"personal_id_number" text,
	"position" text,
	"is_leader" boolean DEFAULT false NOT NULL,
	"current_unit_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rating" text NOT NULL,
	"unit_id" uuid,
	"employment_start_date" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "person_leaves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"note" text,
	CONSTRAINT "person_leaves_period" CHECK ("person_leaves"."to_date" >= "person_leaves"."from_date")
);
--> statement-breakpoint
CREATE TABLE "person_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"grade" text,
	"institution" text,
	"good_conduct" boolean DEFAULT true NOT NULL,
	CONSTRAINT "person_trainings_period" CHECK ("person_trainings"."to_date" >= "person_trainings"."from_date")
);
--> statement-breakpoint
CREATE TABLE "person_unit_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"position" text,
	CONSTRAINT "person_unit_history_period" CHECK ("person_unit_history"."to_date" is null or "person_unit_history"."to_date" >= "person_unit_history"."from_date")
);
--> statement-breakpoint
CREATE TABLE "unit_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rating" text NOT NULL,
	"member_count" integer NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "unit_successions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"effective_date" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_successions_not_self" CHECK ("unit_successions"."predecessor_id" <> "unit_successions"."successor_id")
);
--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplines" ADD CONSTRAINT "disciplines_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_authors" ADD CONSTRAINT "initiative_authors_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_authors" ADD CONSTRAINT "initiative_authors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_current_unit_id_units_id_fk" FOREIGN KEY ("current_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_evaluations" ADD CONSTRAINT "person_evaluations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_evaluations" ADD CONSTRAINT "person_evaluations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_leaves" ADD CONSTRAINT "person_leaves_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_trainings" ADD CONSTRAINT "person_trainings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_unit_history" ADD CONSTRAINT "person_unit_history_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_unit_history" ADD CONSTRAINT "person_unit_history_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_evaluations" ADD CONSTRAINT "unit_evaluations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_successions" ADD CONSTRAINT "unit_successions_predecessor_id_units_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_successions" ADD CONSTRAINT "unit_successions_successor_id_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "awards_key" ON "awards" USING btree ("recipient_key","award_code","year","decision_number");--> statement-breakpoint
CREATE INDEX "awards_person_idx" ON "awards" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "awards_unit_idx" ON "awards" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "awards_year_idx" ON "awards" USING btree ("year","award_code");--> statement-breakpoint
CREATE UNIQUE INDEX "disciplines_key" ON "disciplines" USING btree ("person_id","decision_number");--> statement-breakpoint
CREATE INDEX "initiative_authors_person_idx" ON "initiative_authors" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_code_key" ON "initiatives" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_used_by_key" ON "initiatives" USING btree ("used_by_award_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_code_key" ON "people" USING btree ("code");--> statement-breakpoint
CREATE INDEX "people_unit_idx" ON "people" USING btree ("current_unit_id");--> statement-breakpoint
CREATE INDEX "people_sort_idx" ON "people" USING btree ("sort_key" collate "C","id");--> statement-breakpoint
CREATE INDEX "people_name_trgm_idx" ON "people" USING gin (vd_fold("full_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_dup_idx" ON "people" USING btree (vd_fold("full_name"),"date_of_birth");--> statement-breakpoint
CREATE UNIQUE INDEX "person_evaluations_key" ON "person_evaluations" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "person_evaluations_year_idx" ON "person_evaluations" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "person_leaves_key" ON "person_leaves" USING btree ("person_id","kind","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "person_trainings_key" ON "person_trainings" USING btree ("person_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "person_unit_history_key" ON "person_unit_history" USING btree ("person_id","from_date");--> statement-breakpoint
CREATE INDEX "person_unit_history_unit_idx" ON "person_unit_history" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_evaluations_key" ON "unit_evaluations" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_successions_pair_key" ON "unit_successions" USING btree ("predecessor_id","successor_id");--> statement-breakpoint
CREATE INDEX "unit_successions_successor_idx" ON "unit_successions" USING btree ("successor_id");