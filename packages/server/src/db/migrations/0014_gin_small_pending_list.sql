-- Same indexes, with a 64 kB pending list instead of the default 4 MB (see schema.ts): no rebuild needed.
ALTER INDEX "reports_tsv_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "reports_title_trgm_idx" SET (gin_pending_list_limit = 64);
