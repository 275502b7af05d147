DROP INDEX "reports_institution_status_idx";--> statement-breakpoint
CREATE INDEX "reports_institution_status_idx" ON "reports" USING btree ("institution_id","status","due_at","created_at","id");