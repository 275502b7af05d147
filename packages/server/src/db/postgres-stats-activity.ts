/**
 * Staff activity (domain.md §5, §9): the rows core `activityRows` computes from a save's events, added to
 * `stats_activity` in the saving transaction; and the read that sums them over a scope and a period.
 */
import { activityRows, type LifecycleEvent, type Period, type StatsScope } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { scopeFilter } from './stats-scope-filter';

/** Adds one save's events to the activity counts, in key order. */
export async function recordActivity(db: Db, events: readonly LifecycleEvent[]): Promise<void> {
  for (const r of activityRows(events))
    await db.execute(sql`insert into stats_activity (institution_id, day, actor_role, action, events, boilerplate,
        held_days)
      values (${r.institutionId}, ${r.day}, ${r.actorRole}, ${r.action}, ${r.events}, ${r.boilerplate}, ${r.heldDays})
      on conflict (institution_id, day, actor_role, action) do update set
        events = stats_activity.events + excluded.events,
        boilerplate = stats_activity.boilerplate + excluded.boilerplate,
        held_days = stats_activity.held_days + excluded.held_days`);
}

/** Events by role and action, boilerplate follow-ups, and forwards with the days each holder kept the reports. */
export async function activityOf(db: Db, scope: StatsScope, period: Period) {
  if (scope.kind !== 'institution') return null;
  const where = sql`a.day between ${period.from} and ${period.to} and ${scopeFilter(scope, 'a')}`;
  const byRole = await db.execute(sql`select actor_role as role, action, sum(events)::int as count
    from stats_activity a where ${where} and actor_role not in ('guest', 'citizen', 'system')
    group by 1, 2 order by 1, 2`);
  const totals = await db.execute(sql`select coalesce(sum(boilerplate), 0)::int as boilerplate
    from stats_activity a where ${where}`);
  const forwards = await db.execute(sql`select a.institution_id as "institutionId", i.name,
      sum(events)::int as forwards, sum(held_days)::int as "heldWorkingDays"
    from stats_activity a join institutions i on i.id = a.institution_id
    where ${where} and a.action = 'not_our_authority'
    group by 1, 2 order by 4 desc, 1`);
  return {
    staffActivity: byRole.rows.map((r) => ({
      role: String(r.role),
      action: String(r.action),
      count: Number(r.count),
    })),
    boilerplateFollowUps: Number(totals.rows[0]?.boilerplate ?? 0),
    forwards: forwards.rows.map((r) => {
      const f = {
        institutionId: Number(r.institutionId),
        name: String(r.name),
        forwards: Number(r.forwards),
        heldWorkingDays: Number(r.heldWorkingDays),
      };
      return { ...f, averageHeldDays: Math.round((f.heldWorkingDays * 10) / f.forwards) / 10 };
    }),
  };
}
