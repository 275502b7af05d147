CREATE TABLE "lifecycle_status_pairs" (
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	CONSTRAINT "lifecycle_status_pairs_from_status_to_status_pk" PRIMARY KEY("from_status","to_status")
);
--> statement-breakpoint
-- The database enforces the lifecycle (issue 11): an event may only move a report along a (from, to) pair of the
-- core's table, which start-up copies into lifecycle_status_pairs. The opening event (no from) is intake's.
CREATE FUNCTION "events_follow_lifecycle"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM lifecycle_status_pairs p
                 WHERE p.from_status = NEW.from_status AND p.to_status = NEW.to_status) THEN
    RAISE EXCEPTION 'status % -> % is not a transition of the lifecycle', NEW.from_status, NEW.to_status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'events_follow_lifecycle';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "events_follow_lifecycle" BEFORE INSERT ON "events"
  FOR EACH ROW WHEN (NEW.from_status IS NOT NULL) EXECUTE FUNCTION "events_follow_lifecycle"();
