/**
 * Staff activity (domain.md §5, §9): the rows core `activityRows` computes from a save's events, added to
 * `stats_activity` by the stats-rollup projector's write (to its leased shard, ADR 0014); and the read that sums
 * them over a scope and a period, all shards together.
 */
import type { ActivityRow, Period, StatsScope } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { scopeFilter } from './stats-scope-filter';

/** A save's activity rows as the JSON array `activityUpsertText` reads. */
export function activityJson(rows: readonly ActivityRow[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      institution_id: r.institutionId,
      day: r.day,
      actor_role: r.actorRole,
      action: r.action,
      events: r.events,
      boilerplate: r.boilerplate,
      held_days: r.heldDays,
    })),
  );
}

/**
 * The statement adding the rows of `json` (SQL text of a JSON array, `activityJson`) to the activity counts of
 * `shard` (SQL text), in key order; no `returning`, so the saving write runs it as one of its sub-statements.
 */
export function activityUpsertText(json: string, shard: string): string {
  return `insert into stats_activity (institution_id, day, actor_role, action, shard, events, boilerplate,
      held_days)
    select x.institution_id, x.day, x.actor_role, x.action, ${shard}, x.events, x.boilerplate, x.held_days
    from json_to_recordset(${json}) as x(institution_id int, day date, actor_role text, action text,
      events int, boilerplate int, held_days bigint)
    order by 1, 2, 3, 4
    on conflict (institution_id, day, actor_role, action, shard) do update set
      events = stats_activity.events + excluded.events,
      boilerplate = stats_activity.boilerplate + excluded.boilerplate,
      held_days = stats_activity.held_days + excluded.held_days`;
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
