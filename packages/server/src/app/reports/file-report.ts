/** Filing a report (intake): check the content and the references, open the lifecycle, store it atomically. */
import {
  type Actor,
  type CheckedInstitution,
  type FieldError,
  type FilingConflict,
  fail,
  type IdempotencyLease,
  INTAKE_INVALID_MESSAGE,
  intakeErrors,
  type KeyedAnswer,
  openReport,
  type ReferenceCheck,
  type ReportStatus,
  type ReportType,
  referenceErrors,
  type StoredAnswer,
} from '@pintu/core';
import { holderOf } from '../../db/holders';
import { hashAccessCode, newAccessCode, newTrackingId } from '../../security/ids';
import { type AppIdentity, viaOf } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { type GrievanceInput, type PreparedGrievance, prepareGrievance } from '../programs/file-grievance';
import { type ReportsSource, reportsOf } from './reports-port';

/**
 * Who files: a guest (access code only); a signed-in citizen, who becomes the report's reporter account ("my
 * reports"); or a facilitator filing for a villager, who stays a guest reporter with the access code while the
 * facilitator is recorded as the filer.
 */
export type FilingCaller =
  | { kind: 'guest'; channel: string }
  | { kind: 'citizen'; channel: string; userId: string }
  | { kind: 'facilitator'; channel: string; userId: string }
  | { kind: 'app'; channel: string; app: AppIdentity; externalRef?: string | undefined };

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
  Partial<Pick<AppDeps, 'integration' | 'federation' | 'programs'>> &
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

const invalid = (errors: FieldError[]): never => fail('VALIDATION', INTAKE_INVALID_MESSAGE, errors);

