/** What the SMS channel's use cases reach, and what they answer (docs/sms.md). */
import type { LifecycleActionName, ReportStatus, TimeZone } from '@pintu/core';
import type { SmsReferences } from '../../db/postgres-sms-references';
import type { AppDeps } from '../deps';
import type { FileDeps } from '../reports/file-report';

export type { SmsFilingSettings } from './sms-channel';

export type SmsDeps = FileDeps &
  Pick<AppDeps, 'db' | 'sealer' | 'calendar' | 'idempotencyKeys'> &
  Partial<Pick<AppDeps, 'workflowReports' | 'projectors' | 'federation'>> & {
    now: Date;
    references: SmsReferences;
  };

/** Why a LAPOR was not filed. */
export type FileRefusal =
  | { why: 'empty' | 'too_short' | 'too_long' | 'no_region' | 'not_configured' }
  | { why: 'unknown_region' | 'unknown_institution'; code: string }
  | { why: 'invalid'; message: string };

/** Why a BALAS was not taken. */
export type ReplyRefusal =
  | { why: 'empty' }
  | { why: 'not_awaiting'; status: ReportStatus }
  | { why: 'invalid' };

export type SmsOutcome =
  | {
      kind: 'filed';
      trackingId: string;
      /** Shown once, in this answer: it goes to the phone and is never logged. */
      accessCode: string;
      institution: string | null;
    }
  | { kind: 'file_refused'; reason: FileRefusal }
  | {
      kind: 'status';
      trackingId: string;
      status: ReportStatus;
      institution: string | null;
      /** The running deadline, in the holder's time zone; null when no clock runs (resolved, archived). */
      deadline: {
        stage: string;
        dueAt: Date;
        timeZone: TimeZone;
        workingDaysLeft: number;
      } | null;
    }
  /** Unknown, or filed from another number: the same answer, so a stranger learns nothing. */
  | { kind: 'not_found'; trackingId: string }
  | { kind: 'replied'; trackingId: string; action: LifecycleActionName }
  | { kind: 'reply_refused'; trackingId: string; reason: ReplyRefusal }
  /** The same message handled before by another request still running: no second answer. */
  | { kind: 'duplicate' };
