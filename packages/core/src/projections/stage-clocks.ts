/**
 * The stage-clock projection's rows (issue 4): what `sla_stage_clocks` holds for a report's running and paused
 * clocks, and when the sweep must first look at a stage. Both writers — a transition's projector and intake's single
 * statement — take their values from here; storage only merges them into the rows it has.
 */
import type { ReportState, StageClock } from '../lifecycle/state';

const DAY_MS = 86_400_000;

/** One `sla_stage_clocks` row as a transition writes it. A stage is (report, stage, startedAt). */
export interface StageClockRow {
  stage: StageClock['stage'];
  holderInstitutionId: number | null;
  timeZone: ReportState['holder']['timeZone'];
  regionCode: string | null;
  startedAt: Date;
  workingDays: number;
  anchorAt: Date;
  anchorDays: number;
  dueAt: Date;
  escalationLevel: number;
  /** Set on the paused clock of a hold. */
  pausedAt: Date | null;
  remainingDays: number | null;
  /** The first instant the sweep looks at it: the reminder of a running stage; none while paused. */
  nextAt: Date | null;
}

/** The reminder instant of a stage: one day before its deadline (the sweep's first look at a fresh stage). */
export const reminderAt = (dueAt: Date): Date => new Date(dueAt.getTime() - DAY_MS + 1);

/** The sweep's look after the reminder was sent: just past the deadline, for the breach. */
export const breachCheckAt = (dueAt: Date): Date => new Date(dueAt.getTime() + 1);

/** The stages a state keeps open; every other open row of the report is completed. */
export function activeStages(state: ReportState): { stage: string; startedAt: Date }[] {
  return [state.clock, state.pausedClock]
    .filter((c): c is StageClock => c !== null)
    .map((c) => ({ stage: c.stage, startedAt: c.startedAt }));
}

/**
 * A clock's row. One literal, not a shared part spread into two: intake calls this per filing, and properties
 * added after a spread cost about a microsecond each.
 */
function clockRow(
  h: ReportState['holder'],
  c: StageClock,
  pausedAt: Date | null,
  remainingDays: number | null,
  nextAt: Date | null,
): StageClockRow {
  return {
    stage: c.stage,
    holderInstitutionId: h.institutionId === null ? null : Number(h.institutionId),
    timeZone: h.timeZone,
    regionCode: h.regionCode,
    startedAt: c.startedAt,
    workingDays: c.workingDays,
    anchorAt: c.startedAt,
    anchorDays: c.workingDays,
    dueAt: c.dueAt,
    escalationLevel: c.escalationLevel,
    pausedAt,
    remainingDays,
    nextAt,
  };
}

/** The rows of a state's running and paused clocks (either may be null). */
export function stageClockRows(state: ReportState): {
  running: StageClockRow | null;
  paused: StageClockRow | null;
} {
  const h = state.holder;
  const p = state.pausedClock;
  const c = state.clock;
  return {
    paused: p ? clockRow(h, p, p.pausedAt, p.remainingWorkingDays, null) : null,
    running: c ? clockRow(h, c, null, null, reminderAt(c.dueAt)) : null,
  };
}
