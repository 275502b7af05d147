/** A filing's shapes, its draft (report row, first event, answer) and the conflicts of its write (file-report.ts). */
import {
  type Actor,
  type CheckedInstitution,
  type FilingConflict,
  type FlagRule,
  fail,
  type IdempotencyLease,
  openReport,
  type ReportStatus,
  type ReportType,
  type StoredAnswer,
} from '@pintu/core';
import { holderOf } from '../../db/holders';
import { hashAccessCode, newAccessCode, newTrackingId } from '../../security/ids';
import { type AppIdentity, viaOf } from '../accounts/caller';
import type { AppDeps } from '../deps';
import type { GrievanceInput, PreparedGrievance } from '../programs/file-grievance';
import type { ReportsSource } from './reports-port';

/**
 * Who files: a guest (access code only); a signed-in citizen, who becomes the report's reporter account ("my
 * reports"); or a facilitator filing for a villager, who stays a guest reporter with the access code while the
 * facilitator is recorded as the filer.
 */
export type FilingCaller = (
  | { kind: 'guest'; channel: string }
  | { kind: 'citizen'; channel: string; userId: string }
  | { kind: 'facilitator'; channel: string; userId: string }
  | { kind: 'app'; channel: string; app: AppIdentity; externalRef?: string | undefined }
) & {
  /** The client's address, where the channel has one (web, Open311): the filing limits count it (docs/abuse.md). */
  address?: string | null | undefined;
};

/** A filing as every channel hands it over (the web's comes from reports.schema.ts, already well-formed). */
export interface ReportFiling {
  type: ReportType;
  title: string;
  body: string;
  /** `YYYY-MM-DD`. */
  incidentDate: string;
  location: {
    regionCode: string;
    address?: string | undefined;
    lat?: number | undefined;
    lng?: number | undefined;
  };
  categoryId: number;
  institutionId?: number | undefined;
  isAnonymous: boolean;
  isConfidential: boolean;
  attachmentIds: string[];
  reporter?: { name: string; email?: string | undefined; phone?: string | undefined } | undefined;
  language: 'id' | 'en';
  /** A program's grievance (issue 15): its program category replaces `categoryId`. */
  program?: GrievanceInput | undefined;
  /** Where the reporter gave it (programs report sex-disaggregated figures). */
  reporterGender?: 'female' | 'male' | undefined;
  /** The web form's hidden field was filled: a bot's filing, held for moderation (docs/abuse.md). */
  honeypot?: boolean | undefined;
}

/** What the filer gets back: the trackingId and, once only, the access code. */
export interface FiledReport {
  trackingId: string;
  status: ReportStatus;
  queue: 'national' | 'institution';
  institution: { id: number; name: string } | null;
  dueAt: string | null;
  accessCode: string;
  /** A program grievance: the level holding it and that level's deadline. */
  program?: { code: string; level: string; levelDueAt: string };
}

export type FileDeps = Pick<AppDeps, 'sealer' | 'calendar'> &
  Partial<Pick<AppDeps, 'integration' | 'federation' | 'programs' | 'filingGuard'>> &
  ReportsSource & { now: Date };

/**
 * A filing sent with an `Idempotency-Key` (ADR 0012): its answer is stored by the filing's own statement, so the
 * report exists exactly when the answer a retry gets does — a crash can leave neither half.
 */
export interface IdempotentFiling {
  lease: IdempotencyLease;
  /** Of the request: a retry must match it. */
  fingerprint: string;
  /** The answer the caller will send for `created`, as it is to be stored (the HTTP layer seals it). */
  answerOf(created: FiledReport): StoredAnswer;
}

