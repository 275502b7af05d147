CREATE TABLE "stats_activity" (
	"institution_id" integer NOT NULL,
	"day" date NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"boilerplate" integer DEFAULT 0 NOT NULL,
	"held_days" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_activity_institution_id_day_actor_role_action_pk" PRIMARY KEY("institution_id","day","actor_role","action")
);
--> statement-breakpoint
CREATE INDEX "stats_activity_day_idx" ON "stats_activity" USING btree ("day");