-- ADR 0015: the staff overdue queue (most overdue first across the staff-clock statuses) and the public list (newest first,
-- nationally and by province or regency prefix, public reports only).
CREATE INDEX "reports_clock_due_idx" ON "reports" USING btree ("due_at","created_at","id") WHERE "reports"."status" in ('submitted', 'dispositioned', 'in_progress');--> statement-breakpoint
CREATE INDEX "reports_public_created_idx" ON "reports" USING btree ("created_at","id") WHERE not "reports"."is_confidential" and not "reports"."moderation_hidden";--> statement-breakpoint
CREATE INDEX "reports_public_province_idx" ON "reports" USING btree (left("region_code", 2),"created_at","id") WHERE not "reports"."is_confidential" and not "reports"."moderation_hidden";--> statement-breakpoint
CREATE INDEX "reports_public_regency_idx" ON "reports" USING btree (left("region_code", 5),"created_at","id") WHERE not "reports"."is_confidential" and not "reports"."moderation_hidden";