/**
 * What a holiday change moves on one report, recomputed from the anchors the core counted from (pure; the
 * server's db/postgres-holidays.ts reads the rows, locks the report and saves what this returns):
 * - a running stage not yet past its deadline: `anchorDays` working days from `anchorAt` (the start, or the
 *   resume after a hold);
 * - a paused stage (a hold): its deadline as above and the working days it had left at the pause, which the
 *   resume counts from (core `pauseClock`: 0 when paused at or after the deadline);
 * - an open reopen window: `reopenWindow` working days from the resolution. The rating window is 30 calendar days
 *   (domain.md §5, core `ratingWindowDays`): no holiday moves it.
 */
import type { TimeZone } from '../calendar/types';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DEFAULT_SLA, type SlaTable } from '../lifecycle/sla';
import type { ReportState } from '../lifecycle/state';

/** One deadline a holiday change moved. */
export interface AffectedDeadline {
  trackingId: string;
  /** The stage, or `reopen_window`. */
  stage: string;
  from: string;
  to: string;
  /** For a paused stage: the working days left at the pause, before and after. */
  remainingDays?: { from: number; to: number };
}

/** An open stage-clock row: where its deadline is counted from. */
export interface StageAnchor {
  id: number;
  stage: string;
  startedAt: Date;
  anchorAt: Date;
  anchorDays: number;
  pausedAt: Date | null;
  timeZone: TimeZone;
  regionCode: string | null;
}

export interface RecomputedDeadlines {
  /** The report's state with its moved deadlines. */
  state: ReportState;
  moved: AffectedDeadline[];
  /** The paused stage's row to update (due and remaining days), when the hold's deadline moved. */
  pausedRow: { id: number; due: Date; remaining: number } | null;
}

const iso = (d: Date) => d.toISOString();

/** The deadlines of `report` under `calendar`; null when none moved. */
export function recomputeReportDeadlines(
  trackingId: string,
  report: ReportState,
  rows: readonly StageAnchor[],
  calendar: WorkingDayCalendar,
  now: Date,
  sla: SlaTable = DEFAULT_SLA,
): RecomputedDeadlines | null {
  const rowOf = (c: { stage: string; startedAt: Date }) =>
    rows.find((r) => r.stage === c.stage && r.startedAt.getTime() === c.startedAt.getTime());
  const dueFrom = (r: StageAnchor) =>
    calendar.addWorkingDays(r.anchorAt, r.anchorDays, r.timeZone, r.regionCode);
  const state: ReportState = structuredClone(report);
  const moved: AffectedDeadline[] = [];
  let pausedRow: RecomputedDeadlines['pausedRow'] = null;

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
  return moved.length ? { state, moved, pausedRow } : null;
}
