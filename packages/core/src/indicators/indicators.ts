/** The monitoring indicators of domain.md §9 as pure functions over plain report rows. */
import type { TimeZone } from '../calendar/types';
import type { WorkingDays } from '../lifecycle/working-days';
import type { ReportStatus } from '../report/report';
import { DEFAULT_GRADE_SCALE, type Grade, type GradeScale, gradeFor } from './grade';

/** One report as the indicators see it (a split parent is a container and should not be passed in). */
export interface IndicatorRow {
  status: ReportStatus;
  dispositionedAt: Date | null;
  acknowledgedAt: Date | null;
  firstFollowUpAt: Date | null;
  resolvedAt: Date | null;
  /** The holder and its ancestors, to select an institution with or without its subtree. */
  holderId?: string | null;
  holderAncestorIds?: readonly string[];
  /** The holder's time zone and region for working-day counts; WIB and no region when absent. */
  timeZone?: TimeZone;
  regionCode?: string | null;
}

/** Which rows count: an institution (optionally with its subtree) and a period of disposition dates, `[from, to)`. */
export interface RowSelection {
  institutionId?: string;
  includeSubtree?: boolean;
  period?: { from: Date; to: Date };
}

/** The status breakdown of the received reports; the five parts add up to `received`. */
export interface StatusCounts {
  received: number;
  resolved: number;
  inProcess: number;
  notFollowedUp: number;
  onHold: number;
  archived: number;
}

/** All indicators of one institution and period. */
export interface Indicators extends StatusCounts {
  /** resolved / received × 100, two decimals; null when nothing was received. */
  completionRate: number | null;
  /** (resolved + in_process) / received × 100, two decimals; null when nothing was received. */
  followUpRate: number | null;
  /** Mean working days from disposition to the first published follow-up, one decimal; null when none has one. */
  averageFollowUpSpeed: number | null;
  grade: Grade | null;
}

/** The rows of an institution (with or without its subtree) dispositioned in a period. */
export function selectRows<R extends IndicatorRow>(rows: readonly R[], selection: RowSelection = {}): R[] {
  const { institutionId, includeSubtree = false, period } = selection;
  return rows.filter((row) => {
    if (institutionId !== undefined) {
      const own = row.holderId === institutionId;
      const below = includeSubtree && (row.holderAncestorIds ?? []).includes(institutionId);
      if (!own && !below) return false;
    }
    if (period !== undefined) {
      const at = row.dispositionedAt?.getTime();
      if (at === undefined || at < period.from.getTime() || at >= period.to.getTime()) return false;
    }
    return true;
  });
}

/** The part of the received reports a report falls in; null when it was not received (never dispositioned). */
export type IndicatorBucket = 'resolved' | 'in_process' | 'not_followed_up' | 'on_hold' | 'archived';

/** Which part of the received reports a row counts in: every received report falls in exactly one. */
export function bucketOf(
  row: Pick<IndicatorRow, 'status' | 'dispositionedAt' | 'acknowledgedAt' | 'firstFollowUpAt'>,
): IndicatorBucket | null {
  if (row.dispositionedAt === null) return null;
  if (row.status === 'resolved') return 'resolved';
  if (row.status === 'on_hold') return 'on_hold';
  if (row.status === 'archived') return 'archived';
  if (row.acknowledgedAt !== null || row.firstFollowUpAt !== null) return 'in_process';
  return 'not_followed_up';
}

const COUNT_OF: Record<IndicatorBucket, Exclude<keyof StatusCounts, 'received'>> = {
  resolved: 'resolved',
  in_process: 'inProcess',
  not_followed_up: 'notFollowedUp',
  on_hold: 'onHold',
  archived: 'archived',
};

/** Counts received reports (those dispositioned) by their state; every received report falls in exactly one part. */
export function countStatuses(rows: readonly IndicatorRow[]): StatusCounts {
  const counts: StatusCounts = {
    received: 0,
    resolved: 0,
    inProcess: 0,
    notFollowedUp: 0,
    onHold: 0,
    archived: 0,
  };
  for (const row of rows) {
    const bucket = bucketOf(row);
    if (bucket === null) continue;
    counts.received += 1;
    counts[COUNT_OF[bucket]] += 1;
  }
  return counts;
}

