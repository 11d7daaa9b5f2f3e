ALTER TABLE "councils" ADD COLUMN "quorum_numerator" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "quorum_denominator" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "quorum_counts_written" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_quorum" CHECK ("councils"."quorum_numerator" > 0 and "councils"."quorum_denominator" > 0 and "councils"."quorum_numerator" <= "councils"."quorum_denominator");