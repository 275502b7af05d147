/** LIFECYCLE: the one transition table of domain.md §5 that drives the API, the UI's buttons and the database. */
import type { Role } from '../policy/roles';
import { REPORT_STATUSES, type ReportStatus } from '../report/report';
import type { LifecycleActionName } from './actions';
import type { Stage } from './sla';

/** Where an action leaves the report: a status, `unchanged`, or `previous` (the status a hold interrupted). */
export type Destination = ReportStatus | 'unchanged' | 'previous';

/**
 * What an action does to the stage clock: `keep` it, `stop` it, start a new stage (stopping the running one),
 * `pause` it and start `hold_response`, or `resume` the paused clock with its remaining working days.
 */
export type ClockEffect = 'keep' | 'stop' | 'pause' | 'resume' | { start: Stage };

/** Conditions beyond status and role; each is implemented once in `guards.ts`. */
export const GUARDS = [
  'has_holder',
  'not_split',
  'hop_limit',
  'stage_due',
  'escalation_due',
  'pending_draft',
  'operator_without_approval',
  'reopen_window',
  'rating_window',
  'children_closed',
  'program_level_below_top',
  'not_flagged',
  'flag_pending',
] as const;
export type Guard = (typeof GUARDS)[number];

/** One row: an action from some statuses to a destination, by some roles, with its clock effect and guards. */
export interface Transition {
  action: LifecycleActionName;
  /** Distinguishes rows of the same action, chosen by status or payload (e.g. with or without a target). */
  variant?: string;
  from: readonly ReportStatus[];
  to: Destination;
  roles: readonly Role[];
  clock: ClockEffect;
  guards: readonly Guard[];
}

const REPORTER: readonly Role[] = ['citizen', 'guest', 'facilitator'];
const VERIFIER: readonly Role[] = ['national_admin', 'coordinator'];
const HANDLER: readonly Role[] = ['national_admin', 'coordinator', 'liaison_officer', 'unit_operator'];
const HANDLED: readonly ReportStatus[] = ['dispositioned', 'in_progress'];
const OPEN: readonly ReportStatus[] = ['submitted', ...HANDLED, 'awaiting_reporter', 'on_hold'];

