/**
 * The oversight lists over SQL: reports overdue now and institutions that never answer, within the caller's
 * institutions (`OversightFilter`, decided by core's `oversightFilterOf`).
 */
import type { OverdueRow, OversightFilter, Period, SilentRow } from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { coveringRows } from './postgres-stats';
import { bool, date, ints, num, str, strOrNull, timeZone } from './postgres-stats-rows';

/** The filter on `${alias}.institution_id`: the roots' subtrees (or everything), narrowed to one institution. */
function filterSql(f: OversightFilter, alias: string): SQL {
  const col = sql.raw(`${alias}.institution_id`);
  const inRoots = (roots: readonly number[]) =>
    sql`${col} in (select id from institutions where path && array[${sql.join(
      roots.map((r) => sql`${r}::int`),
      sql`, `,
    )}])`;
  const filter: SQL = f.roots === null ? sql`true` : inRoots(f.roots);
  if (f.within === null) return filter;
  const id = f.within.institutionId;
  const own = f.within.subtree
    ? sql`${col} in (select id from institutions where path @> array[${id}::int])`
    : sql`${col} = ${id}`;
  return sql`${filter} and ${own}`;
}

export async function institutionPath(db: Db, id: number): Promise<number[] | null> {
  const res = await db.execute(sql`select path from institutions where id = ${id}`);
  const row = res.rows[0];
  return row ? ints(row.path) : null;
}

export async function overdueRows(db: Db, filter: OversightFilter, now: Date): Promise<OverdueRow[]> {
  const res = await db.execute(sql`select r.tracking_id as "trackingId", f.institution_id as "institutionId",
      i.name as "institutionName", i.time_zone as "timeZone", i.region_code as "regionCode",
      r.lifecycle->'clock'->>'stage' as stage, f.due_at as "dueAt"
    from stats_report_facts f join reports r on r.id = f.report_id join institutions i on i.id = f.institution_id
    where f.due_at < ${now.toISOString()}::timestamptz and ${filterSql(filter, 'f')}
    order by f.due_at, r.id limit 1000`);
  return res.rows.map((r) => ({
    trackingId: str(r.trackingId),
    institutionId: num(r.institutionId),
    institutionName: str(r.institutionName),
    timeZone: timeZone(r.timeZone),
    regionCode: strOrNull(r.regionCode),
    stage: str(r.stage),
    dueAt: date(r.dueAt),
  }));
}

/**
 * Institutions (nodes) that received reports in the period and published no follow-up on any, most received
 * first, within the filter (on `per.institution_id`).
 */
export async function silentRows(db: Db, filter: OversightFilter, period: Period): Promise<SilentRow[]> {
  const res = await db.execute(sql`with per as (
      select key::int as institution_id, sum(received)::int as received,
        sum(not_followed_up)::int as "notFollowedUp"
      from (${coveringRows({ kind: 'national' }, period, 'institution')}) x
      group by key having sum(received) > 0 and sum(follow_up_count) = 0)
    select per.institution_id as "institutionId", i.name, i.kind, (i.sk_number is not null) as connected,
      per.received, per."notFollowedUp"
    from per join institutions i on i.id = per.institution_id
    where ${filterSql(filter, 'per')}
    order by per.received desc, per.institution_id limit 1000`);
  return res.rows.map((r) => ({
    institutionId: num(r.institutionId),
    name: str(r.name),
    kind: str(r.kind),
    connected: bool(r.connected),
    received: num(r.received),
    notFollowedUp: num(r.notFollowedUp),
  }));
}
