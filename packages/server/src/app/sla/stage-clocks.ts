/**
 * The stage-clock projection: one `sla_stage_clocks` row per stage of a report, kept in step with the core's
 * `clock` (running) and `pausedClock` (paused by a hold) on every save, inside the saving transaction. A stage is
 * (report, stage, started_at): pause, resume, comment and escalation keep its start; only the action that replaces
 * or stops the clock completes it. The core does the deadline maths; this only records it.
 */
import type { ReportState, StageClock } from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import { reviveState } from '../../db/lifecycle-codec';
import type { Db } from '../../db/open';

const iso = (d: Date) => d.toISOString();

/** The first instant the sweep must look at a fresh or changed running stage: its reminder, or its breach. */
const CHEAP_NEXT = sql`case when sla_stage_clocks.reminded_at is null
  then excluded.due_at - interval '1 day' + interval '1 millisecond'
  else excluded.due_at + interval '1 millisecond' end`;

function sameStage(c: StageClock): SQL {
  return sql`(stage = ${c.stage} and started_at = ${iso(c.startedAt)}::timestamptz)`;
}

/**
 * Projects `state`'s clocks onto the report's stage rows at `at`: completes the open rows that are no longer the
 * running or paused clock, pauses and resumes, and upserts the running one. Idempotent.
 */
export async function projectStageClocks(db: Db, reportId: number, state: ReportState, at: Date) {
  const active = [state.clock, state.pausedClock].filter((c): c is StageClock => c !== null);
  const keep = active.length ? sql` and not (${sql.join(active.map(sameStage), sql` or `)})` : sql``;
  await db.execute(sql`update sla_stage_clocks set completed_at = ${iso(at)}, next_at = null,
      breached_at = coalesce(breached_at, case when due_at < ${iso(at)}::timestamptz then due_at end),
      paused_ms = paused_ms + case when paused_at is null then 0
        else greatest(0, (extract(epoch from (${iso(at)}::timestamptz - paused_at)) * 1000)::bigint) end,
      paused_intervals = case when paused_at is null then paused_intervals
        else paused_intervals || jsonb_build_array(jsonb_build_object('from', paused_at, 'to', ${iso(at)}::timestamptz)) end,
      paused_at = null
    where report_id = ${reportId} and completed_at is null${keep}`);
  const h = state.holder;
  const holder = h.institutionId === null ? null : Number(h.institutionId);
  const p = state.pausedClock;
  if (p) {
    await db.execute(sql`insert into sla_stage_clocks (report_id, stage, holder_institution_id, time_zone,
        region_code, started_at, working_days, anchor_at, anchor_days, due_at, paused_at, remaining_days,
        escalation_level, next_at)
      values (${reportId}, ${p.stage}, ${holder}, ${h.timeZone}, ${h.regionCode}, ${iso(p.startedAt)},
        ${p.workingDays}, ${iso(p.startedAt)}, ${p.workingDays}, ${iso(p.dueAt)}, ${iso(p.pausedAt)},
        ${p.remainingWorkingDays}, ${p.escalationLevel}, null)
      on conflict (report_id, stage, started_at) do update set
        paused_at = coalesce(sla_stage_clocks.paused_at, excluded.paused_at),
        remaining_days = excluded.remaining_days, next_at = null,
        escalation_level = greatest(sla_stage_clocks.escalation_level, excluded.escalation_level)`);
  }
  const c = state.clock;
  if (!c) return;
  // A resume: the deadline now counts the remaining days from the resume (core `resumeClock`), unless the stage
  // was paused after its deadline, which a hold never forgives.
  await db.execute(sql`insert into sla_stage_clocks (report_id, stage, holder_institution_id, time_zone,
      region_code, started_at, working_days, anchor_at, anchor_days, due_at, escalation_level, next_at)
    values (${reportId}, ${c.stage}, ${holder}, ${h.timeZone}, ${h.regionCode}, ${iso(c.startedAt)},
      ${c.workingDays}, ${iso(c.startedAt)}, ${c.workingDays}, ${iso(c.dueAt)}, ${c.escalationLevel},
      ${iso(new Date(c.dueAt.getTime() - 86_400_000 + 1))})
    on conflict (report_id, stage, started_at) do update set
      holder_institution_id = excluded.holder_institution_id, time_zone = excluded.time_zone,
      region_code = excluded.region_code, due_at = excluded.due_at,
      escalation_level = greatest(sla_stage_clocks.escalation_level, excluded.escalation_level),
      anchor_at = case when sla_stage_clocks.paused_at is not null and sla_stage_clocks.paused_at < sla_stage_clocks.due_at
        then ${iso(at)}::timestamptz else sla_stage_clocks.anchor_at end,
      anchor_days = case when sla_stage_clocks.paused_at is not null and sla_stage_clocks.paused_at < sla_stage_clocks.due_at
        then coalesce(sla_stage_clocks.remaining_days, 0) else sla_stage_clocks.anchor_days end,
      paused_ms = sla_stage_clocks.paused_ms + case when sla_stage_clocks.paused_at is null then 0
        else greatest(0, (extract(epoch from (${iso(at)}::timestamptz - sla_stage_clocks.paused_at)) * 1000)::bigint) end,
      paused_intervals = case when sla_stage_clocks.paused_at is null then sla_stage_clocks.paused_intervals
        else sla_stage_clocks.paused_intervals || jsonb_build_array(jsonb_build_object(
          'from', sla_stage_clocks.paused_at, 'to', ${iso(at)}::timestamptz)) end,
      paused_at = null, completed_at = null,
      next_at = least(coalesce(sla_stage_clocks.next_at, ${CHEAP_NEXT}), ${CHEAP_NEXT})`);
}

/**
 * Projects every report whose running clock has no open stage row (reports written before the stage clocks
 * existed, or by a path that skipped the projection); run at start, before the catch-up sweep.
 */
export async function backfillStageClocks(db: Db, now: Date, limit = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const res = await db.execute(sql`select r.id::int as id, r.lifecycle from reports r
      where r.due_at is not null and not exists (select 1 from sla_stage_clocks s
        where s.report_id = r.id and s.completed_at is null)
      limit ${limit}`);
    const rows = res.rows as { id: number; lifecycle: unknown }[];
    if (rows.length === 0) return total;
    for (const row of rows) await projectStageClocks(db, row.id, reviveState(row.lifecycle), now);
    total += rows.length;
    if (rows.length < limit) return total;
  }
}
