/**
 * What a holiday change moves, recomputed from the anchors the core counted from, inside the caller's transaction:
 * - a running stage not yet past its deadline: `anchor_days` working days from `anchor_at` (the start, or the
 *   resume after a hold);
 * - a paused stage (a hold): its deadline as above and the working days it had left at the pause, which the
 *   resume counts from (core `pauseClock`: 0 when paused at or after the deadline);
 * - an open reopen window: `reopenWindow` working days from the resolution. The rating window is 30 calendar days
 *   (domain.md §5, core `ratingWindowDays`): no holiday moves it.
 * Only rows whose span comes within two days of a changed date are looked at. Each report is locked, changed
 * through saveTransition (no event: the audit row is the record) and its paused stage row updated.
 */
import {
  DEFAULT_SLA,
  type ReportState,
  type SlaTable,
  type TimeZone,
  type WorkingDayCalendar,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { loadReportState, saveTransition } from '../../db/postgres-lifecycle';

export interface AffectedDeadline {
  trackingId: string;
  /** The stage, or `reopen_window`. */
  stage: string;
  from: string;
  to: string;
  /** For a paused stage: the working days left at the pause, before and after. */
  remainingDays?: { from: number; to: number };
}

interface StageAnchor {
  id: number;
  stage: string;
  startedAt: string;
  anchorAt: string;
  anchorDays: number;
  pausedAt: string | null;
  timeZone: TimeZone;
  regionCode: string | null;
}

const iso = (d: Date) => d.toISOString();

/** Recomputes every open deadline a change of the holidays on `dates` may move; returns those that moved. */
export async function recomputeDeadlines(
  tx: Db,
  calendar: WorkingDayCalendar,
  dates: string[],
  now: Date,
  sla: SlaTable = DEFAULT_SLA,
): Promise<AffectedDeadline[]> {
  const sorted = [...dates].sort();
  const lo = sorted[0]!;
  const hi = sorted.at(-1)!;
  const res = await tx.execute(sql`select distinct r.tracking_id as "trackingId" from reports r
    where r.id in (select s.report_id from sla_stage_clocks s
        where s.completed_at is null and (s.paused_at is not null or s.due_at > ${iso(now)}::timestamptz)
          and s.anchor_at < (${hi}::date + 2)::timestamptz and s.due_at >= (${lo}::date - 2)::timestamptz)
      or (r.status = 'resolved' and (r.lifecycle->>'reopenUntil')::timestamptz > ${iso(now)}::timestamptz
          and (r.lifecycle->>'resolvedAt')::timestamptz < (${hi}::date + 2)::timestamptz
          and (r.lifecycle->>'reopenUntil')::timestamptz >= (${lo}::date - 2)::timestamptz)
    order by 1`);
  const affected: AffectedDeadline[] = [];
  for (const { trackingId } of res.rows as { trackingId: string }[])
    affected.push(...(await recomputeReport(tx, calendar, trackingId, now, sla)));
  return affected;
}

async function recomputeReport(
  tx: Db,
  calendar: WorkingDayCalendar,
  trackingId: string,
  now: Date,
  sla: SlaTable,
): Promise<AffectedDeadline[]> {
  await tx.execute(sql`select id from reports where tracking_id = ${trackingId} for update`);
  const report = await loadReportState(tx, trackingId);
  if (!report) return [];
  const rows = (
    await tx.execute(sql`select id::int as id, stage, started_at as "startedAt", anchor_at as "anchorAt",
        anchor_days as "anchorDays", paused_at as "pausedAt", time_zone as "timeZone", region_code as "regionCode"
      from sla_stage_clocks where report_id = ${report.id} and completed_at is null`)
  ).rows as unknown as StageAnchor[];
  const rowOf = (c: { stage: string; startedAt: Date }) =>
    rows.find((r) => r.stage === c.stage && new Date(r.startedAt).getTime() === c.startedAt.getTime());
  const dueFrom = (r: StageAnchor) =>
    calendar.addWorkingDays(new Date(r.anchorAt), r.anchorDays, r.timeZone, r.regionCode);
  const state: ReportState = structuredClone(report.state);
  const moved: AffectedDeadline[] = [];
  let pausedRow: { id: number; due: Date; remaining: number } | null = null;

  const running = state.clock && rowOf(state.clock);
  if (state.clock && running && state.clock.dueAt.getTime() > now.getTime()) {
    const due = dueFrom(running);
    if (due.getTime() !== state.clock.dueAt.getTime()) {
      moved.push({ trackingId, stage: state.clock.stage, from: iso(state.clock.dueAt), to: iso(due) });
      state.clock = { ...state.clock, dueAt: due };
    }
  }
  const p = state.pausedClock;
  const held = p && rowOf(p);
  if (p && held) {
    const due = dueFrom(held);
    const { timeZone, regionCode } = state.holder;
    const remaining =
      p.pausedAt.getTime() < due.getTime()
        ? Math.max(0, calendar.elapsedWorkingDays(p.pausedAt, due, timeZone, regionCode))
        : 0;
    if (due.getTime() !== p.dueAt.getTime() || remaining !== p.remainingWorkingDays) {
      moved.push({
        trackingId,
        stage: p.stage,
        from: iso(p.dueAt),
        to: iso(due),
        remainingDays: { from: p.remainingWorkingDays, to: remaining },
      });
      state.pausedClock = { ...p, dueAt: due, remainingWorkingDays: remaining };
      pausedRow = { id: held.id, due, remaining };
    }
  }
  if (state.status === 'resolved' && state.reopenUntil && state.resolvedAt && state.reopenUntil > now) {
    const { timeZone, regionCode } = state.holder;
    const until = calendar.addWorkingDays(state.resolvedAt, sla.reopenWindow, timeZone, regionCode);
    if (until.getTime() !== state.reopenUntil.getTime()) {
      moved.push({ trackingId, stage: 'reopen_window', from: iso(state.reopenUntil), to: iso(until) });
      state.reopenUntil = until;
    }
  }
  if (moved.length === 0) return [];
  const saved = await saveTransition(tx, trackingId, null, state, [], now);
  if (!saved.ok) return [];
  if (pausedRow)
    await tx.execute(sql`update sla_stage_clocks set due_at = ${iso(pausedRow.due)},
      remaining_days = ${pausedRow.remaining} where id = ${pausedRow.id}`);
  return moved;
}
