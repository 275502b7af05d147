/** The lifecycle state of a report (a plain row), its events, and what `applyAction` needs and returns. */
import type { ModerationState } from '../abuse/moderation';
import type { DomainError } from '../errors';
import type { Role } from '../policy/roles';
import type { ProgramState } from '../programs/program';
import type { ComplexityClass, ReportStatus, ReportType } from '../report/report';
import type { ArchiveReason, LifecycleActionName } from './actions';
import type { Holder } from './holder';
import type { EscalationLevel, SlaTable, Stage } from './sla';
import type { WorkingDays } from './working-days';

/** The running deadline of the current stage. */
export interface StageClock {
  stage: Stage;
  startedAt: Date;
  /** End of the last working day of the stage, local time of the holder. */
  dueAt: Date;
  /** Working days the stage was given when it started. */
  workingDays: number;
  /** How far the breach of this stage has been escalated; a new stage starts at 0. */
  escalationLevel: EscalationLevel;
}

/** A stage clock paused by a hold, with the working days it had left. */
export interface PausedClock extends StageClock {
  pausedAt: Date;
  /** Working days left at the pause; 0 when the stage was already overdue (the breach is not forgiven). */
  remainingWorkingDays: number;
}

/** One spell of a holder keeping the report; closed spells carry the working days, attributed to that holder. */
export interface CustodySpell {
  institutionId: string | null;
  from: Date;
  to: Date | null;
  workingDays: number | null;
}

/** A follow-up draft of a unit operator awaiting the liaison officer's approval, or returned for rework. */
export interface FollowUpDraft {
  message: string;
  attachmentIds: string[];
  authorId: string;
  at: Date;
  state: 'pending' | 'returned';
  returnNote: string | null;
}

/** The lifecycle part of a report: plain and serialisable, one database row (arrays/objects as jsonb). */
export interface ReportState {
  id: string;
  type: ReportType;
  status: ReportStatus;
  holder: Holder;
  /** Account id of a registered reporter, or the guest reporter id behind a trackingId + access code. */
  reporterId: string;
  /** The facilitator who filed it on the reporter's behalf, if any. */
  facilitatorId: string | null;
  /** Set on a child created by verifying to several institutions. */
  parentId: string | null;
  /** Set on a parent split into one child per institution; the parent is only a container then. */
  childIds: string[];
  submittedAt: Date;
  /** When the current holder received it by disposition (cleared when it returns to the national queue). */
  dispositionedAt: Date | null;
  /** The current holder's acknowledgement; a forward clears it (never before `dispositionedAt`). */
  acknowledgedAt: Date | null;
  complexity: ComplexityClass | null;
  /** The current holder's first published follow-up; a forward clears it (never before `dispositionedAt`). */
  firstFollowUpAt: Date | null;
  /** The last follow-up the reporter received, from any holder. */
  lastFollowUpAt: Date | null;
  /** Follow-ups the reporter received, from any holder. */
  followUpCount: number;
  resolvedAt: Date | null;
  archivedAt: Date | null;
  archiveReason: ArchiveReason | null;
  /** The original report when archived as `duplicate`; the reporter follows that one. */
  duplicateOfId: string | null;
  /** The running stage deadline; null in resolved and archived (and on a split parent). */
  clock: StageClock | null;
  /** The clock a hold paused; set only while on hold. */
  pausedClock: PausedClock | null;
  /** The status a hold returns to; set only while on hold. */
  previousStatus: ReportStatus | null;
  /** Not-our-authority moves so far. */
  hops: number;
  custody: CustodySpell[];
  draft: FollowUpDraft | null;
  /** End of the reopen window while resolved. */
  reopenUntil: Date | null;
  /** End of the rating window while resolved. */
  ratingUntil: Date | null;
  rating: number | null;
  /** Reopens during the current holder's custody; a forward clears it. */
  reopenCount: number;
  /** A program's grievance (issue 15): its level and that level's deadline; absent on every other report. */
  program?: ProgramState | null;
  /** A flag as spam or abuse and the national admin's decision (docs/abuse.md); absent on every other report. */
  moderation?: ModerationState | null;
}

/** A JSON value, so event payloads stay serialisable. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Event types: every lifecycle action, plus `submitted` for intake. */
export type LifecycleEventType = LifecycleActionName | 'submitted';

/** One entry of the append-only event log; the report row is a projection of these. */
export interface LifecycleEvent {
  reportId: string;
  type: LifecycleEventType;
  actorRole: Role;
  actorId: string;
  /** The actor's institution (its grant); null for reporters, national roles and the system. */
  institutionId: string | null;
  /** Who held the report when the action happened, for attribution. */
  holderId: string | null;
  at: Date;
  from: ReportStatus | null;
  to: ReportStatus;
  payload: { [key: string]: Json };
}

/** A non-blocking warning, e.g. a boilerplate follow-up. */
export interface LifecycleWarning {
  code: 'BOILERPLATE';
  message: string;
  similarity: number;
}

/** The outcome of an action: the new state and its events (plus child reports created), or a domain error. */
export type ActionResult =
  | {
      ok: true;
      report: ReportState;
      events: LifecycleEvent[];
      created: ReportState[];
      warnings: LifecycleWarning[];
    }
  | { ok: false; error: DomainError };

/** Settings of the holding institution that change the lifecycle. */
export interface InstitutionSettings {
  /** Whether a unit operator's follow-up needs the liaison officer's approval (default true). */
  followUpRequiresApproval: boolean;
}

/** What the availability of an action depends on besides the report and the actor; all optional. */
export interface GuardContext {
  /** Without `now`, time windows and deadlines are not checked. */
  now?: Date;
  calendar?: WorkingDays;
  sla?: SlaTable;
  settings?: InstitutionSettings;
  /** Statuses of this report's children, for `resolve_parent`. */
  childStatuses?: readonly ReportStatus[];
}

/** What `applyAction` needs besides the report, the action, the actor and the time. */
export interface LifecycleContext extends Omit<GuardContext, 'now' | 'calendar'> {
  calendar: WorkingDays;
  /** Earlier follow-up texts of the holder, to warn about boilerplate. */
  earlierFollowUps?: readonly string[];
  /** Id generator for child reports when verifying to several institutions. */
  newReportId?: () => string;
}
