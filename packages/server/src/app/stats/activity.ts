/**
 * Staff activity and the delay attributed to each holder along forwards (domain.md §5, §9): every lifecycle event
 * is counted in `stats_activity` in the saving transaction; reads sum it over an institution's scope and a period.
 */

import type { LifecycleEvent, Period, StatsScope } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { scopeFilter } from '../../db/stats-scope-filter';

const wibDay = (t: Date) => new Date(t.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Counts the events of one save by the holder at the time (or the actor's institution), in key order. */
export async function recordActivity(db: Db, events: readonly LifecycleEvent[]): Promise<void> {
  const rows = new Map<
    string,
    {
      institution: number;
      day: string;
      role: string;
      action: string;
      n: number;
      boilerplate: number;
      held: number;
    }
  >();
  for (const e of events) {
    const institution = e.holderId ?? e.institutionId;
    if (institution === null || !/^\d+$/.test(institution)) continue;
    const p = e.payload as { boilerplate?: boolean; heldWorkingDays?: number };
    const held = e.type === 'not_our_authority' ? Math.max(0, Number(p.heldWorkingDays ?? 0)) : 0;
    const day = wibDay(e.at);
    const key = `${institution.padStart(10, '0')}|${day}|${e.actorRole}|${e.type}`;
    const row = rows.get(key) ?? {
      institution: Number(institution),
      day,
      role: e.actorRole,
      action: e.type,
      n: 0,
      boilerplate: 0,
      held: 0,
    };
    row.n += 1;
    row.boilerplate += p.boilerplate ? 1 : 0;
    row.held += held;
    rows.set(key, row);
  }
  for (const [, r] of [...rows.entries()].sort(([x], [y]) => (x < y ? -1 : 1)))
    await db.execute(sql`insert into stats_activity (institution_id, day, actor_role, action, events, boilerplate,
        held_days)
      values (${r.institution}, ${r.day}, ${r.role}, ${r.action}, ${r.n}, ${r.boilerplate}, ${r.held})
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
    staffActivity: byRole.rows as Array<{ role: string; action: string; count: number }>,
    boilerplateFollowUps: (totals.rows[0] as { boilerplate: number }).boilerplate,
    forwards: (
      forwards.rows as Array<{
        institutionId: number;
        name: string;
        forwards: number;
        heldWorkingDays: number;
      }>
    ).map((f) => ({ ...f, averageHeldDays: Math.round((f.heldWorkingDays * 10) / f.forwards) / 10 })),
  };
}
