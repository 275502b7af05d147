/**
 * A split parent is resolved by the system once every child is resolved or archived (domain.md §5). The workflow
 * does it after a person closes a child (workflow/act-on-report.ts); the sweep does it here, in the transaction of
 * a child's auto-resolve or auto-archive, so the child and its parent move together. The parent's row is locked
 * before the children's statuses are read, so two children closing at once cannot both see the other still open
 * while holding the parent.
 */
import { applyAction, checkAction, SYSTEM_ACTOR, type WorkingDayCalendar } from '@pintu/core';
import type { Db } from '../../db/open';
import { loadReportState, saveTransition } from '../../db/postgres-lifecycle';
import { lockReport, reportStatuses } from '../../db/postgres-sla-sweep';

/** Resolves `parentTrackingId` at `at` when all its children are closed; true when it did. */
export async function resolveSplitParent(
  tx: Db,
  calendar: WorkingDayCalendar,
  parentTrackingId: string,
  at: Date,
  now: Date,
): Promise<boolean> {
  await lockReport(tx, parentTrackingId);
  const parent = await loadReportState(tx, parentTrackingId);
  if (!parent || parent.state.childIds.length === 0) return false;
  const ctx = { calendar, childStatuses: await reportStatuses(tx, parent.state.childIds) };
  if (!checkAction(parent.state, 'resolve_parent', SYSTEM_ACTOR, ctx).ok) return false;
  const result = applyAction(parent.state, { type: 'resolve_parent' }, SYSTEM_ACTOR, at, ctx);
  if (!result.ok) return false;
  const saved = await saveTransition(
    tx,
    parentTrackingId,
    parent.updatedAt,
    result.report,
    result.events,
    now,
  );
  return saved.ok;
}
