/** Stage clocks in working days: start, pause with the remaining days, resume; and custody of holders. */
import { copyHolder, type Holder } from './holder';
import type { SlaTable, Stage } from './sla';
import type { CustodySpell, PausedClock, ReportState, StageClock } from './state';
import type { WorkingDays } from './working-days';

/** Starts a stage of `workingDays` working days at `now`, in the holder's time zone and region. */
export function startClock(
  stage: Stage,
  workingDays: number,
  now: Date,
  holder: Holder,
  calendar: WorkingDays,
): StageClock {
  const dueAt = calendar.addWorkingDays(now, workingDays, holder.timeZone, holder.regionCode);
  return { stage, startedAt: now, dueAt, workingDays, escalationLevel: 0 };
}

/** Pauses a clock at `now`, keeping the working days it has left (0 if it was already overdue). */
export function pauseClock(clock: StageClock, now: Date, holder: Holder, calendar: WorkingDays): PausedClock {
  const remaining =
    now.getTime() < clock.dueAt.getTime()
      ? calendar.elapsedWorkingDays(now, clock.dueAt, holder.timeZone, holder.regionCode)
      : 0;
  return { ...clock, pausedAt: now, remainingWorkingDays: Math.max(0, remaining) };
}

/**
 * Resumes a paused clock at `now` with the working days it had left. A clock paused after its deadline keeps that
 * deadline, so a hold never forgives a breach; one paused on its last day gets until the end of the resume day.
 */
export function resumeClock(
  paused: PausedClock,
  now: Date,
  holder: Holder,
  calendar: WorkingDays,
): StageClock {
  const { pausedAt, remainingWorkingDays, ...clock } = paused;
  if (pausedAt.getTime() >= paused.dueAt.getTime()) return clock;
  // n = 0 is the end of the local resume day.
  return {
    ...clock,
    dueAt: calendar.addWorkingDays(now, remainingWorkingDays, holder.timeZone, holder.regionCode),
  };
}

/** Working days of each stage the clock can start, for the action that starts it. */
export function stageDays(stage: Stage, report: ReportState, action: string, sla: SlaTable): number {
  switch (stage) {
    case 'verify':
      return sla.verify;
    case 'acknowledge':
      return sla.acknowledge;
    case 'reporter_response':
      return sla.autoResolve;
    case 'hold_response':
      return sla.holdAutoArchive;
    case 'follow_up':
      if (action === 'reporter_reply') return sla.followUpAfterReply;
      if (action === 'reopen') return sla.followUpAfterReopen;
      return sla.followUp[report.complexity ?? 'simple'];
  }
}

/** Hands the report to a new holder: closes the current custody spell (its working days go to that holder). */
export function moveHolder(report: ReportState, to: Holder, now: Date, calendar: WorkingDays): void {
  if (to.institutionId === report.holder.institutionId) {
    report.holder = copyHolder(to);
    return;
  }
  const open = report.custody.at(-1);
  if (open && open.to === null) {
    open.to = now;
    open.workingDays = elapsed(open.from, now, report.holder, calendar);
  }
  report.custody.push({ institutionId: to.institutionId, from: now, to: null, workingDays: null });
  report.holder = copyHolder(to);
}

function elapsed(from: Date, to: Date, holder: Holder, calendar: WorkingDays): number {
  if (to.getTime() <= from.getTime()) return 0;
  return Math.max(0, calendar.elapsedWorkingDays(from, to, holder.timeZone, holder.regionCode));
}

/** Working days each holder kept the report up to `now`, the open spell counted in the current holder's calendar. */
export function custodyWorkingDays(
  report: ReportState,
  now: Date,
  calendar: WorkingDays,
): Array<{ institutionId: string | null; workingDays: number }> {
  const totals = new Map<string | null, number>();
  for (const spell of report.custody) {
    const days = spell.workingDays ?? elapsed(spell.from, spell.to ?? now, report.holder, calendar);
    totals.set(spell.institutionId, (totals.get(spell.institutionId) ?? 0) + days);
  }
  return [...totals].map(([institutionId, workingDays]) => ({ institutionId, workingDays }));
}

/** A fresh custody list starting with one holder. */
export function firstCustody(holder: Holder, now: Date): CustodySpell[] {
  return [{ institutionId: holder.institutionId, from: now, to: null, workingDays: null }];
}
