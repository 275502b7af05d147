/** The workflow use cases' results as the API shows them: dates as ISO strings, statuses with their labels. */
import { type IdentityReveal, STATUS_LABELS_ID } from '@pintu/core';
import type { ActionOutcome } from '../../app/workflow/act-on-report';
import type { ActionResult, RevealLog } from './workflow.schema';

/** What the caller needs after an action. */
export function presentActionResult(o: ActionOutcome): ActionResult {
  return {
    trackingId: o.trackingId,
    action: o.action,
    status: o.status,
    statusLabel: STATUS_LABELS_ID[o.status],
    institution: o.institution,
    stage: o.stage,
    dueAt: o.dueAt?.toISOString() ?? null,
    workingDaysLeft: o.workingDaysLeft,
    dueNotice: o.dueNotice,
    allowedActions: o.allowedActions,
    warnings: o.warnings,
    children: o.children,
    ...(o.forwardedTo ? { forwardedTo: o.forwardedTo } : {}),
  };
}

/** A page of the identity reveal log. */
export function presentRevealLog(
  log: { items: IdentityReveal[]; total: number },
  page: { page: number; pageSize: number },
): RevealLog {
  return {
    items: log.items.map((r) => ({
      id: r.id,
      trackingId: r.trackingId,
      revealedBy: { userId: r.revealedBy, name: r.revealedByName, role: r.role },
      reason: r.reason,
      at: r.at.toISOString(),
    })),
    page: page.page,
    pageSize: page.pageSize,
    total: log.total,
  };
}
