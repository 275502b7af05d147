/** The reports port: intake's reference check and write (one statement, group commit), and reading a report. */

import type { ReportState } from '../lifecycle/state';
import type { IdempotencyLease, StoredAnswer } from './idempotency';

/** An institution as the intake checks see it. */
export interface CheckedInstitution {
  id: number;
  name: string;
  timeZone: string;
  regionCode: string | null;
  active: boolean;
  /** From the root down to the institution itself. */
  path: number[];
}

/** Every reference a new report names, looked up in one round trip. */
export interface ReferenceCheck {
  regionExists: boolean;
  categoryExists: boolean;
  institution: CheckedInstitution | null;
  /** The requested attachments that exist and are not yet part of a report. */
  freeAttachmentIds: string[];
}

export interface ReferenceQuery {
  regionCode: string;
  categoryId: number;
  institutionId?: number | undefined;
  attachmentIds: string[];
}

/** A new report row, its lifecycle state computed by `openReport`. */
export interface NewReportRow {
  trackingId: string;
  type: string;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  categoryId: number;
  requestedInstitutionId: number | null;
  institutionId: number | null;
  status: string;
  dueAt: Date | null;
  lifecycle: ReportState;
  isAnonymous: boolean;
  isConfidential: boolean;
  channel: string;
  language: string;
  reporterAccountId: string | null;
  reporterSealed: string | null;
  accessCodeHash: string | null;
  /** The regional app that filed it and the app's own reference (issue 12); absent for every other channel. */
  integrationAppId?: string | null;
  externalRef?: string | null;
  createdAt: Date;
}

/** A report's first event (the storage chains it from nothing). */
export interface FirstEvent {
  action: string;
  actorId: string | null;
  actorRole: string;
  institutionId: number | null;
  at: Date;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown>;
}

/** A stored report with the names it refers to. */
export interface ReportRecord {
  id: number;
  trackingId: string;
  type: string;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  regionName: string | null;
  /** What the public sees of the place: the regency/city (or the province) containing it, code and name. */
  publicRegionCode: string;
  publicRegionName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  categoryId: number;
  categoryName: string | null;
  categoryCode: string | null;
  institutionId: number | null;
  institutionName: string | null;
  status: string;
  dueAt: string | null;
  isAnonymous: boolean;
  isConfidential: boolean;
  /** Moderation keeps it from the public (docs/abuse.md): a rule's pending flag, or a confirmed one. */
  moderationHidden?: boolean;
  reporterSealed: string | null;
  accessCodeHash: string | null;
  createdAt: string;
  /** `withheld`: a handler withheld it from publication (the public never gets it). */
  attachments: { id: string; kind: string; mime: string; size: number; withheld?: boolean }[];
}

/** What deciding access to one attachment of a report needs. */
export interface AttachmentOfReport {
  mime: string;
  filename: string;
  isConfidential: boolean;
  accessCodeHash: string | null;
  /** Withheld from publication by a handler: only the reporter and the report's staff may fetch it. */
  withheld?: boolean;
}

/** Why a filing whose checks held was not written. */
export type FilingConflict = 'external_ref' | 'idempotency_key';

/**
 * The answer to a filing's Idempotency-Key, stored by the filing's own statement (ADR 0012): the row is inserted
 * as done, or — when (scope, key) is taken — neither it nor the report is written.
 */
export interface KeyedAnswer {
  lease: IdempotencyLease;
  fingerprint: string;
  answer: StoredAnswer;
}

/**
 * The abuse gate of a filing (docs/abuse.md), checked by the filing's own statement: nothing is written when a
 * subject is at its limit (a flagging limit only while the filing is not yet flagged) or the same text came from
 * one of its subjects inside the repeat window; a written filing marks each subject.
 */
export interface FilingGate {
  /** Keyed hashes of the subjects, each with its limit: at most `max` filings since `since`. */
  limits: { key: string; max: number; since: Date; refuse: boolean }[];
  /** Already flagged by an intake rule: limits that flag no longer stop it. */
  flagged: boolean;
  /** Keyed hash of the normalised text. */
  text: string;
  /** Start of the repeat window; null: repeats are not looked for. */
  repeatSince: Date | null;
}

/** Why the gate stopped a filing: the subjects (index into `limits`) at their limit, and a repeat's report. */
export interface GateStop {
  over: { index: number; oldest: Date }[];
  repeatOf: string | null;
}

export interface Reports {
  /** Looks up every reference a new report names, in one round trip. */
  checkReferences(ref: ReferenceQuery): Promise<ReferenceCheck>;
  /**
   * Checks the references of a report without attachments and, only if they hold and the requested institution is
   * exactly `presumed` (null: none requested), writes it with its first event — one round trip, filings arriving
   * together share a statement and a commit. `id` is null when nothing was written; `conflict` then says when that
   * was because the app already filed this `externalRef`, or because another request stored an answer for the
   * same Idempotency-Key first (`keyed`: written in the same statement, so a report exists exactly when it does).
   */
  fileIfValid(
    report: NewReportRow,
    first: FirstEvent,
    presumed: CheckedInstitution | null,
    keyed?: KeyedAnswer,
    gate?: FilingGate | null,
  ): Promise<{ ref: ReferenceCheck; id: number | null; conflict?: FilingConflict; gate?: GateStop }>;
  /** Writes the report with its first event and claims its attachments, unless one was claimed meanwhile. */
  insert(
    report: NewReportRow,
    first: FirstEvent,
    attachmentIds: string[],
    keyed?: KeyedAnswer,
    gate?: FilingGate | null,
  ): Promise<{ id: number } | { conflict: 'attachments' | FilingConflict } | { gate: GateStop }>;
  /** One report by trackingId (any case), or null. */
  find(trackingId: string): Promise<ReportRecord | null>;
  /** An attachment of a report, or null when the report has no such attachment. */
  findAttachment(trackingId: string, attachmentId: string): Promise<AttachmentOfReport | null>;
}
