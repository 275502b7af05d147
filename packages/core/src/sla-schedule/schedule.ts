/**
 * When each thing is due for one open stage: the reminder, the escalation levels, the automatic resolve or
 * archive. Pure; the sweep asks for the next step, applies it when its instant has come, and asks again.
 */
import type { TimeZone } from '../calendar/types';
import { DEFAULT_SLA, type SlaTable, STAFF_STAGES, type Stage } from '../lifecycle/sla';
import type { WorkingDays } from '../lifecycle/working-days';

const DAY_MS = 86_400_000;

/** The stage-clock fields the schedule depends on. */
export interface ClockRow {
  stage: Stage;
  timeZone: TimeZone;
  regionCode: string | null;
  startedAt: Date;
  dueAt: Date;
  pausedAt: Date | null;
  completedAt: Date | null;
  escalationLevel: number;
  remindedAt: Date | null;
}

export type Step =
  | { kind: 'reminder'; at: Date }
  | { kind: 'escalation'; level: 1 | 2 | 3; at: Date }
  | { kind: 'auto_resolve' | 'auto_archive'; at: Date };

/** The start (00:00 local) of the local day whose end is `endOfDay` (fixed offsets: Indonesia has no DST). */
const startOfDay = (endOfDay: Date) => new Date(endOfDay.getTime() - DAY_MS + 1);

/**
 * The next step of a stage, or null (completed, paused, or nothing left). The reminder comes at 00:00 local of the
 * due day, when exactly one working day is left; the breach is the first instant after the deadline (level 1);
 * level 2 and 3 start at 00:00 local of the 2nd and 5th working day after the due date — the instant from which
 * the core's `escalationLevelFor` gives that level. The reporter's timers end in auto-resolve or auto-archive.
 */
export function nextStep(row: ClockRow, calendar: WorkingDays, sla: SlaTable = DEFAULT_SLA): Step | null {
  if (row.completedAt || row.pausedAt) return null;
  if (!row.remindedAt) {
    const at = startOfDay(row.dueAt);
    return { kind: 'reminder', at: new Date(Math.max(at.getTime(), row.startedAt.getTime())) };
  }
  const breach = new Date(row.dueAt.getTime() + 1);
  if (row.stage === 'reporter_response') return { kind: 'auto_resolve', at: breach };
  if (row.stage === 'hold_response') return { kind: 'auto_archive', at: breach };
  if (!STAFF_STAGES.includes(row.stage)) return null;
  if (row.escalationLevel < 1) return { kind: 'escalation', level: 1, at: breach };
  const after = (days: number) =>
    startOfDay(calendar.addWorkingDays(row.dueAt, days, row.timeZone, row.regionCode));
  if (row.escalationLevel < 2) return { kind: 'escalation', level: 2, at: after(sla.escalation.parentAfter) };
  if (row.escalationLevel < 3)
    return { kind: 'escalation', level: 3, at: after(sla.escalation.nationalAfter) };
  return null;
}
