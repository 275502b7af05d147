/**
 * Moderation (issue 16 §7, docs/abuse.md): a report flagged as spam or abusive — by an intake rule or by staff of
 * its holder — waits in the national admin's queue, who releases it back into normal handling or confirms it.
 */

export const MODERATION_REASONS = ['spam', 'abusive'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/** The intake rules that flag a filing: the form's honeypot was filled, or its address is over its limit. */
export const FLAG_RULES = ['honeypot', 'address_limit'] as const;
export type FlagRule = (typeof FLAG_RULES)[number];

export const MODERATION_STATUSES = ['pending', 'released', 'confirmed'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** A report's moderation, part of its lifecycle state (the events record every change). */
export interface ModerationState {
  status: ModerationStatus;
  reason: ModerationReason;
  /** `rule`: flagged at intake by `rules`; `staff`: flagged by a person. */
  source: 'rule' | 'staff';
  rules: FlagRule[];
  flaggedAt: Date;
  /** Kept out of every public read (list, search, open data, Open311, the public view). */
  hidden: boolean;
}

/**
 * Whether the public may not see the report: once confirmed, and while a rule's flag waits (never yet seen, most
 * likely a bot's). A staff flag hides nothing until the national admin confirms it: an institution must not be
 * able to silence a complaint about itself by flagging it.
 */
export function hiddenFromPublic(m: Pick<ModerationState, 'status' | 'source'>): boolean {
  return m.status === 'confirmed' || (m.status === 'pending' && m.source === 'rule');
}

/** The moderation of a filing the intake rules flagged. */
export function ruleFlag(rules: readonly FlagRule[], now: Date): ModerationState {
  return {
    status: 'pending',
    reason: 'spam',
    source: 'rule',
    rules: [...rules],
    flaggedAt: now,
    hidden: true,
  };
}

/** Whether the report waits for the national admin's decision. */
export function awaitsModeration(m: ModerationState | null | undefined): boolean {
  return m?.status === 'pending';
}
