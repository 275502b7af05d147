/**
 * What the workflow use cases (lifecycle actions, timeline, caller views, identity reveals) read from storage:
 * a report with the columns that decide who may see and act on it, the references an action names, and the
 * identity reveal log.
 */
import type { Holder } from '../lifecycle/holder';
import type { ReportState } from '../lifecycle/state';
import type { LoggedEvent } from '../privacy/timeline';
import type { ReportStatus } from '../report/report';

/** A report as the workflow reads it: its lifecycle state plus the columns that decide who may see and act. */
export interface WorkflowReport {
  id: number;
  trackingId: string;
  parentReportId: number | null;
  isAnonymous: boolean;
  isConfidential: boolean;
  reporterAccountId: string | null;
  reporterSealed: string | null;
  accessCodeHash: string | null;
  state: ReportState;
  updatedAt: Date;
  /** The peer instance that handles the report when another does (this copy is a mirror, ADR 0013). */
  handledAt?: string | null;
}

/** An institution an action names, resolved to a holder (with ancestors and time zone). */
export interface InstitutionRef {
  id: number;
  name: string;
  active: boolean;
  holder: Holder;
}

export interface WorkflowReports {
  /** A report by tracking id (any case), or null. */
  load(trackingId: string): Promise<WorkflowReport | null>;
  /** The nearest `followUpRequiresApproval` setting on the holder or its ancestors; true when none is set. */
  followUpRequiresApproval(holder: Holder): Promise<boolean>;
  /** Statuses of the child reports (by tracking id), in the order given. */
  childStatuses(childIds: readonly string[]): Promise<ReportStatus[]>;
  /** The latest follow-up texts the holder institution published (the boilerplate warning). */
  earlierFollowUps(institutionId: string | null): Promise<string[]>;
  institutionsById(ids: readonly number[]): Promise<Map<number, InstitutionRef>>;
  /** Names of institutions by id (as strings, the way events and states carry them). */
  institutionNames(ids: Iterable<string>): Promise<Record<string, string>>;
  /** The canonical tracking id of an existing report, or null. */
  existingTrackingId(trackingId: string): Promise<string | null>;
  /** The attachments among `ids` that exist and are free or already this report's. */
  usableAttachments(reportId: number, ids: readonly string[]): Promise<string[]>;
  /** Tracking id and status of the children of a report (by parent row id). */
  childrenOf(reportId: number): Promise<{ trackingId: string; status: string }[]>;
  trackingIdOf(reportId: number): Promise<string | null>;
  /** The report's event log, oldest first. */
  events(trackingId: string): Promise<LoggedEvent[]>;
}

/** One identity reveal, as logged (domain.md §7). */
export interface IdentityReveal {
  id: number;
  trackingId: string;
  revealedBy: string;
  revealedByName: string | null;
  role: string;
  reason: string;
  at: Date;
}

/** Which reveals a reader may see: all, or those of reports held in some institutions' subtrees. */
export type RevealLogScope = 'all' | readonly number[];

export interface IdentityReveals {
  /** A page of the reveal log in scope, newest first, and how many there are in all. */
  list(
    scope: RevealLogScope,
    page: { page: number; pageSize: number },
  ): Promise<{ items: IdentityReveal[]; total: number }>;
}
