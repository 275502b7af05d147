/** The moderation port (docs/abuse.md): the national admin's queue of flagged reports, and forgetting old marks. */
import type { FlagRule, ModerationReason } from '../abuse/moderation';

/** A report in the moderation queue, with what deciding it needs (never the reporter's identity). */
export interface ModerationItem {
  trackingId: string;
  title: string;
  body: string;
  status: string;
  channel: string;
  reason: ModerationReason;
  source: 'rule' | 'staff';
  rules: FlagRule[];
  flaggedAt: Date;
  /** The staff member's note with a flag (the latest flag event's). */
  note: string | null;
  /** The holder now, and the institution the reporter chose (a rule's flag holds it in the national queue). */
  institution: { id: number; name: string } | null;
  requestedInstitution: { id: number; name: string } | null;
  createdAt: Date;
}

export interface Moderation {
  /** Reports whose flag awaits a decision, oldest flag first. */
  pending(page: number, pageSize: number): Promise<{ items: ModerationItem[]; total: number }>;
  /** Deletes the filing marks older than `before`; returns how many. */
  forgetMarksBefore(before: Date): Promise<number>;
}
