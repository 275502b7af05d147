/** Effects of the moderation actions (docs/abuse.md): a staff flag, the national admin's release or confirmation. */
import { hiddenFromPublic, type ModerationState } from '../abuse/moderation';
import { compact, type Handlers } from './effect';

/** The moderation after a decision; `hidden` follows from it. */
function decided(before: ModerationState, status: 'released' | 'confirmed'): ModerationState {
  const next = { ...before, status };
  return { ...next, hidden: hiddenFromPublic(next) };
}

/** Handlers of the moderation actions. */
export const MODERATION_HANDLERS: Handlers<'flag' | 'release_flag' | 'confirm_flag'> = {
  flag(next, action, env) {
    const flagged = { status: 'pending', reason: action.reason, source: 'staff' } as const;
    next.moderation = { ...flagged, rules: [], flaggedAt: env.now, hidden: hiddenFromPublic(flagged) };
    return { payload: compact({ reason: action.reason, note: action.note }) };
  },

  release_flag(next, action) {
    next.moderation = decided(next.moderation!, 'released');
    return { payload: compact({ reason: next.moderation.reason, note: action.note }) };
  },

  // Confirmed: hidden for good, out of every institution's figures (report-fact.ts), never reopened or rated.
  confirm_flag(next, action, env) {
    next.moderation = decided(next.moderation!, 'confirmed');
    if (env.before.status !== 'resolved') {
      next.archivedAt = env.now;
      next.archiveReason = 'abusive';
    }
    next.draft = null;
    next.reopenUntil = null;
    next.ratingUntil = null;
    return {
      payload: compact({
        reason: 'abusive',
        moderationReason: next.moderation.reason,
        rules: next.moderation.rules,
        note: action.note,
      }),
    };
  },
};
