CREATE TABLE "stats_daily" (
	"institution_id" integer NOT NULL,
	"day" date NOT NULL,
	"category_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"in_process" integer DEFAULT 0 NOT NULL,
	"not_followed_up" integer DEFAULT 0 NOT NULL,
	"on_hold" integer DEFAULT 0 NOT NULL,
	"archived" integer DEFAULT 0 NOT NULL,
	"follow_up_count" integer DEFAULT 0 NOT NULL,
	"follow_up_days" bigint DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"verify_met" integer DEFAULT 0 NOT NULL,
	"verify_breached" integer DEFAULT 0 NOT NULL,
	"acknowledge_met" integer DEFAULT 0 NOT NULL,
	"acknowledge_breached" integer DEFAULT 0 NOT NULL,
	"follow_up_met" integer DEFAULT 0 NOT NULL,
	"follow_up_breached" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_daily_institution_id_day_category_id_province_code_pk" PRIMARY KEY("institution_id","day","category_id","province_code")
);
--> statement-breakpoint
CREATE TABLE "stats_monthly" (
	"institution_id" integer NOT NULL,
	"month" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"in_process" integer DEFAULT 0 NOT NULL,
	"not_followed_up" integer DEFAULT 0 NOT NULL,
	"on_hold" integer DEFAULT 0 NOT NULL,
	"archived" integer DEFAULT 0 NOT NULL,
	"follow_up_count" integer DEFAULT 0 NOT NULL,
	"follow_up_days" bigint DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"verify_met" integer DEFAULT 0 NOT NULL,
	"verify_breached" integer DEFAULT 0 NOT NULL,
	"acknowledge_met" integer DEFAULT 0 NOT NULL,
	"acknowledge_breached" integer DEFAULT 0 NOT NULL,
	"follow_up_met" integer DEFAULT 0 NOT NULL,
	"follow_up_breached" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_monthly_institution_id_month_pk" PRIMARY KEY("institution_id","month")
);
--> statement-breakpoint
CREATE TABLE "stats_report_facts" (
	"report_id" bigint PRIMARY KEY NOT NULL,
	"institution_id" integer,
	"disposition_date" date,
	"category_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"bucket" text,
	"follow_up_days" integer,
	"rating" smallint,
	"reopened" smallint DEFAULT 0 NOT NULL,
	"verify_met" smallint DEFAULT 0 NOT NULL,
	"verify_breached" smallint DEFAULT 0 NOT NULL,
	"acknowledge_met" smallint DEFAULT 0 NOT NULL,
	"acknowledge_breached" smallint DEFAULT 0 NOT NULL,
	"follow_up_met" smallint DEFAULT 0 NOT NULL,
	"follow_up_breached" smallint DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "stats_daily_day_idx" ON "stats_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "stats_monthly_month_idx" ON "stats_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "stats_report_facts_institution_idx" ON "stats_report_facts" USING btree ("institution_id","disposition_date");--> statement-breakpoint
CREATE INDEX "stats_report_facts_open_idx" ON "stats_report_facts" USING btree ("disposition_date") WHERE "stats_report_facts"."bucket" in ('in_process', 'not_followed_up', 'on_hold');--> statement-breakpoint
CREATE INDEX "stats_report_facts_due_idx" ON "stats_report_facts" USING btree ("due_at") WHERE "stats_report_facts"."due_at" is not null;