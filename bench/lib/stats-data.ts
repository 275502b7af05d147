/**
 * Data for bench/stats.ts: 1 million reports generated in PostgreSQL, and the national figures recomputed the
 * plain way — one GROUP BY over the reports table, working days counted in SQL over the holidays table.
 */
import { meanOneDecimal, percentage } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../packages/server/src/db/open';

/** Adds 2,000 units under regency governments and `n` reports spread over 2025 up to `now`. */
export async function generateReports(db: Db, n: number, now: Date): Promise<void> {
  await db.execute(sql`drop index if exists reports_tsv_idx`);
  await db.execute(sql`drop index if exists reports_title_trgm_idx`);
  await db.execute(sql`insert into institutions (parent_id, path, code, kind, name, region_code, time_zone)
    select p.id, p.path, 'bench-unit-' || g, 'unit', 'Unit ' || g || ' ' || p.name, p.region_code, p.time_zone
    from generate_series(1, 2000) g
      join (select row_number() over (order by id) as k, * from institutions where kind = 'regency_government') p
        on p.k = 1 + (g * 7919) % (select count(*) from institutions where kind = 'regency_government')`);
  await db.execute(sql`update institutions set path = path || id where code like 'bench-unit-%'`);
  await db.execute(sql`create table bench_holders as select row_number() over (order by id) as n, id,
      time_zone as tz, region_code as region, to_jsonb(path[1:cardinality(path) - 1]::text[]) as ancestors
    from institutions where kind in ('regency_government', 'provincial_government', 'ministry', 'agency', 'unit')`);
  await db.execute(sql`create table bench_cats as select row_number() over (order by id) as n, id
    from categories where parent_id is not null`);
  await db.execute(sql`create table bench_regencies as select row_number() over (order by code) as n, code
    from regions where level = 2`);
  await db.execute(sql`insert into reports (tracking_id, type, title, body, incident_date, region_code, category_id,
      institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel, language, created_at,
      updated_at)
    with base as (
      select g, h.id as hid, h.tz, h.region, h.ancestors, c.id as cat, rr.code as rcode,
        timestamptz '2025-01-01 00:00+07' + (random() + g * 0) * (${now.toISOString()}::timestamptz
          - interval '2 days' - timestamptz '2025-01-01 00:00+07') as created,
        random() + g * 0 as u, random() + g * 0 as v, random() + g * 0 as w, random() + g * 0 as q
      from generate_series(1, ${n}) g
        join bench_holders h on h.n = 1 + (g::bigint * 7919) % (select count(*) from bench_holders)
        join bench_cats c on c.n = 1 + (g::bigint * 104729) % (select count(*) from bench_cats)
        join bench_regencies rr on rr.n = 1 + (g::bigint * 15485863) % (select count(*) from bench_regencies)
    ), s as (
      select *, case when u < 0.05 then 'submitted' when u < 0.60 then 'resolved' when u < 0.70 then 'awaiting_reporter'
          when u < 0.78 then 'in_progress' when u < 0.84 then 'dispositioned' when u < 0.87 then 'on_hold'
          when u < 0.93 then 'archived' else 'in_progress' end as status,
        u >= 0.93 as replied
      from base
    ), t as (
      select *, case when status <> 'submitted' then created + v * interval '2 days' end as disp
      from s
    ), a as (
      select *, case when status in ('resolved', 'awaiting_reporter', 'in_progress')
          then disp + (0.1 + w * 3) * interval '1 day' end as ack
      from t
    ), f as (
      select *, case when status in ('resolved', 'awaiting_reporter') or replied
          then ack + q * interval '15 days' end as fu
      from a
    ), l as (
      select *, case status
          when 'submitted' then jsonb_build_object('stage', 'verify', 'dueAt', created + interval '4 days')
          when 'dispositioned' then jsonb_build_object('stage', 'acknowledge', 'dueAt', disp + interval '4 days')
          when 'in_progress' then jsonb_build_object('stage', 'follow_up',
            'dueAt', coalesce(fu, ack) + interval '20 days')
          when 'awaiting_reporter' then jsonb_build_object('stage', 'reporter_response', 'dueAt', fu + interval '14 days')
          when 'on_hold' then jsonb_build_object('stage', 'hold_response', 'dueAt', disp + interval '14 days')
        end as clock
      from f
    )
    select 'BENCH' || g, (array['complaint', 'aspiration', 'information_request'])[1 + g % 3],
      'Jalan rusak di depan pasar kota', 'Lubang besar di jalan depan pasar sudah tiga minggu tidak diperbaiki.',
      '2025-01-01', coalesce(region, rcode), cat, case when status <> 'submitted' then hid end, status,
      (clock->>'dueAt')::timestamptz,
      jsonb_build_object('id', 'BENCH' || g, 'status', status, 'childIds', '[]'::jsonb,
        'holder', case when status = 'submitted'
          then jsonb_build_object('institutionId', null, 'ancestorIds', '[]'::jsonb, 'timeZone', 'Asia/Jakarta',
            'regionCode', null)
          else jsonb_build_object('institutionId', hid::text, 'ancestorIds', ancestors, 'timeZone', tz,
            'regionCode', region) end,
        'submittedAt', created, 'dispositionedAt', disp, 'acknowledgedAt', ack, 'firstFollowUpAt', fu,
        'resolvedAt', case when status = 'resolved' then fu + interval '1 day' end,
        'rating', case when status = 'resolved' and w < 0.7 then 1 + floor(q * 5)::int end,
        'reopenCount', case when status = 'resolved' and v < 0.03 then 1 else 0 end,
        'clock', clock),
      false, g % 7 = 0, 'web', 'id', created, created
    from l`);
}

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
      count(fu)::int as "fuCount", coalesce(sum(bench_working_days(disp, fu, tz, region)), 0)::int as "fuDays",
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
