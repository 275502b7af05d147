/**
 * For bench/stats.ts: the national figures recomputed the plain way — one GROUP BY over the reports table, working
 * days counted in SQL over the holidays table. (The data comes from the benchmarks' one generator, generate.ts.)
 */
import { meanOneDecimal, percentage } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../packages/server/src/db/open';

const OPEN_STAGE = sql`status not in ('resolved', 'archived')
  and lifecycle->'clock'->>'stage' in ('verify', 'acknowledge', 'follow_up')`;

interface PlainTotals {
  received: number;
  resolved: number;
  inProcess: number;
  notFollowedUp: number;
  onHold: number;
  archived: number;
  fuCount: number;
  fuDays: number;
  rated: number;
  ratingSum: number;
  overdue: number;
}

/** The national figures and the regional-government ranking straight from `reports`. */
export async function plainGroupBy(db: Db, period: { from: string; to: string }, now: Date) {
  await db.execute(sql`create or replace function bench_working_days(a timestamptz, b timestamptz, tz text,
      region text) returns int language sql stable as $$
    select count(*)::int from generate_series((a at time zone tz)::date + 1, (b at time zone tz)::date,
      interval '1 day') d
    where extract(isodow from d) < 6 and not exists (select 1 from holidays h where h.date = d::date
      and (h.kind <> 'regional' or (region is not null and (region = h.region_code
        or region like h.region_code || '.%')))) $$`);
  // Without regional holidays the working days between two dates are a difference of two running counts (one
  // lookup each), not a day-by-day walk: the same numbers, in seconds rather than minutes over long follow-ups.
  const regional = await db.execute(sql`select exists(select 1 from holidays where kind = 'regional') as r`);
  let workingDays = sql`bench_working_days(disp, fu, tz, region)`;
  if (!(regional.rows[0] as { r: boolean }).r) {
    await db.execute(sql`drop table if exists bench_day_numbers`);
    await db.execute(sql`create table bench_day_numbers as select d::date as day,
        sum(case when extract(isodow from d) < 6 and not exists (select 1 from holidays h where h.date = d::date)
          then 1 else 0 end) over (order by d)::int as n
      from generate_series(date '2000-01-01', date '2100-12-31', interval '1 day') d`);
    await db.execute(sql`alter table bench_day_numbers add primary key (day)`);
    workingDays = sql`coalesce((select n from bench_day_numbers where day = (fu at time zone tz)::date)
      - (select n from bench_day_numbers where day = (disp at time zone tz)::date), 0)`;
  }
  const res = await db.execute(sql`with r as (
      select status, lifecycle, (lifecycle->>'dispositionedAt')::timestamptz as disp,
        (lifecycle->>'firstFollowUpAt')::timestamptz as fu, lifecycle->'holder'->>'timeZone' as tz,
        lifecycle->'holder'->>'regionCode' as region, (lifecycle->'holder'->>'institutionId')::int as holder
      from reports
      where lifecycle->>'dispositionedAt' is not null and jsonb_array_length(lifecycle->'childIds') = 0
    )
    select grouping(root.id) as total, root.id as "rootId", count(*)::int as received,
      count(*) filter (where status = 'resolved')::int as resolved,
      count(*) filter (where status not in ('resolved', 'on_hold', 'archived')
        and (lifecycle->>'acknowledgedAt' is not null or fu is not null))::int as "inProcess",
      count(*) filter (where status not in ('resolved', 'on_hold', 'archived')
        and lifecycle->>'acknowledgedAt' is null and fu is null)::int as "notFollowedUp",
      count(*) filter (where status = 'on_hold')::int as "onHold",
      count(*) filter (where status = 'archived')::int as archived,
      count(fu)::int as "fuCount", coalesce(sum(${workingDays}), 0)::int as "fuDays",
      count(lifecycle->>'rating')::int as rated, coalesce(sum((lifecycle->>'rating')::int), 0)::int as "ratingSum",
      count(*) filter (where ${OPEN_STAGE}
        and (lifecycle->'clock'->>'dueAt')::timestamptz < ${now.toISOString()}::timestamptz)::int as overdue
    from r join institutions i on i.id = r.holder join institutions root on root.id = i.path[1]
    where (disp at time zone tz)::date between ${period.from} and ${period.to}
    group by grouping sets ((), (root.id, root.kind))
    having grouping(root.id) = 1 or root.kind in ('provincial_government', 'regency_government')`);
  const rows = res.rows as unknown as Array<PlainTotals & { total: number; rootId: number | null }>;
  const all = rows.find((r) => r.total === 1)!;
  const ranking = new Map(
    rows
      .filter((r) => r.total === 0)
      .map((r) => [
        r.rootId!,
        {
          received: r.received,
          completionRate: percentage(r.resolved, r.received),
          averageFollowUpSpeed: meanOneDecimal(r.fuDays, r.fuCount),
        },
      ]),
  );
  return {
    ...all,
    completionRate: percentage(all.resolved, all.received),
    followUpRate: percentage(all.resolved + all.inProcess, all.received),
    averageFollowUpSpeed: meanOneDecimal(all.fuDays, all.fuCount),
    overdueNow: all.overdue,
    meanRating: all.rated === 0 ? null : Math.round((all.ratingSum / all.rated) * 100) / 100,
    ranking,
  };
}
