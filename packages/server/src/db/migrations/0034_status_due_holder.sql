DROP INDEX "reports_status_due_idx";--> statement-breakpoint
CREATE INDEX "reports_status_due_idx" ON "reports" USING btree ("status","due_at","institution_id");