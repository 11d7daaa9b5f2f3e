CREATE TABLE "movement_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movement_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"target" bigint,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "movement_indicators_kind" CHECK ("movement_indicators"."kind" in ('count', 'money', 'percent', 'boolean'))
);
--> statement-breakpoint
CREATE TABLE "movement_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movement_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movement_targets" (
	"movement_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "movement_targets_movement_id_unit_id_pk" PRIMARY KEY("movement_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"launching_unit_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"target_kind" text NOT NULL,
	"target_block_id" uuid,
	"target_root_unit_id" uuid,
	"target_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"criteria" text DEFAULT '' NOT NULL,
	"directives" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"launched_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "movements_period" CHECK ("movements"."period_to" >= "movements"."period_from"),
	CONSTRAINT "movements_kind" CHECK ("movements"."kind" in ('regular', 'thematic')),
	CONSTRAINT "movements_status" CHECK ("movements"."status" in ('draft', 'launched', 'closed')),
	CONSTRAINT "movements_target_kind" CHECK ("movements"."target_kind" in ('block', 'subtree', 'list'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"recipient_kind" text NOT NULL,
	"person_id" uuid,
	"award_code" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "registration_items_recipient" CHECK (("registration_items"."recipient_kind" = 'individual' and "registration_items"."person_id" is not null)
       or ("registration_items"."recipient_kind" = 'collective' and "registration_items"."person_id" is null))
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"forwarded" boolean DEFAULT false NOT NULL,
	"forwarded_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "registrations_status" CHECK ("registrations"."status" in ('draft', 'submitted', 'returned', 'approved'))
);
--> statement-breakpoint
ALTER TABLE "movement_indicators" ADD CONSTRAINT "movement_indicators_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_results" ADD CONSTRAINT "movement_results_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_results" ADD CONSTRAINT "movement_results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_results" ADD CONSTRAINT "movement_results_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_targets" ADD CONSTRAINT "movement_targets_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_targets" ADD CONSTRAINT "movement_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_launching_unit_id_units_id_fk" FOREIGN KEY ("launching_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_target_block_id_blocks_id_fk" FOREIGN KEY ("target_block_id") REFERENCES "public"."blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_target_root_unit_id_units_id_fk" FOREIGN KEY ("target_root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_items" ADD CONSTRAINT "registration_items_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_items" ADD CONSTRAINT "registration_items_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "movement_indicators_code_key" ON "movement_indicators" USING btree ("movement_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "movement_results_key" ON "movement_results" USING btree ("movement_id","unit_id");--> statement-breakpoint
CREATE INDEX "movement_targets_unit_idx" ON "movement_targets" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "movements_year_idx" ON "movements" USING btree ("year");--> statement-breakpoint
CREATE INDEX "movements_launching_idx" ON "movements" USING btree ("launching_unit_id");--> statement-breakpoint
CREATE INDEX "notifications_unit_idx" ON "notifications" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "registration_items_reg_idx" ON "registration_items" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "registration_items_person_idx" ON "registration_items" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_unit_year_key" ON "registrations" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "registrations_year_idx" ON "registrations" USING btree ("year","status");