/** part / whole × 100 rounded half up to two decimals (49 of 92 → 53.26); null when whole is 0. */
export function percentage(part: number, whole: number): number | null {
  if (whole === 0) return null;
  // Integer numerator first, so the only rounding is the one we ask for.
  return Math.round((part * 10_000) / whole) / 100;
}

/** Completion rate: resolved / received × 100, two decimals. */
export function completionRate(counts: StatusCounts): number | null {
  return percentage(counts.resolved, counts.received);
}

/** Follow-up rate: (resolved + in_process) / received × 100, two decimals. */
export function followUpRate(counts: StatusCounts): number | null {
  return percentage(counts.resolved + counts.inProcess, counts.received);
}

/**
 * Working days from disposition to the first published follow-up in the holder's zone; null without one. A
 * follow-up before the disposition cannot happen (a forward clears the previous holder's): it throws rather than
 * count someone else's follow-up as 0 days.
 */
export function followUpWorkingDays(
  row: Pick<IndicatorRow, 'dispositionedAt' | 'firstFollowUpAt' | 'timeZone' | 'regionCode'>,
  calendar: WorkingDays,
): number | null {
  if (row.dispositionedAt === null || row.firstFollowUpAt === null) return null;
  if (row.firstFollowUpAt.getTime() < row.dispositionedAt.getTime())
    throw new Error(
      `First follow-up ${row.firstFollowUpAt.toISOString()} precedes the disposition ${row.dispositionedAt.toISOString()}`,
    );
  const tz = row.timeZone ?? 'Asia/Jakarta';
  return calendar.elapsedWorkingDays(row.dispositionedAt, row.firstFollowUpAt, tz, row.regionCode ?? null);
}

/** A mean rounded half up to one decimal from its sum and count (rollups keep both); null when count is 0. */
export function meanOneDecimal(total: number, count: number): number | null {
  return count === 0 ? null : Math.round((total * 10) / count) / 10;
}

/** Average follow-up speed (rata-rata laju tindak lanjut): mean working days from disposition to first follow-up, one decimal. */
export function averageFollowUpSpeed(rows: readonly IndicatorRow[], calendar: WorkingDays): number | null {
  let total = 0;
  let count = 0;
  for (const row of rows) {
    const days = followUpWorkingDays(row, calendar);
    if (days === null) continue;
    total += days;
    count += 1;
  }
  return meanOneDecimal(total, count);
}

/** Counts and sums as a rollup keeps them: enough to give every ratio indicator exactly. */
export interface IndicatorTotals extends StatusCounts {
  /** Received reports with a first follow-up, and the sum of their working days to it. */
  followUpCount: number;
  followUpDays: number;
}

/** The ratio indicators and the grade from rollup totals; equal to computeIndicators over the same rows. */
export function indicatorsFromTotals(
  totals: IndicatorTotals,
  gradeScale: GradeScale = DEFAULT_GRADE_SCALE,
): Indicators {
  const { followUpCount, followUpDays, ...counts } = totals;
  const completion = completionRate(counts);
  const followUp = followUpRate(counts);
  return {
    ...counts,
    completionRate: completion,
    followUpRate: followUp,
    averageFollowUpSpeed: meanOneDecimal(followUpDays, followUpCount),
    grade: gradeFor(gradeScale.basis === 'completionRate' ? completion : followUp, gradeScale),
  };
}

/** Every indicator of §9 for the selected rows, graded on the configured scale. */
export function computeIndicators(
  rows: readonly IndicatorRow[],
  options: RowSelection & { calendar: WorkingDays; gradeScale?: GradeScale },
): Indicators {
  const selected = selectRows(rows, options);
  const counts = countStatuses(selected);
  const completion = completionRate(counts);
  const followUp = followUpRate(counts);
  const scale = options.gradeScale ?? DEFAULT_GRADE_SCALE;
  return {
    ...counts,
    completionRate: completion,
    followUpRate: followUp,
    averageFollowUpSpeed: averageFollowUpSpeed(selected, options.calendar),
    grade: gradeFor(scale.basis === 'completionRate' ? completion : followUp, scale),
  };
}
