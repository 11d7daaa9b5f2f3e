CREATE TABLE "score_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "score_sheets_status" CHECK ("score_sheets"."status" in ('draft', 'submitted', 'checked'))
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"sheet_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"self_score" numeric(7, 2),
	"checked_score" numeric(7, 2),
	"check_reason" text,
	"checked_by" uuid,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	CONSTRAINT "scores_sheet_id_criterion_id_pk" PRIMARY KEY("sheet_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "scoring_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"max_points" numeric(7, 2) NOT NULL,
	"min_points" numeric(7, 2) DEFAULT 0 NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "scoring_criteria_kind" CHECK ("scoring_criteria"."kind" in ('score', 'bonus', 'penalty', 'group')),
	CONSTRAINT "scoring_criteria_range" CHECK ("scoring_criteria"."min_points" <= "scoring_criteria"."max_points")
);
--> statement-breakpoint
CREATE TABLE "scoring_results" (
	"set_id" uuid PRIMARY KEY NOT NULL,
	"ranking" jsonb NOT NULL,
	"flag_unit_id" uuid,
	"bk_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposal_note" text,
	"proposed_at" timestamp with time zone,
	"proposed_by" uuid,
	"next_lead_unit_id" uuid,
	"next_deputy_unit_id" uuid,
	"next_block_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"block_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"tie_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"copied_from_set_id" uuid,
	"opened_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"meeting_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scoring_sets_status" CHECK ("scoring_sets"."status" in ('draft', 'open', 'locked'))
);
--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_set_id_scoring_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."scoring_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_sheet_id_score_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."score_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_criterion_id_scoring_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."scoring_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_criteria" ADD CONSTRAINT "scoring_criteria_set_id_scoring_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."scoring_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_criteria" ADD CONSTRAINT "scoring_criteria_parent_id_scoring_criteria_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."scoring_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_set_id_scoring_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."scoring_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_flag_unit_id_units_id_fk" FOREIGN KEY ("flag_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_next_lead_unit_id_units_id_fk" FOREIGN KEY ("next_lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_next_deputy_unit_id_units_id_fk" FOREIGN KEY ("next_deputy_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_next_block_id_blocks_id_fk" FOREIGN KEY ("next_block_id") REFERENCES "public"."blocks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_sets" ADD CONSTRAINT "scoring_sets_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_sets" ADD CONSTRAINT "scoring_sets_copied_from_set_id_scoring_sets_id_fk" FOREIGN KEY ("copied_from_set_id") REFERENCES "public"."scoring_sets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_sets" ADD CONSTRAINT "scoring_sets_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "score_sheets_set_unit_key" ON "score_sheets" USING btree ("set_id","unit_id");--> statement-breakpoint
CREATE INDEX "scores_criterion_idx" ON "scores" USING btree ("criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_criteria_set_code_key" ON "scoring_criteria" USING btree ("set_id","code");--> statement-breakpoint
CREATE INDEX "scoring_criteria_parent_idx" ON "scoring_criteria" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_sets_block_key" ON "scoring_sets" USING btree ("block_id");