/** The report, its first event and the response, for a valid input and its (checked or presumed) institution. */
export function draft(
  deps: FileDeps,
  input: ReportFiling,
  filer: FilingCaller,
  checked: CheckedInstitution | null,
  flags: readonly FlagRule[],
  program?: PreparedGrievance['opening'],
) {
  const { now } = deps;
  // A filing an intake rule flagged waits in the national queue, where the moderator verifies anyway: no
  // institution works on a bot's filing (docs/abuse.md). A program's grievance keeps its handler.
  const institution = flags.length && !program ? null : checked;
  const requested = institution ? holderOf(institution) : null;
  const trackingId = newTrackingId();
  const accessCode = newAccessCode();
  const reporterId = filer.kind === 'citizen' ? filer.userId : `guest:${trackingId}`;
  // An app files for a citizen who stays a guest reporter (the app gets the access code); the app is the filer.
  const actor: Actor =
    filer.kind === 'guest'
      ? { id: reporterId, role: 'guest', institutionId: null }
      : filer.kind === 'app'
        ? {
            id: `app:${filer.app.appId}`,
            role: 'integration',
            institutionId: String(filer.app.institutionId),
          }
        : { id: filer.userId, role: filer.kind, institutionId: null };
  const opened = openReport(
    { id: trackingId, type: input.type, reporterId, requested, program, flags },
    actor,
    now,
    {
      calendar: deps.calendar.get(),
    },
  );
  if (!opened.ok) return { ok: false as const, message: opened.error.message };
  const state = opened.report;
  const event = opened.events[0]!;
  const identity = input.reporter ? { ...input.reporter } : null;
  const { lat, lng } = input.location;
  const queue = institution ? ('institution' as const) : ('national' as const);
  const created: FiledReport = {
    trackingId,
    status: state.status,
    queue,
    institution: institution ? { id: institution.id, name: institution.name } : null,
    dueAt: state.clock?.dueAt.toISOString() ?? null,
    accessCode,
  };
  return {
    ok: true as const,
    report: {
      trackingId,
      type: input.type,
      title: input.title,
      body: input.body,
      incidentDate: input.incidentDate,
      regionCode: input.location.regionCode,
      address: input.location.address || null,
      lat: lat ?? null,
      lng: lng ?? null,
      categoryId: input.categoryId,
      requestedInstitutionId: input.institutionId ?? null,
      institutionId: institution?.id ?? null,
      status: state.status,
      dueAt: state.clock?.dueAt ?? null,
      lifecycle: state,
      isAnonymous: input.isAnonymous,
      isConfidential: input.isConfidential,
      channel: filer.channel,
      language: input.language,
      reporterAccountId: filer.kind === 'citizen' ? filer.userId : null,
      reporterSealed: identity ? deps.sealer.seal(identity) : null,
      accessCodeHash: hashAccessCode(accessCode),
      integrationAppId: filer.kind === 'app' ? filer.app.appId : null,
      externalRef: filer.kind === 'app' ? (filer.externalRef ?? null) : null,
      createdAt: now,
    },
    event: {
      action: event.type,
      // A guest's first event names no one: the log must not identify an anonymous reporter.
      actorId: null,
      actorRole: event.actorRole,
      institutionId: null,
      at: event.at,
      fromStatus: event.from,
      toStatus: event.to,
      // Assigned, not spread: properties added after a spread cost ~1 µs each on intake's hot path.
      payload: Object.assign(
        {},
        event.payload,
        filer.kind === 'app'
          ? { channel: filer.channel, queue, via: viaOf(filer.app) }
          : { channel: filer.channel, queue },
      ),
    },
    created,
  };
}

/** A filing whose checks held but was not written: its key was answered by another request (null), or the app
 * already filed this reference (409). */
export async function conflicted(
  deps: FileDeps,
  filer: FilingCaller,
  conflict: FilingConflict,
): Promise<null> {
  if (conflict === 'idempotency_key') return null;
  const trackingId =
    filer.kind === 'app' && filer.externalRef !== undefined
      ? await deps.integration?.reportOfExternalRef(filer.app.appId, filer.externalRef)
      : null;
  return duplicateRef(trackingId ?? '');
}

/** 409 naming the report the app already filed with this reference (ADR 0012). */
function duplicateRef(trackingId: string): never {
  return fail(
    'CONFLICT',
    `Laporan dengan externalRef ini sudah dikirim aplikasi ini: ${trackingId}.`,
    [{ field: 'externalRef', code: 'duplicate_external_ref', message: trackingId }],
    'duplicate_external_ref',
  );
}
