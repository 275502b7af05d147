/**
 * The stage-clock projector: one `sla_stage_clocks` row per stage of a report, kept in step with the core's `clock`
 * (running) and `pausedClock` (paused by a hold) on every save, inside the saving transaction. A stage is (report,
 * stage, started_at): pause, resume, comment and escalation keep its start; only the action that replaces or stops
 * the clock completes it. The rows come from core `stageClockRows`; this merges them into the stored ones.
 */
import {
  activeStages,
  breachCheckAt,
  type Projector,
  type ReportState,
  type StageClockRow,
  stageClockRows,
} from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import { reviveState } from './lifecycle-codec';
import type { Db } from './open';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

function insertRow(reportId: number, r: StageClockRow): SQL {
  return sql`insert into sla_stage_clocks (report_id, stage, holder_institution_id, time_zone, region_code,
      started_at, working_days, anchor_at, anchor_days, due_at, paused_at, remaining_days, escalation_level, next_at)
    values (${reportId}, ${r.stage}, ${r.holderInstitutionId}, ${r.timeZone}, ${r.regionCode}, ${iso(r.startedAt)},
      ${r.workingDays}, ${iso(r.anchorAt)}, ${r.anchorDays}, ${iso(r.dueAt)}, ${isoOrNull(r.pausedAt)},
      ${r.remainingDays}, ${r.escalationLevel}, ${isoOrNull(r.nextAt)})`;
}

/** Paused time of a row of table `t` that is resumed or completed at `at`: its ms and its intervals. */
function pausedUntil(t: 'sla_stage_clocks', at: Date) {
  const c = (col: string) => sql.raw(`${t}.${col}`);
  const until = sql`${iso(at)}::timestamptz`;
  return {
    ms: sql`${c('paused_ms')} + case when ${c('paused_at')} is null then 0
      else greatest(0, (extract(epoch from (${until} - ${c('paused_at')})) * 1000)::bigint) end`,
    intervals: sql`case when ${c('paused_at')} is null then ${c('paused_intervals')}
      else ${c('paused_intervals')} || jsonb_build_array(jsonb_build_object('from', ${c('paused_at')}, 'to', ${until})) end`,
  };
}

/**
 * Projects `state`'s clocks onto the report's stage rows at `at`: completes the open rows that are no longer the
 * running or paused clock, pauses and resumes, and upserts the running one. Idempotent.
 */
export async function projectStageClocks(db: Db, reportId: number, state: ReportState, at: Date) {
  const active = activeStages(state).map(
    (c) => sql`(stage = ${c.stage} and started_at = ${iso(c.startedAt)}::timestamptz)`,
  );
  const keep = active.length ? sql` and not (${sql.join(active, sql` or `)})` : sql``;
  const closed = pausedUntil('sla_stage_clocks', at);
  const parts: SQL[] = [
    sql`update sla_stage_clocks set completed_at = ${iso(at)}, next_at = null,
      breached_at = coalesce(breached_at, case when due_at < ${iso(at)}::timestamptz then due_at end),
      paused_ms = ${closed.ms}, paused_intervals = ${closed.intervals}, paused_at = null
    where report_id = ${reportId} and completed_at is null${keep}`,
  ];
  const { paused, running } = stageClockRows(state);
  if (paused)
    parts.push(sql`${insertRow(reportId, paused)}
      on conflict (report_id, stage, started_at) do update set
        paused_at = coalesce(sla_stage_clocks.paused_at, excluded.paused_at),
        remaining_days = excluded.remaining_days, next_at = null,
        escalation_level = greatest(sla_stage_clocks.escalation_level, excluded.escalation_level)`);
  if (running) {
    const done = pausedUntil('sla_stage_clocks', at);
    // The sweep's next look: the reminder (core `reminderAt`, the inserted next_at) until it was sent, then the breach.
    const next = sql`case when sla_stage_clocks.reminded_at is null then excluded.next_at
      else ${iso(breachCheckAt(running.dueAt))}::timestamptz end`;
    // A resume: the deadline now counts the remaining days from the resume (core `resumeClock`), unless the stage
    // was paused after its deadline, which a hold never forgives.
    const wasPaused = sql`sla_stage_clocks.paused_at is not null and sla_stage_clocks.paused_at < sla_stage_clocks.due_at`;
    parts.push(sql`${insertRow(reportId, running)}
      on conflict (report_id, stage, started_at) do update set
        holder_institution_id = excluded.holder_institution_id, time_zone = excluded.time_zone,
        region_code = excluded.region_code, due_at = excluded.due_at,
        escalation_level = greatest(sla_stage_clocks.escalation_level, excluded.escalation_level),
        anchor_at = case when ${wasPaused} then ${iso(at)}::timestamptz else sla_stage_clocks.anchor_at end,
        anchor_days = case when ${wasPaused} then coalesce(sla_stage_clocks.remaining_days, 0)
          else sla_stage_clocks.anchor_days end,
        paused_ms = ${done.ms}, paused_intervals = ${done.intervals},
        paused_at = null, completed_at = null,
        next_at = least(coalesce(sla_stage_clocks.next_at, ${next}), ${next})`);
  }
  // One statement, one round trip: its parts write disjoint rows (the update skips the active stages the upserts
  // write), so the shared snapshot of a statement's CTEs changes nothing. A paused and a running clock of the very
  // same stage would be one row written twice: then one statement each, in order.
  const sameRow =
    paused && running && paused.stage === running.stage && +paused.startedAt === +running.startedAt;
  if (sameRow) {
    for (const part of parts) await db.execute(part);
    return;
  }
  const last = parts.pop()!;
  const ctes = parts.map((part, i) => sql`${sql.raw(`s${i}`)} as (${part})`);
  await db.execute(ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ${last}` : last);
}

/** The stage-clock projector of record-transition. */
export const stageClocksProjector: Projector<Db> = {
  name: 'stage-clocks',
  project: (tx, change) => projectStageClocks(tx, change.reportId, change.state, change.at),
};

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
    const rows = res.rows.map((r) => ({ id: Number(r.id), lifecycle: r.lifecycle }));
    if (rows.length === 0) return total;
    for (const row of rows) await projectStageClocks(db, row.id, reviveState(row.lifecycle), now);
    total += rows.length;
    if (rows.length < limit) return total;
  }
}
