CREATE TABLE "federation_authority" (
	"institution_code" text PRIMARY KEY NOT NULL,
	"instance" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "federation_peers" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"public_key" text NOT NULL,
	"state" text NOT NULL,
	"identity_issued_at" timestamp with time zone NOT NULL,
	"trusted_at" timestamp with time zone NOT NULL,
	"trusted_by" text NOT NULL,
	CONSTRAINT "federation_peers_state_check" CHECK ("federation_peers"."state" in ('trusted', 'suspended'))
);
