/** The lifecycle actions of domain.md §5 and their payloads. */
import type { ModerationReason } from '../abuse/moderation';
import type { ComplexityClass } from '../report/report';
import type { Holder } from './holder';

/** Every lifecycle action; `answer_hold`, `auto_archive` and `resolve_parent` complete rules §5 states in prose. */
export const LIFECYCLE_ACTIONS = [
  'verify',
  'dispose_down',
  'not_our_authority',
  'hold',
  'answer_hold',
  'archive',
  'auto_archive',
  'acknowledge',
  'draft_follow_up',
  'approve_follow_up',
  'return_draft',
  'post_follow_up',
  'reporter_reply',
  'accept',
  'auto_resolve',
  'reopen',
  'rate',
  'comment_internal',
  'escalate',
  'resolve_parent',
  // A program's grievance climbs to its next level's handler (issue 15).
  'raise_level',
  // Moderation (issue 16 §7, docs/abuse.md): staff flag spam or abuse; the national admin releases or confirms it.
  'flag',
  'release_flag',
  'confirm_flag',
] as const;
export type LifecycleActionName = (typeof LIFECYCLE_ACTIONS)[number];

/** Coded reasons for archiving a report (domain.md §5). */
export const ARCHIVE_REASONS = [
  'unclear',
  'too_general',
  'not_public_service',
  'duplicate',
  'out_of_scope',
  'abusive',
  'no_response',
] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

/** An action with its payload, as the API receives it and `applyAction` applies it. */
export type LifecycleAction =
  | { type: 'verify'; targets: Holder[]; note?: string }
  | { type: 'dispose_down'; unit: Holder; note?: string }
  | { type: 'not_our_authority'; reason: string; target?: Holder | null }
  | { type: 'hold'; question: string }
  | { type: 'answer_hold'; message: string }
  | { type: 'archive'; reason: ArchiveReason; note?: string; duplicateOfId?: string | null }
  | { type: 'auto_archive' }
  | { type: 'acknowledge'; complexity: ComplexityClass; message: string }
  | { type: 'draft_follow_up'; message: string; attachmentIds?: string[] }
  | { type: 'approve_follow_up' }
  | { type: 'return_draft'; note: string }
  | { type: 'post_follow_up'; message: string; attachmentIds?: string[] }
  | { type: 'reporter_reply'; message: string }
  | { type: 'accept'; rating: number; comment?: string }
  | { type: 'auto_resolve' }
  | { type: 'reopen'; reason: string }
  | { type: 'rate'; rating: number; comment?: string }
  | { type: 'comment_internal'; message: string }
  | { type: 'escalate' }
  | { type: 'resolve_parent' }
  /** `target` is the next level's handler, resolved by the server from the program's rule for the report's village. */
  | { type: 'raise_level'; reason: string; target: Holder }
  | { type: 'flag'; reason: ModerationReason; note?: string }
  | { type: 'release_flag'; note?: string }
  | { type: 'confirm_flag'; note?: string };

/** The payload type of one action. */
export type ActionOf<N extends LifecycleActionName> = Extract<LifecycleAction, { type: N }>;