/** The report, its first event and the response, for a valid input and its (checked or presumed) institution. */
function draft(
  deps: FileDeps,
  input: ReportFiling,
  filer: FilingCaller,
  institution: CheckedInstitution | null,
  program?: PreparedGrievance['opening'],
) {
  const { now } = deps;
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
    { id: trackingId, type: input.type, reporterId, requested, program },
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

/**
 * Active institutions as earlier filings found them, per reports port (one per database), so that a filing can be
 * checked and written in one round trip. Only ever a presumption: the statement writes nothing unless the row
 * still matches field for field, so a stale entry costs a round trip, never a wrong report. At most one entry per
 * institution.
 */
const seenInstitutions = new WeakMap<object, Map<number, CheckedInstitution>>();

function remember(seen: Map<number, CheckedInstitution>, input: ReportFiling, ref: ReferenceCheck) {
  if (input.institutionId === undefined) return;
  if (ref.institution?.active) seen.set(ref.institution.id, ref.institution);
  else seen.delete(input.institutionId);
}

/**
 * Files a report; every check runs before anything is written, and the write is one atomic statement. Without
 * attachments, and with a known (or no) institution, the checks and the write are that one statement.
 */
export async function fileReport(
  deps: FileDeps,
  input: ReportFiling,
  filer: FilingCaller,
): Promise<FiledReport> {
  return federated(deps, (await fileOnce(deps, input, filer, undefined))!);
}

/**
 * A report filed for an institution another instance handles goes there now (ADR 0013), after its own commit: a
 * crash in between leaves it here for the federation sender's sweep (`forwardMissed`) to send.
 */
async function federated<T extends FiledReport | null>(deps: FileDeps, created: T): Promise<T> {
  if (created && deps.federation?.federated())
    await deps.federation.afterFiling(created.trackingId, deps.now);
  return created;
}

/**
 * `fileReport` with an Idempotency-Key: its answer is written with the report. Null when nothing was written because
 * another request with the same key stored its answer first (the caller replays that one).
 */
export function fileReportWithKey(
  deps: FileDeps,
  input: ReportFiling,
  filer: FilingCaller,
  idempotent: IdempotentFiling,
): Promise<FiledReport | null> {
  return fileOnce(deps, input, filer, idempotent).then((created) => federated(deps, created));
}

async function fileOnce(
  deps: FileDeps,
  input: ReportFiling,
  filer: FilingCaller,
  idempotent: IdempotentFiling | undefined,
): Promise<FiledReport | null> {
  const reports = reportsOf(deps);
  const errors = intakeErrors(input, deps.now);
  const seen = seenInstitutions.get(reports) ?? new Map<number, CheckedInstitution>();
  seenInstitutions.set(reports, seen);
  const keyed = (created: FiledReport): KeyedAnswer | undefined =>
    idempotent && {
      lease: idempotent.lease,
      fingerprint: idempotent.fingerprint,
      answer: idempotent.answerOf(created),
    };
  // A program grievance or a given gender takes its own write (one transaction); every other filing stays on the
  // single statement below, untouched.
  if (input.program !== undefined || input.reporterGender !== undefined)
    return fileGrievance(deps, input, filer, errors, keyed);

  let ref: ReferenceCheck | undefined;
  const presumed = input.institutionId === undefined ? null : seen.get(input.institutionId);
  if (!errors.length && !input.attachmentIds.length && presumed !== undefined) {
    const fast = draft(deps, input, filer, presumed);
    if (fast.ok) {
      const filed = await reports.fileIfValid(fast.report, fast.event, presumed, keyed(fast.created));
      if (filed.id !== null) return fast.created;
      if (filed.conflict) return conflicted(deps, filer, filed.conflict);
      // Nothing written: a reference is wrong, or the institution changed. Go on with what the database said.
      ref = filed.ref;
    }
  }

  ref ??= await reports.checkReferences({
    regionCode: input.location.regionCode,
    categoryId: input.categoryId,
    institutionId: input.institutionId,
    attachmentIds: input.attachmentIds,
  });
  remember(seen, input, ref);
  errors.push(...referenceErrors(input, ref));
  if (errors.length) invalid(errors);

  const filing = draft(deps, input, filer, ref.institution);
  // openReport refuses only a filer who may not submit; every filer kind may: this is a bug, not a bad request.
  if (!filing.ok) throw new Error(filing.message);
  const result = await reports.insert(
    filing.report,
    filing.event,
    input.attachmentIds,
    keyed(filing.created),
  );
  if ('conflict' in result) {
    if (result.conflict === 'attachments')
      invalid([{ field: 'attachmentIds', code: 'taken', message: 'Lampiran sudah dipakai laporan lain.' }]);
    else return conflicted(deps, filer, result.conflict);
  }
  return filing.created;
}

/** A program grievance (or a filing with the reporter's gender): intake's checks plus the program's, then its write. */
async function fileGrievance(
  deps: FileDeps,
  input: ReportFiling,
  filer: FilingCaller,
  errors: FieldError[],
  keyed: (created: FiledReport) => KeyedAnswer | undefined,
): Promise<FiledReport | null> {
  if (!deps.programs) throw new Error('a program filing needs the programs port');
  const ref = await reportsOf(deps).checkReferences({
    regionCode: input.location.regionCode,
    categoryId: input.categoryId,
    institutionId: input.institutionId,
    attachmentIds: input.attachmentIds,
  });
  const grievance = input.program
    ? await prepareGrievance(
        deps as Pick<AppDeps, 'programs'>,
        input.program,
        input.location.regionCode,
        errors,
      )
    : null;
  // The program category names the national one; a program filing's own categoryId is not checked.
  const checked = grievance ? Object.assign({}, input, { categoryId: grievance.categoryId }) : input;
  errors.push(
    ...referenceErrors(checked, { ...ref, categoryExists: ref.categoryExists || grievance !== null }),
  );
  if (errors.length) invalid(errors);
  const filing = draft(deps, checked, filer, grievance?.institution ?? ref.institution, grievance?.opening);
  if (!filing.ok) throw new Error(filing.message);
  const state = filing.report.lifecycle;
  if (grievance && state.program)
    filing.created.program = {
      code: grievance.code,
      level: state.program.level,
      levelDueAt: state.program.levelDueAt.toISOString(),
    };
  const columns = grievance &&
    state.program && {
      ...grievance.columns,
      level: state.program.level,
      levelDueAt: state.program.levelDueAt,
    };
  const result = await deps.programs.insertGrievance(
    filing.report,
    filing.event,
    input.attachmentIds,
    columns || null,
    input.reporterGender ?? null,
    keyed(filing.created),
  );
  if ('conflict' in result) {
    if (result.conflict === 'attachments')
      invalid([{ field: 'attachmentIds', code: 'taken', message: 'Lampiran sudah dipakai laporan lain.' }]);
    else return conflicted(deps, filer, result.conflict);
  }
  return filing.created;
}

/** A filing whose checks held but was not written: its key was answered by another request (null), or the app
 * already filed this reference (409). */
async function conflicted(deps: FileDeps, filer: FilingCaller, conflict: FilingConflict): Promise<null> {
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
