/**
 * The monitoring rollups' change for one report (docs/decisions/0007-stats-rollups.md): its fact is derived again
 * from its state and the rollups change by (new fact − stored fact), so they never drift whatever the transition.
 * Storage reads the stored fact, writes the fact and adds the deltas; the arithmetic is here.
 */

import { localDate } from '../calendar/time-zones';
import type { LocalDate } from '../calendar/types';
import type { StageCompliance } from '../indicators/custody-stages';
import type { ReportFact } from '../indicators/report-fact';
import type { ReportState } from '../lifecycle/state';
import { COUNTER_COLUMNS, type CounterVector, counterVector, isZero, minus, plus } from '../stats/counters';

/** A report's fact as stored, with its stage counts. */
export interface StoredFact {
  fact: ReportFact;
  stages: Record<string, number>;
}

export interface DailyDelta {
  institutionId: number;
  day: LocalDate;
  delta: CounterVector;
}
export interface MonthlyDelta {
  institutionId: number;
  month: LocalDate;
  delta: CounterVector;
}
export interface NationalDelta {
  month: LocalDate;
  delta: CounterVector;
}

/** What to write: the fact to store (null: leave it), and the counter deltas per rollup, in lock order, non-zero. */
export interface RollupChange {
  save: { fact: ReportFact; stages: StageCompliance } | null;
  daily: DailyDelta[];
  monthly: MonthlyDelta[];
  national: NationalDelta[];
}

const zero = (): CounterVector => COUNTER_COLUMNS.map(() => 0);
const time = (d: Date | null) => d?.getTime() ?? null;
const keyOf = (f: ReportFact) =>
  f.institutionId === null || f.dispositionDate === null ? null : `${f.institutionId}|${f.dispositionDate}`;

/**
 * The change from the stored fact (null: none yet) to the new one. Unchanged facts write nothing; a report nobody
 * received that has no stored fact has nothing to store either (intake writes none).
 */
export function rollupChange(
  stored: StoredFact | null,
  fact: ReportFact,
  stages: StageCompliance,
): RollupChange {
  const none: RollupChange = { save: null, daily: [], monthly: [], national: [] };
  const after = counterVector(fact, stages);
  const newKey = keyOf(fact);
  if (stored === null && newKey === null && isZero(after) && fact.dueAt === null) return none;
  const before = stored === null ? null : counterVector(stored.fact, stored.stages);
  const oldKey = stored === null ? null : keyOf(stored.fact);
  if (
    before !== null &&
    oldKey === newKey &&
    isZero(minus(after, before)) &&
    time(stored!.fact.dueAt) === time(fact.dueAt)
  )
    return none;
  const deltas = new Map<string, CounterVector>();
  if (before && oldKey) deltas.set(oldKey, minus(zero(), before));
  if (newKey) deltas.set(newKey, plus(deltas.get(newKey) ?? zero(), after));
  return { save: { fact, stages }, ...splitByRollup(deltas) };
}

/**
 * The deltas per rollup, each sorted by key, so two saves touching the same rows always lock them in the same order
 * and cannot deadlock each other.
 */
function splitByRollup(deltas: Map<string, CounterVector>) {
  const daily = new Map<string, DailyDelta>();
  const monthly = new Map<string, MonthlyDelta>();
  const national = new Map<string, NationalDelta>();
  for (const [key, delta] of deltas) {
    const [id, day] = key.split('|') as [string, string];
    const institutionId = Number(id);
    const month = `${day.slice(0, 7)}-01`;
    const merge = <T extends { delta: CounterVector }>(m: Map<string, T>, k: string, row: T) =>
      m.set(k, m.has(k) ? { ...row, delta: plus(m.get(k)!.delta, delta) } : row);
    merge(daily, `${String(institutionId).padStart(10, '0')}|${day}`, { institutionId, day, delta });
    merge(monthly, `${String(institutionId).padStart(10, '0')}|${month}`, { institutionId, month, delta });
    merge(national, month, { month, delta });
  }
  const sorted = <T extends { delta: CounterVector }>(m: Map<string, T>) =>
    [...m.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row)
      .filter((row) => !isZero(row.delta));
  return { daily: sorted(daily), monthly: sorted(monthly), national: sorted(national) };
}

/**
 * Whether the stored follow-up days can be reused instead of counting them with the calendar: the first follow-up
 * never moves, so the same holder and disposition day give the same number of working days.
 */
export function followUpDaysReusable(state: ReportState, stored: ReportFact | null): boolean {
  const dispositioned = state.dispositionedAt;
  return (
    stored !== null &&
    stored.followUpDays !== null &&
    stored.institutionId === state.holder.institutionId &&
    dispositioned !== null &&
    stored.dispositionDate === localDate(dispositioned, state.holder.timeZone)
  );
}
