CREATE TABLE "integration_apps" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"institution_id" integer NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "integration_apps_slug_check" CHECK ("integration_apps"."slug" ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$')
);
--> statement-breakpoint
CREATE TABLE "integration_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"name" text NOT NULL,
	"permissions" text[] NOT NULL,
	"rate_limit" integer DEFAULT 600 NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"rotated_from" text,
	"last_used_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "integration_keys_permissions_check" CHECK ("integration_keys"."permissions" <@ array['reports:file', 'reports:read', 'reports:act', 'webhooks:manage']::text[]),
	CONSTRAINT "integration_keys_rate_check" CHECK ("integration_keys"."rate_limit" between 1 and 100000)
);
--> statement-breakpoint
ALTER TABLE "integration_apps" ADD CONSTRAINT "integration_apps_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_apps" ADD CONSTRAINT "integration_apps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_keys" ADD CONSTRAINT "integration_keys_app_id_integration_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."integration_apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_keys" ADD CONSTRAINT "integration_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "integration_apps_slug_uq" ON "integration_apps" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "integration_apps_institution_idx" ON "integration_apps" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_keys_prefix_uq" ON "integration_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "integration_keys_app_idx" ON "integration_keys" USING btree ("app_id");