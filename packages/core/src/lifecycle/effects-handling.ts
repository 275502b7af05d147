/** Effects of the handling actions: acknowledgement, follow-ups and drafts, the reporter's side, comments. */
import { BOILERPLATE_THRESHOLD, maxSimilarity } from './boilerplate';
import { compact, type Effect, type EffectEnv, type Handlers } from './effect';
import type { ReportState } from './state';
import { endOfCalendarDay } from './working-days';

/** Publishes a follow-up: counts it and warns when it is near-identical to the holder's earlier ones. */
function publish(next: ReportState, message: string, attachmentIds: string[], env: EffectEnv): Effect {
  next.firstFollowUpAt ??= env.now;
  next.lastFollowUpAt = env.now;
  next.followUpCount += 1;
  next.draft = null;
  const similarity = maxSimilarity(message, env.ctx.earlierFollowUps ?? []);
  const boilerplate = similarity >= BOILERPLATE_THRESHOLD;
  const warnings = boilerplate
    ? [
        {
          code: 'BOILERPLATE' as const,
          message: 'This follow-up is near-identical to an earlier one',
          similarity,
        },
      ]
    : [];
  return { payload: { message, attachmentIds, boilerplate }, warnings };
}

/** Resolves: opens the reopen window (working days) and the rating window (calendar days) in the holder's zone. */
function resolve(next: ReportState, env: EffectEnv): void {
  const { timeZone, regionCode } = next.holder;
  next.resolvedAt = env.now;
  next.draft = null;
  next.reopenUntil = env.ctx.calendar.addWorkingDays(env.now, env.sla.reopenWindow, timeZone, regionCode);
  next.ratingUntil = endOfCalendarDay(env.now, env.sla.ratingWindowDays, timeZone);
}

/** Handlers of the handling actions. */
export const HANDLING_HANDLERS: Handlers<
  | 'acknowledge'
  | 'draft_follow_up'
  | 'approve_follow_up'
  | 'return_draft'
  | 'post_follow_up'
  | 'reporter_reply'
  | 'accept'
  | 'auto_resolve'
  | 'reopen'
  | 'rate'
  | 'comment_internal'
> = {
  acknowledge(next, action, env) {
    next.acknowledgedAt = env.now;
    // An information request always gets the simple deadline (domain.md §5).
    next.complexity = next.type === 'information_request' ? 'simple' : action.complexity;
    return { payload: { complexity: next.complexity, message: action.message } };
  },

  draft_follow_up(next, action, env) {
    const attachmentIds = action.attachmentIds ?? [];
    next.draft = {
      message: action.message,
      attachmentIds,
      authorId: env.actor.id,
      at: env.now,
      state: 'pending',
      returnNote: null,
    };
    return { payload: { message: action.message, attachmentIds } };
  },

  approve_follow_up(next, _action, env) {
    const draft = next.draft!;
    const effect = publish(next, draft.message, draft.attachmentIds, env);
    return { ...effect, payload: { ...effect.payload, draftAuthorId: draft.authorId } };
  },

  return_draft(next, action) {
    next.draft = { ...next.draft!, state: 'returned', returnNote: action.note };
    return { payload: { note: action.note } };
  },

  post_follow_up: (next, action, env) => publish(next, action.message, action.attachmentIds ?? [], env),

  reporter_reply: (_next, action) => ({ payload: { message: action.message } }),

  accept(next, action, env) {
    resolve(next, env);
    next.rating = action.rating;
    return { payload: compact({ rating: action.rating, comment: action.comment }) };
  },

  auto_resolve(next, _action, env) {
    resolve(next, env);
    return { payload: {} };
  },

  reopen(next, action) {
    next.reopenCount += 1;
    next.resolvedAt = null;
    next.reopenUntil = null;
    next.ratingUntil = null;
    // The earlier rating judged the earlier answer.
    next.rating = null;
    return { payload: { reason: action.reason } };
  },

  rate(next, action) {
    next.rating = action.rating;
    return { payload: compact({ rating: action.rating, comment: action.comment }) };
  },

  comment_internal: (_next, action) => ({ payload: { message: action.message } }),
};
