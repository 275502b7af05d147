DROP INDEX "stats_report_facts_open_idx";--> statement-breakpoint
DROP INDEX "stats_report_facts_due_idx";--> statement-breakpoint
CREATE INDEX "stats_report_facts_open_idx" ON "stats_report_facts" USING btree ("disposition_date","institution_id","province_code") WHERE "stats_report_facts"."bucket" in ('in_process', 'not_followed_up', 'on_hold');--> statement-breakpoint
CREATE INDEX "stats_report_facts_due_idx" ON "stats_report_facts" USING btree ("due_at","disposition_date","institution_id","province_code") WHERE "stats_report_facts"."due_at" is not null;