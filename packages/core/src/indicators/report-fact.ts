/**
 * What one report contributes to the monitoring rollups (domain.md §9), derived from its lifecycle state with the
 * same rules as `computeIndicators`, so summing facts gives the same figures as computing over the rows.
 */
import { localDate } from '../calendar/time-zones';
import type { LocalDate } from '../calendar/types';
import type { Stage } from '../lifecycle/sla';
import type { ReportState } from '../lifecycle/state';
import type { WorkingDays } from '../lifecycle/working-days';
import { bucketOf, followUpWorkingDays, type IndicatorBucket, type IndicatorRow } from './indicators';

/** The stages whose deadline the institution owes (the reporter's own stages are not the institution's compliance). */
export const INSTITUTION_STAGES = ['verify', 'acknowledge', 'follow_up'] as const satisfies readonly Stage[];

/** One report's contribution; `bucket` null = not received by anyone (national queue, split parent). */
export interface ReportFact {
  /** The institution or unit that received it (its current holder); null when not received. */
  institutionId: string | null;
  /** Local date of the disposition in the holder's time zone: the period key. */
  dispositionDate: LocalDate | null;
  bucket: IndicatorBucket | null;
  /** Working days from disposition to the first published follow-up; null without one. */
  followUpDays: number | null;
  rating: number | null;
  reopened: boolean;
  /** Deadline of the running institution stage (verify, acknowledge, follow-up), for "overdue now". */
  dueAt: Date | null;
}

/** The indicator row of a report state (what `computeIndicators` takes). */
export function indicatorRowOf(state: ReportState): IndicatorRow {
  return {
    status: state.status,
    // A split parent is only a container: its children are counted.
    dispositionedAt: state.childIds.length > 0 ? null : state.dispositionedAt,
    acknowledgedAt: state.acknowledgedAt,
    firstFollowUpAt: state.firstFollowUpAt,
    resolvedAt: state.resolvedAt,
    holderId: state.holder.institutionId,
    holderAncestorIds: state.holder.ancestorIds,
    timeZone: state.holder.timeZone,
    regionCode: state.holder.regionCode,
  };
}

/** The fact of a report; `calendar` is only read when the report has a follow-up to count. */
export function reportFactOf(state: ReportState, calendar: WorkingDays): ReportFact {
  const row = indicatorRowOf(state);
  const bucket = bucketOf(row);
  // A program that keeps its grievances out of the normal evaluation (issue 15), and confirmed spam or abuse
  // (docs/abuse.md): they count for no institution. A flag alone changes no figure.
  if (
    bucket === null ||
    row.dispositionedAt === null ||
    state.program?.countsInEvaluation === false ||
    state.moderation?.status === 'confirmed'
  )
    return {
      institutionId: null,
      dispositionDate: null,
      bucket: null,
      followUpDays: null,
      rating: null,
      reopened: false,
      dueAt: null,
    };
  const stage = state.clock?.stage as (typeof INSTITUTION_STAGES)[number] | undefined;
  return {
    institutionId: row.holderId ?? null,
    dispositionDate: localDate(row.dispositionedAt, row.timeZone ?? 'Asia/Jakarta'),
    bucket,
    followUpDays: followUpWorkingDays(row, calendar),
    rating: state.rating,
    reopened: state.reopenCount > 0,
    dueAt: stage && INSTITUTION_STAGES.includes(stage) ? (state.clock?.dueAt ?? null) : null,
  };
}

/** Whether a fact needs the calendar (it has a follow-up to count). */
export function factNeedsCalendar(state: ReportState): boolean {
  return state.childIds.length === 0 && state.dispositionedAt !== null && state.firstFollowUpAt !== null;
}
