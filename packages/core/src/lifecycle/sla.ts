/** Stage deadlines of domain.md §5 in working days; defaults of the regulation, configurable where it is unconfirmed. */
import type { ComplexityClass, ReportStatus } from '../report/report';

/**
 * The timed stages: `verify` (submitted), `acknowledge` (dispositioned), `follow_up` (in_progress) are deadlines on
 * staff; `reporter_response` (awaiting_reporter, ends in auto-resolve) and `hold_response` (on_hold, ends in
 * auto-archive) are timers on the reporter.
 */
export const STAGES = ['verify', 'acknowledge', 'follow_up', 'reporter_response', 'hold_response'] as const;
export type Stage = (typeof STAGES)[number];

/** The status each stage runs in. */
export const STAGE_STATUS: Record<Stage, ReportStatus> = {
  verify: 'submitted',
  acknowledge: 'dispositioned',
  follow_up: 'in_progress',
  reporter_response: 'awaiting_reporter',
  hold_response: 'on_hold',
};

/** Stages whose breach is the holder's and gets escalated. */
export const STAFF_STAGES: readonly Stage[] = ['verify', 'acknowledge', 'follow_up'];

/** Deadlines and windows in working days (except `ratingWindowDays`, in calendar days). */
export interface SlaTable {
  verify: number;
  acknowledge: number;
  followUp: Record<ComplexityClass, number>;
  followUpAfterReply: number;
  followUpAfterReopen: number;
  autoResolve: number;
  holdAutoArchive: number;
  reopenWindow: number;
  ratingWindowDays: number;
  /** Escalation after a breach: the parent's coordinator after `parentAfter` more working days, national after `nationalAfter`. */
  escalation: { parentAfter: number; nationalAfter: number };
  /** Not-our-authority hops after which only the national admin may move the report. */
  maxHops: number;
}

/** The default stage SLA table (SP4N-LAPOR! rules as collected in research/lapor-domain.md). */
export const DEFAULT_SLA: SlaTable = {
  verify: 3,
  acknowledge: 3,
  // Follow-up by complexity: simple or information request / no field examination / field examination.
  followUp: { simple: 5, no_field_exam: 14, field_exam: 60 },
  followUpAfterReply: 5,
  // §5 is silent on the deadline after a reopen; it is an answer to the reporter, so it gets the reply deadline.
  followUpAfterReopen: 5,
  autoResolve: 10,
  holdAutoArchive: 10,
  reopenWindow: 10,
  ratingWindowDays: 30,
  escalation: { parentAfter: 2, nationalAfter: 5 },
  maxHops: 3,
};

/** Escalation levels: 1 reminds the holder, 2 the parent institution's coordinator, 3 the national admin and oversight. */
export type EscalationLevel = 0 | 1 | 2 | 3;

/** The escalation level due `overdueDays` working days after a breach (0 working days = the breach day itself). */
export function escalationLevelFor(overdueDays: number, sla: SlaTable): EscalationLevel {
  if (overdueDays >= sla.escalation.nationalAfter) return 3;
  if (overdueDays >= sla.escalation.parentAfter) return 2;
  return 1;
}
