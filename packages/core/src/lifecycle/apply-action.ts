/** `applyAction`: checks an action against the table and the policy, then returns the new state and its events. */
import { domainError } from '../errors';
import type { Actor } from '../policy/roles';
import type { ReportStatus } from '../report/report';
import { LIFECYCLE_ACTIONS, type LifecycleAction, type LifecycleActionName } from './actions';
import { pauseClock, resumeClock, stageDays, startClock } from './clock';
import { compact, type EffectEnv, type Handler, type Handlers, makeEvent } from './effect';
import { HANDLING_HANDLERS } from './effects-handling';
import { MODERATION_HANDLERS } from './effects-moderation';
import { ROUTING_HANDLERS } from './effects-routing';
import { checkAction } from './guards';
import { DEFAULT_SLA } from './sla';
import type { ActionResult, Json, LifecycleContext, ReportState } from './state';
import type { Transition } from './table';
import { validateAction } from './validate';

const HANDLERS: Handlers = { ...ROUTING_HANDLERS, ...HANDLING_HANDLERS, ...MODERATION_HANDLERS };

/** The row variant an action's payload selects (several verify targets, a not-our-authority target). */
function variantOf(action: LifecycleAction): string | undefined {
  if (action.type === 'verify') return action.targets.length > 1 ? 'several' : 'one';
  if (action.type === 'not_our_authority') return action.target ? 'to_target' : 'to_national_queue';
  return undefined;
}

function destination(row: Transition, before: ReportState): ReportStatus {
  if (row.to === 'unchanged') return before.status;
  if (row.to === 'previous') return before.previousStatus ?? 'submitted';
  return row.to;
}

/** Applies the row's clock effect to `next`; returns what the event should say about the clock. */
function applyClock(next: ReportState, row: Transition, env: EffectEnv, action: LifecycleActionName) {
  const { before, now, ctx, sla } = env;
  const effect = row.clock;
  if (effect === 'keep') return {};
  if (effect === 'stop') {
    next.clock = null;
    next.pausedClock = null;
    next.previousStatus = null;
    return {};
  }
  if (effect === 'pause') {
    next.pausedClock = before.clock ? pauseClock(before.clock, now, before.holder, ctx.calendar) : null;
    next.previousStatus = before.status;
    next.clock = startClock('hold_response', sla.holdAutoArchive, now, next.holder, ctx.calendar);
  } else if (effect === 'resume') {
    next.clock = before.pausedClock ? resumeClock(before.pausedClock, now, next.holder, ctx.calendar) : null;
    next.pausedClock = null;
    next.previousStatus = null;
  } else {
    next.clock = startClock(
      effect.start,
      stageDays(effect.start, next, action, sla),
      now,
      next.holder,
      ctx.calendar,
    );
  }
  return { stage: next.clock?.stage ?? null, dueAt: next.clock?.dueAt.toISOString() ?? null };
}

/**
 * Applies a lifecycle action at `now`: NOT_ALLOWED, INVALID_TRANSITION or VALIDATION when it cannot happen,
 * otherwise the new state, the events to append, any child reports created, and warnings. Never mutates `report`.
 */
export function applyAction(
  report: ReportState,
  action: LifecycleAction,
  actor: Actor,
  now: Date,
  ctx: LifecycleContext,
): ActionResult {
  if (!(LIFECYCLE_ACTIONS as readonly string[]).includes(action?.type)) {
    return {
      ok: false,
      error: domainError('VALIDATION', `Unknown action ${String(action?.type)}`, 'unknown_action'),
    };
  }
  const check = checkAction(report, action.type, actor, { ...ctx, now });
  if (!check.ok) return check;
  const invalid = validateAction(report, action, actor, ctx);
  if (invalid) return { ok: false, error: invalid };

  const variant = variantOf(action);
  const row = check.rows.find((r) => variant === undefined || r.variant === variant) ?? check.rows[0]!;
  const env: EffectEnv = { actor, now, ctx, sla: ctx.sla ?? DEFAULT_SLA, before: report };
  const next = structuredClone(report);
  const handler = HANDLERS[action.type] as Handler<typeof action.type>;
  const effect = handler(next, action as never, env);
  next.status = destination(row, report);
  const clockPayload = applyClock(next, row, env, action.type);

  const payload: { [key: string]: Json } = compact({ ...effect.payload, ...clockPayload });
  const event = makeEvent(report, action.type, actor, now, report.status, next.status, payload);
  return {
    ok: true,
    report: next,
    events: [event, ...(effect.events ?? [])],
    created: effect.created ?? [],
    warnings: effect.warnings ?? [],
  };
}
