CREATE TABLE "data_key_check" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"sealed" text NOT NULL,
	"fingerprint" text NOT NULL,
	"rotated_at" timestamp with time zone,
	CONSTRAINT "data_key_check_single_row" CHECK ("data_key_check"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_sealed" text;