// biome-ignore format: one row per line reads as a table
/** The lifecycle table. A role here must also hold the action in the policy table; a test proves they agree. */
export const LIFECYCLE: readonly Transition[] = [
  { action: 'verify', variant: 'one', from: ['submitted'], to: 'dispositioned', roles: VERIFIER, clock: { start: 'acknowledge' }, guards: [] },
  // Several institutions: the parent becomes a container of one child report per institution, with no clock of its own.
  { action: 'verify', variant: 'several', from: ['submitted'], to: 'dispositioned', roles: VERIFIER, clock: 'stop', guards: [] },
  { action: 'dispose_down', from: HANDLED, to: 'unchanged', roles: ['coordinator'], clock: 'keep', guards: ['not_split'] },
  { action: 'not_our_authority', variant: 'to_national_queue', from: ['submitted', ...HANDLED], to: 'submitted', roles: [...VERIFIER, 'integration'], clock: { start: 'verify' }, guards: ['has_holder', 'not_split', 'hop_limit'] },
  { action: 'not_our_authority', variant: 'to_target', from: ['submitted', ...HANDLED], to: 'dispositioned', roles: [...VERIFIER, 'integration'], clock: { start: 'acknowledge' }, guards: ['has_holder', 'not_split', 'hop_limit'] },
  { action: 'hold', variant: 'verifying', from: ['submitted'], to: 'on_hold', roles: VERIFIER, clock: 'pause', guards: [] },
  { action: 'hold', variant: 'handling', from: HANDLED, to: 'on_hold', roles: ['coordinator', 'liaison_officer', 'integration'], clock: 'pause', guards: ['not_split'] },
  { action: 'answer_hold', from: ['on_hold'], to: 'previous', roles: REPORTER, clock: 'resume', guards: [] },
  { action: 'archive', from: ['submitted', 'on_hold'], to: 'archived', roles: VERIFIER, clock: 'stop', guards: [] },
  { action: 'auto_archive', from: ['on_hold'], to: 'archived', roles: ['system'], clock: 'stop', guards: ['stage_due'] },
  { action: 'acknowledge', from: ['dispositioned'], to: 'in_progress', roles: ['liaison_officer', 'integration'], clock: { start: 'follow_up' }, guards: ['not_split'] },
  { action: 'draft_follow_up', from: ['in_progress'], to: 'unchanged', roles: ['unit_operator', 'liaison_officer'], clock: 'keep', guards: [] },
  // Approval publishes the draft: it is the follow-up.
  { action: 'approve_follow_up', from: ['in_progress'], to: 'awaiting_reporter', roles: ['liaison_officer'], clock: { start: 'reporter_response' }, guards: ['pending_draft'] },
  { action: 'return_draft', from: ['in_progress'], to: 'unchanged', roles: ['liaison_officer'], clock: 'keep', guards: ['pending_draft'] },
  { action: 'post_follow_up', from: ['in_progress'], to: 'awaiting_reporter', roles: ['liaison_officer', 'unit_operator', 'integration'], clock: { start: 'reporter_response' }, guards: ['operator_without_approval'] },
  { action: 'reporter_reply', from: ['awaiting_reporter'], to: 'in_progress', roles: REPORTER, clock: { start: 'follow_up' }, guards: [] },
  { action: 'accept', from: ['awaiting_reporter'], to: 'resolved', roles: REPORTER, clock: 'stop', guards: [] },
  { action: 'auto_resolve', from: ['awaiting_reporter'], to: 'resolved', roles: ['system'], clock: 'stop', guards: ['stage_due'] },
  { action: 'reopen', from: ['resolved'], to: 'in_progress', roles: REPORTER, clock: { start: 'follow_up' }, guards: ['reopen_window'] },
  { action: 'rate', from: ['resolved'], to: 'unchanged', roles: REPORTER, clock: 'keep', guards: ['rating_window'] },
  // A comment touches no clock, so it can never stop or reset a deadline (domain.md §5).
  { action: 'comment_internal', from: REPORT_STATUSES, to: 'unchanged', roles: HANDLER, clock: 'keep', guards: [] },
  // Escalation only notifies; it never resets the clock.
  { action: 'escalate', from: ['submitted', ...HANDLED], to: 'unchanged', roles: ['system'], clock: 'keep', guards: ['escalation_due'] },
  { action: 'resolve_parent', from: ['dispositioned'], to: 'resolved', roles: ['system'], clock: 'stop', guards: ['children_closed'] },
  // A program's grievance goes up its ladder: the next level's handler receives it as a disposition (a new custody,
  // ADR 0009), not as a not-our-authority hop; that handler's acknowledge clock starts.
  { action: 'raise_level', from: HANDLED, to: 'dispositioned', roles: ['national_admin', 'coordinator', 'liaison_officer'], clock: { start: 'acknowledge' }, guards: ['not_split', 'program_level_below_top'] },
  // Moderation (docs/abuse.md): a flag touches no clock; staff of the holder (or the national admin) raise it.
  { action: 'flag', from: [...OPEN, 'resolved'], to: 'unchanged', roles: HANDLER, clock: 'keep', guards: ['not_split', 'not_flagged'] },
  { action: 'release_flag', from: [...OPEN, 'resolved'], to: 'unchanged', roles: ['national_admin'], clock: 'keep', guards: ['flag_pending'] },
  // Confirmed spam or abuse ends the handling (archived, reason `abusive`); a resolved one stays resolved, hidden.
  { action: 'confirm_flag', variant: 'close', from: OPEN, to: 'archived', roles: ['national_admin'], clock: 'stop', guards: ['flag_pending'] },
  { action: 'confirm_flag', variant: 'hide', from: ['resolved'], to: 'unchanged', roles: ['national_admin'], clock: 'keep', guards: ['flag_pending'] },
];

/** The rows of an action that apply in a status. */
export function transitionsFrom(action: LifecycleActionName, status: ReportStatus): Transition[] {
  return LIFECYCLE.filter((row) => row.action === action && row.from.includes(status));
}

/** The statuses a hold can interrupt, i.e. where `previous` can lead back to. */
export function holdableStatuses(): ReportStatus[] {
  return [...new Set(LIFECYCLE.filter((row) => row.clock === 'pause').flatMap((row) => row.from))];
}

/** Every (from, to) status pair the table allows; unchanged rows give (s, s). Start-up copies them into the table the
 * events trigger checks (server migration 0017), so the database refuses any other move. */
export function statusPairs(): Array<[ReportStatus, ReportStatus]> {
  const pairs = new Map<string, [ReportStatus, ReportStatus]>();
  for (const row of LIFECYCLE) {
    for (const from of row.from) {
      const targets = row.to === 'unchanged' ? [from] : row.to === 'previous' ? holdableStatuses() : [row.to];
      for (const to of targets) pairs.set(`${from}>${to}`, [from, to]);
    }
  }
  return [...pairs.values()];
}
