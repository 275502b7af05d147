/**
 * What staff see of a report in their inbox. There are no reporter fields at all — anonymous or not, identity is
 * for the report page with its own rules (domain.md §7) — only whether the report is anonymous.
 */
import {
  type Actor,
  can,
  deadlineNotice,
  type InboxRow,
  NATIONAL_QUEUE,
  type ReportStatus,
  type ReportType,
  STAFF_CLOCK_STATUSES,
  STATUS_LABELS_ID,
  type TimeZone,
  type WorkingDayCalendar,
} from '@pintu/core';
import type { InboxItem } from './inbox.schema';

/** Due soon: at most this many working days left (0 = due today, 1 = due tomorrow). */
export const DUE_SOON_WORKING_DAYS = 1;

/** One inbox item: content for staff in scope (confidential included), deadline maths in the holder's zone. */
export function presentInboxItem(
  r: InboxRow,
  ctx: {
    actors: readonly Actor[];
    calendar: WorkingDayCalendar;
    decreedYears: ReadonlySet<number>;
    now: Date;
  },
): InboxItem {
  const tz = (r.holderTimeZone ?? NATIONAL_QUEUE.timeZone) as TimeZone;
  const due = r.dueAt ? new Date(r.dueAt) : null;
  const left = due ? ctx.calendar.workingDaysLeft(ctx.now, due, tz, r.holderRegionCode) : null;
  const dueState =
    due === null || left === null
      ? null
      : ctx.now.getTime() > due.getTime()
        ? 'overdue'
        : left <= DUE_SOON_WORKING_DAYS
          ? 'due_soon'
          : 'ok';
  const holderIds = (r.holderPath ?? []).map(String);
  const subject = {
    holder: {
      institutionId: r.holderId === null ? null : String(r.holderId),
      ancestorIds: holderIds.slice(0, -1),
    },
  };
  return {
    trackingId: r.trackingId,
    type: r.type as ReportType,
    title: r.title,
    status: r.status as ReportStatus,
    statusLabel: STATUS_LABELS_ID[r.status as ReportStatus],
    holder: r.holderId === null ? null : { id: r.holderId, name: r.holderName ?? '' },
    category: { id: r.categoryId, name: r.categoryName ?? '' },
    region: { code: r.regionCode, name: r.regionName ?? '' },
    dueAt: due?.toISOString() ?? null,
    workingDaysLeft: left,
    dueState,
    // The inbox row has no stage start: from now to the deadline (for an overdue one, its own day).
    dueNotice: due
      ? deadlineNotice(ctx.now.getTime() < due.getTime() ? ctx.now : due, due, tz, ctx.decreedYears)
      : null,
    // On hold and awaiting the reporter, the running clock is the reporter's (auto-archive / auto-resolve).
    waitingOn: (STAFF_CLOCK_STATUSES as readonly string[]).includes(r.status) ? 'institution' : 'reporter',
    isAnonymous: r.isAnonymous,
    isConfidential: r.isConfidential,
    unattended: r.unattended,
    // Oversight and leadership read; only handlers (any role that may comment internally) act.
    readOnly: !ctx.actors.some((a) => can(a, 'comment_internal', subject)),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
