/** Whether an action is available: policy, then status, then role, then the row's guards; and the UI's button list. */
import { type DomainError, domainError } from '../errors';
import { can } from '../policy/policy';
import type { Actor } from '../policy/roles';
import { nextProgramLevel } from '../programs/program';
import { LIFECYCLE_ACTIONS, type LifecycleActionName } from './actions';
import { DEFAULT_SLA, escalationLevelFor } from './sla';
import type { GuardContext, ReportState } from './state';
import { type Guard, type Transition, transitionsFrom } from './table';

type GuardCheck = (report: ReportState, actor: Actor, ctx: GuardContext) => DomainError | null;

const invalid = (message: string, reason: string) => domainError('INVALID_TRANSITION', message, reason);
const isPast = (due: Date | null | undefined, now: Date | undefined) =>
  due != null && (now === undefined || now.getTime() > due.getTime());
const isOpen = (until: Date | null, now: Date | undefined) =>
  until !== null && (now === undefined || now.getTime() <= until.getTime());

/** The implementation of every guard named in the table. */
const GUARD_CHECKS: Record<Guard, GuardCheck> = {
  has_holder: (report) =>
    report.holder.institutionId === null
      ? invalid('The report is already in the national queue', 'national_queue')
      : null,
  not_split: (report) =>
    report.childIds.length > 0
      ? invalid('A split report is handled through its child reports', 'split_parent')
      : null,
  // After the hop limit only the national admin decides where the report goes (domain.md §5).
  hop_limit: (report, actor, ctx) =>
    actor.role !== 'national_admin' && report.hops >= (ctx.sla ?? DEFAULT_SLA).maxHops
      ? domainError(
          'NOT_ALLOWED',
          'Hop limit reached; only the national admin can move this report',
          'hop_limit_reached',
        )
      : null,
  stage_due: (report, _actor, ctx) =>
    isPast(report.clock?.dueAt, ctx.now) ? null : invalid('The stage deadline has not passed yet', 'not_due'),
  escalation_due: (report, _actor, ctx) => {
    const clock = report.clock;
    if (clock === null || !isPast(clock.dueAt, ctx.now) || clock.escalationLevel >= 3) {
      return invalid('Nothing to escalate', 'nothing_to_escalate');
    }
    if (ctx.now === undefined || ctx.calendar === undefined) return null;
    const overdue = ctx.calendar.elapsedWorkingDays(
      clock.dueAt,
      ctx.now,
      report.holder.timeZone,
      report.holder.regionCode,
    );
    return escalationLevelFor(overdue, ctx.sla ?? DEFAULT_SLA) > clock.escalationLevel
      ? null
      : invalid('Nothing to escalate', 'nothing_to_escalate');
  },
  pending_draft: (report) =>
    report.draft?.state === 'pending'
      ? null
      : invalid('There is no draft awaiting approval', 'no_pending_draft'),
  operator_without_approval: (_report, actor, ctx) =>
    actor.role === 'unit_operator' && (ctx.settings?.followUpRequiresApproval ?? true)
      ? domainError(
          'NOT_ALLOWED',
          'This institution requires the liaison officer to approve follow-ups',
          'approval_required',
        )
      : null,
  reopen_window: (report, _actor, ctx) =>
    isOpen(report.reopenUntil, ctx.now)
      ? null
      : invalid('The reopen window has closed', 'reopen_window_closed'),
  rating_window: (report, _actor, ctx) =>
    isOpen(report.ratingUntil, ctx.now)
      ? null
      : invalid('The rating window has closed', 'rating_window_closed'),
  children_closed: (report, _actor, ctx) => {
    const statuses = ctx.childStatuses ?? [];
    const closed =
      report.childIds.length > 0 &&
      statuses.length === report.childIds.length &&
      statuses.every((s) => s === 'resolved' || s === 'archived');
    return closed ? null : invalid('Not every child report is closed', 'children_open');
  },
  program_level_below_top: (report) =>
    report.program && nextProgramLevel(report.program) !== null
      ? null
      : invalid('Only a program grievance below its highest level can be raised', 'no_higher_level'),
  // One flag at a time; a confirmed report stays decided. A released one may be flagged again.
  not_flagged: (report) =>
    report.moderation?.status === 'pending' || report.moderation?.status === 'confirmed'
      ? invalid('The report is already flagged or confirmed', 'already_flagged')
      : null,
  flag_pending: (report) =>
    report.moderation?.status === 'pending' ? null : invalid('No flag awaits a decision', 'not_flagged'),
};

/** The outcome of checking an action without its payload: the matching rows, or why it is not available. */
export type ActionCheck = { ok: true; rows: Transition[] } | { ok: false; error: DomainError };

/**
 * Checks an action without its payload, in a fixed order so the error is predictable: the policy (role × action ×
 * scope) gives NOT_ALLOWED, a status with no row gives INVALID_TRANSITION, a row not open to the role gives
 * NOT_ALLOWED, then the row's guards give their own codes.
 */
export function checkAction(
  report: ReportState,
  action: LifecycleActionName,
  actor: Actor,
  ctx: GuardContext = {},
): ActionCheck {
  if (!can(actor, action, report)) {
    return { ok: false, error: domainError('NOT_ALLOWED', `A ${actor.role} may not ${action} this report`) };
  }
  const rows = transitionsFrom(action, report.status);
  if (rows.length === 0) {
    return { ok: false, error: invalid(`Cannot ${action} a report that is ${report.status}`, 'status') };
  }
  const open = rows.filter((row) => row.roles.includes(actor.role));
  if (open.length === 0) {
    const message = `A ${actor.role} may not ${action} a report that is ${report.status}`;
    return { ok: false, error: domainError('NOT_ALLOWED', message, 'role_status') };
  }
  // Rows of one action and status share their guards; only the destination differs by payload.
  for (const guard of open[0]!.guards) {
    const error = GUARD_CHECKS[guard](report, actor, ctx);
    if (error) return { ok: false, error };
  }
  return { ok: true, rows: open };
}

/** The actions the actor may take on the report now, in table order (for the UI's buttons). */
export function allowedActions(
  report: ReportState,
  actor: Actor,
  ctx: GuardContext = {},
): LifecycleActionName[] {
  return LIFECYCLE_ACTIONS.filter((action) => checkAction(report, action, actor, ctx).ok);
}
