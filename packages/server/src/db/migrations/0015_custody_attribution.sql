-- Issue 10, ADR 0009: a holder's facts are its own. Before this, a forward kept the previous holder's first
-- follow-up and reopens in the report's projection (and a split child its parent's). Recompute both from the
-- events of the current custody — from the last verify or not-our-authority on — as the core now keeps them.
WITH custody AS (
  SELECT e.report_id, max(e.seq) AS since FROM events e
  WHERE e.action IN ('verify', 'not_our_authority') GROUP BY e.report_id
), own AS (
  SELECT c.report_id,
    (SELECT min(e.at) FROM events e WHERE e.report_id = c.report_id AND e.seq >= c.since
      AND e.action IN ('post_follow_up', 'approve_follow_up')) AS first_follow_up,
    (SELECT count(*) FROM events e WHERE e.report_id = c.report_id AND e.seq >= c.since
      AND e.action = 'reopen')::int AS reopens
  FROM custody c
)
UPDATE "reports" r SET "lifecycle" = r."lifecycle" || jsonb_build_object(
    'firstFollowUpAt', to_char(o.first_follow_up AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'reopenCount', o.reopens)
FROM own o
WHERE r.id = o.report_id AND ((r."lifecycle"->>'firstFollowUpAt')::timestamptz IS DISTINCT FROM o.first_follow_up
  OR (r."lifecycle"->>'reopenCount')::int IS DISTINCT FROM o.reopens);
--> statement-breakpoint
-- The monitoring facts and rollups counted those, and every completed stage clock of a report: drop them, and
-- start-up rebuilds them once with the new rules (`rebuildIfMissing`). Staff activity (stats_activity) stays.
TRUNCATE "stats_report_facts", "stats_daily", "stats_monthly", "stats_monthly_national";
