-- ADR 0014: every rollup key is split into shards. Existing rows become shard 0 (the base); a lifecycle save adds to
-- one of shards 1–16 and readers sum over them. The column comes first, then the keys that include it (drizzle-kit
-- wrote the constraints before the column). Renumbered 0030 after 0029_public_read_indexes.
ALTER TABLE "stats_activity" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_daily" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_monthly" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_monthly_national" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_activity" DROP CONSTRAINT "stats_activity_institution_id_day_actor_role_action_pk";--> statement-breakpoint
ALTER TABLE "stats_daily" DROP CONSTRAINT "stats_daily_institution_id_day_category_id_province_code_pk";--> statement-breakpoint
ALTER TABLE "stats_monthly" DROP CONSTRAINT "stats_monthly_institution_id_month_pk";--> statement-breakpoint
ALTER TABLE "stats_monthly_national" DROP CONSTRAINT "stats_monthly_national_month_category_id_province_code_pk";--> statement-breakpoint
ALTER TABLE "stats_activity" ADD CONSTRAINT "stats_activity_pk" PRIMARY KEY("institution_id","day","actor_role","action","shard");--> statement-breakpoint
ALTER TABLE "stats_daily" ADD CONSTRAINT "stats_daily_pk" PRIMARY KEY("institution_id","day","category_id","province_code","shard");--> statement-breakpoint
ALTER TABLE "stats_monthly" ADD CONSTRAINT "stats_monthly_pk" PRIMARY KEY("institution_id","month","shard");--> statement-breakpoint
ALTER TABLE "stats_monthly_national" ADD CONSTRAINT "stats_monthly_national_pk" PRIMARY KEY("month","category_id","province_code","shard");
