CREATE TABLE "audit_checkpoint_heads" (
	"checkpoint" integer NOT NULL,
	"report_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_checkpoint_heads_checkpoint_report_id_pk" PRIMARY KEY("checkpoint","report_id")
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"seq" integer PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reports" integer NOT NULL,
	"events" bigint NOT NULL,
	"root" text NOT NULL,
	"prev_root" text,
	"public_key" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_checkpoint_heads_report_idx" ON "audit_checkpoint_heads" USING btree ("report_id","checkpoint");