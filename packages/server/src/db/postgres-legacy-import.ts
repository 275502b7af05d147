/**
 * The legacy import's storage (core port `LegacyImports`, issue 15). The bulk writer stores a batch of reports in ONE
 * statement — one transaction: the reports (skipping a (source, legacy id) already stored), then, for the reports
 * it inserted only, their events, stage clocks and facts, the rollup deltas summed per key and applied once, and the
 * activity. A killed run loses at most the batch in flight, whole; the next run skips what was committed.
 */
import {
  COUNTER_COLUMNS,
  type ImportedReport,
  type ImportReference,
  type LegacyImports,
  type WorkingDays,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import { importRows } from './legacy-import-rows';
import type { Db } from './open';
import { prepared } from './prepared';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** One report as the statement reads it (json_to_recordset), with its projected rows as JSON arrays. */
function reportJson(r: ImportedReport, calendar: WorkingDays): Record<string, unknown> {
  const rows = importRows(r, calendar);
  const s = r.final;
  const f = rows.fact;
  return {
    tracking_id: r.trackingId,
    type: r.type,
    title: r.title,
    body: r.body,
    incident_date: r.incidentDate,
    region_code: r.regionCode,
    category_id: r.categoryId,
    requested_institution_id: r.requestedInstitutionId,
    institution_id: s.holder.institutionId === null ? null : Number(s.holder.institutionId),
    status: s.status,
    due_at: iso(s.clock?.dueAt ?? null),
    lifecycle: s,
    created_at: r.steps[0]!.at.toISOString(),
    updated_at: rows.updatedAt.toISOString(),
    legacy_source: r.source,
    legacy_id: r.legacyId,
    events: rows.events,
    clocks: rows.clocks,
    fact: f && {
      institution_id: Number(f.fact.institutionId),
      day: f.fact.dispositionDate,
      bucket: f.fact.bucket,
      follow_up_days: f.fact.followUpDays,
      rating: f.fact.rating,
      reopened: f.fact.reopened ? 1 : 0,
      due_at: iso(f.fact.dueAt),
      ...Object.fromEntries(Object.entries(f.stages).map(([k, v]) => [snake(k), v])),
      c: f.counters,
    },
    activity: rows.activity.map((a) => ({
      institution_id: a.institutionId,
      day: a.day,
      actor_role: a.actorRole,
      action: a.action,
      events: a.events,
      boilerplate: a.boilerplate,
      held_days: a.heldDays,
    })),
  };
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const COLS = COUNTER_COLUMNS.join(', ');
const SUMS = COUNTER_COLUMNS.map((_, i) => `sum((f.c->>${i})::bigint)`).join(', ');
const ADD = (t: string) => COUNTER_COLUMNS.map((c) => `${c} = ${t}.${c} + excluded.${c}`).join(', ');

// The batch statement (prepared once per connection: planning it costs as much as a small batch). `j` is each inserted report joined to its JSON; nothing is written for a skipped one. The
// batch arrives as `json`, not `jsonb`: PostgreSQL only checks it and converts each field where it is read (about
// half the CPU of parsing megabytes into jsonb first).
const WRITE = prepared<'batch'>(
  'pintu_legacy_import',
  (p) => `
  with x as (
    select * from json_to_recordset(${p('batch')}::json) as x(tracking_id text, type text, title text, body text,
      incident_date date, region_code text, category_id int, requested_institution_id int, institution_id int,
      status text, due_at timestamptz, lifecycle jsonb, created_at timestamptz, updated_at timestamptz,
      legacy_source text, legacy_id text, events json, clocks json, fact json, activity json)
  ), r as (
    insert into reports (tracking_id, type, title, body, incident_date, region_code, category_id,
      requested_institution_id, institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel,
      language, created_at, updated_at, legacy_source, legacy_id)
    select tracking_id, type, title, body, incident_date, region_code, category_id, requested_institution_id,
      institution_id, status, due_at, lifecycle, true, true, 'import', 'id', created_at, updated_at, legacy_source,
      legacy_id
    from x order by legacy_id
    on conflict (legacy_source, legacy_id) where legacy_id is not null do nothing
    returning id, legacy_id
  ), j as (
    select r.id, x.*, g.province_code from r join x on x.legacy_id = r.legacy_id
      join regions g on g.code = x.region_code
  ), e as (
    insert into events (report_id, seq, action, actor_id, actor_role, institution_id, at, from_status, to_status,
      payload, prev_hash, hash)
    select j.id, v.seq, v.action, v."actorId", v."actorRole", v."institutionId", v.at, v."fromStatus", v."toStatus",
      v.payload, v."prevHash", v.hash
    from j cross join lateral json_to_recordset(j.events) as v(seq int, action text, "actorId" text,
      "actorRole" text, "institutionId" int, at timestamptz, "fromStatus" text, "toStatus" text, payload jsonb,
      "prevHash" text, hash text)
  ), s as (
    insert into sla_stage_clocks (report_id, stage, holder_institution_id, time_zone, region_code, started_at,
      working_days, anchor_at, anchor_days, due_at, paused_at, remaining_days, paused_intervals, paused_ms,
      escalation_level, breached_at, completed_at, next_at)
    select j.id, c.stage, c."holderInstitutionId", c."timeZone", c."regionCode", c."startedAt", c."workingDays",
      c."anchorAt", c."anchorDays", c."dueAt", c."pausedAt", c."remainingDays", c."pausedIntervals", c."pausedMs",
      c."escalationLevel", c."breachedAt", c."completedAt", c."nextAt"
    from j cross join lateral json_to_recordset(j.clocks) as c(stage text, "holderInstitutionId" int,
      "timeZone" text, "regionCode" text, "startedAt" timestamptz, "workingDays" int, "anchorAt" timestamptz,
      "anchorDays" int, "dueAt" timestamptz, "pausedAt" timestamptz, "remainingDays" int, "pausedIntervals" jsonb,
      "pausedMs" bigint, "escalationLevel" smallint, "breachedAt" timestamptz, "completedAt" timestamptz,
      "nextAt" timestamptz)
  ), fx as (
    select j.id, j.category_id, j.province_code, f.* from j cross join lateral json_to_record(j.fact) as f(
      institution_id int, day date, bucket text, follow_up_days int, rating smallint, reopened smallint,
      verify_met smallint, verify_breached smallint, acknowledge_met smallint, acknowledge_breached smallint,
      follow_up_met smallint, follow_up_breached smallint, due_at timestamptz, c json)
    where json_typeof(j.fact) = 'object'
  ), f as (
    insert into stats_report_facts (report_id, institution_id, disposition_date, category_id, province_code, bucket,
      follow_up_days, rating, reopened, verify_met, verify_breached, acknowledge_met, acknowledge_breached,
      follow_up_met, follow_up_breached, due_at)
    select id, institution_id, day, category_id, province_code, bucket, follow_up_days, rating, reopened,
      verify_met, verify_breached, acknowledge_met, acknowledge_breached, follow_up_met, follow_up_breached, due_at
    from fx
  ), daily as (
    -- The rollups and activity go to shard 0, the base (the column's default; ADR 0014), in key order.
    insert into stats_daily (institution_id, day, category_id, province_code, ${COLS})
    select f.institution_id, f.day, f.category_id, f.province_code, ${SUMS} from fx f
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (institution_id, day, category_id, province_code, shard) do update set ${ADD('stats_daily')}
  ), monthly as (
    insert into stats_monthly (institution_id, month, ${COLS})
    select f.institution_id, date_trunc('month', f.day)::date, ${SUMS} from fx f
    group by 1, 2 order by 1, 2
    on conflict (institution_id, month, shard) do update set ${ADD('stats_monthly')}
  ), national as (
    insert into stats_monthly_national (month, category_id, province_code, ${COLS})
    select date_trunc('month', f.day)::date, f.category_id, f.province_code, ${SUMS} from fx f
    group by 1, 2, 3 order by 1, 2, 3
    on conflict (month, category_id, province_code, shard) do update set ${ADD('stats_monthly_national')}
  ), act as (
    insert into stats_activity (institution_id, day, actor_role, action, events, boilerplate, held_days)
    select a.institution_id, a.day, a.actor_role, a.action, sum(a.events), sum(a.boilerplate), sum(a.held_days)
    from j cross join lateral json_to_recordset(j.activity) as a(institution_id int, day date, actor_role text,
      action text, events int, boilerplate int, held_days int)
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (institution_id, day, actor_role, action, shard) do update set
      events = stats_activity.events + excluded.events,
      boilerplate = stats_activity.boilerplate + excluded.boilerplate,
      held_days = stats_activity.held_days + excluded.held_days
  )
  select count(*)::int as written from r`,
);

/** The port over `db`. */
export function postgresLegacyImports(db: Db): LegacyImports {
  return {
    async reference({ institutionCode, regionCode }): Promise<ImportReference> {
      const inst = await db.execute(sql`select id, code, name, acronym, path, time_zone as "timeZone",
          region_code as "regionCode" from institutions
        where ${institutionCode}::text is null
          or path @> array[(select id from institutions where code = ${institutionCode})]
        order by id`);
      const regs = await db.execute(sql`select code, name, level from regions
        where ${regionCode}::text is null or code = ${regionCode} or code like ${`${regionCode ?? ''}.%`}
        order by code`);
      const cats = await db.execute(sql`select id, code, name, default_complexity as "defaultComplexity"
        from categories order by id`);
      return {
        institutions: inst.rows.map((r) => ({
          id: Number(r.id),
          code: String(r.code),
          name: String(r.name),
          acronym: r.acronym == null ? null : String(r.acronym),
          path: (r.path as unknown[]).map(Number),
          timeZone: String(r.timeZone),
          regionCode: r.regionCode == null ? null : String(r.regionCode),
        })),
        regions: regs.rows.map((r) => ({
          code: String(r.code),
          name: String(r.name),
          level: Number(r.level),
        })),
        categories: cats.rows.map((r) => ({
          id: Number(r.id),
          code: String(r.code),
          name: String(r.name),
          defaultComplexity: r.defaultComplexity == null ? null : String(r.defaultComplexity),
        })),
      };
    },

    async imported(source, legacyIds) {
      if (legacyIds.length === 0) return new Set();
      const res = await db.execute(sql`select legacy_id as id from reports where legacy_source = ${source}
        and legacy_id in (select jsonb_array_elements_text(${JSON.stringify(legacyIds)}::jsonb))`);
      return new Set(res.rows.map((r) => String(r.id)));
    },

    async write(reports, calendar) {
      if (reports.length === 0) return 0;
      const json = JSON.stringify(reports.map((r) => reportJson(r, calendar)));
      const rows = await WRITE(db, { batch: json });
      return Number(rows[0]?.written ?? 0);
    },
  };
}
