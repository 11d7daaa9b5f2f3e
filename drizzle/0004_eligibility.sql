CREATE TABLE "base_salaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"amount" integer NOT NULL,
	"instrument" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "base_salaries_amount" CHECK ("base_salaries"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "local_rule_packs" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"enabled" boolean DEFAULT false NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "base_salaries_from" ON "base_salaries" USING btree ("effective_from");--> statement-breakpoint
-- The base salaries in force since Nghị định 91/2017 (docs/law-sources.md 11a–11d). Admins add later rows.
INSERT INTO "base_salaries" ("effective_from", "amount", "instrument", "note") VALUES
  ('2018-07-01', 1390000, 'Nghị định 72/2018/NĐ-CP', NULL),
  ('2019-07-01', 1490000, 'Nghị định 38/2019/NĐ-CP', 'Mức 1.600.000 dự kiến từ 01/07/2020 không được thực hiện; giữ đến 30/06/2023'),
  ('2023-07-01', 1800000, 'Nghị định 24/2023/NĐ-CP', NULL),
  ('2024-07-01', 2340000, 'Nghị định 73/2024/NĐ-CP', NULL)
ON CONFLICT DO NOTHING;
