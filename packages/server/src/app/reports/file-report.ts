/**
 * Filing a report (intake): check the content and the references, pass the abuse gate (docs/abuse.md), open the
 * lifecycle, store it atomically. Every channel comes here (web, Open311, SMS, e-mail, the integration API).
 */
import {
  type CheckedInstitution,
  type FieldError,
  type FilingOrigin,
  type FlagRule,
  fail,
  type GateStop,
  INTAKE_INVALID_MESSAGE,
  intakeErrors,
  type KeyedAnswer,
  type ReferenceCheck,
  referenceErrors,
} from '@pintu/core';
import type { AppDeps } from '../deps';
import { prepareGrievance } from '../programs/file-grievance';
import {
  conflicted,
  draft,
  type FileDeps,
  type FiledReport,
  type FilingCaller,
  type IdempotentFiling,
  type ReportFiling,
} from './filing';
import { type PreparedGate, prepareGate, stopVerdict } from './filing-gate';
import { reportsOf } from './reports-port';

export type { FileDeps, FiledReport, FilingCaller, IdempotentFiling, ReportFiling } from './filing';

const invalid = (errors: FieldError[]): never => fail('VALIDATION', INTAKE_INVALID_MESSAGE, errors);

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

/**
 * Who the filing limits count (docs/abuse.md): a guest by address and contact, an account by itself. An app
 * answers for its own filings (its key has a rate limit), except on Open311, whose key a public client may embed:
 * those count as a guest's.
 */
function originOf(filer: FilingCaller, input: ReportFiling): FilingOrigin | null {
  if (filer.kind === 'citizen' || filer.kind === 'facilitator')
    return { kind: filer.kind, accountId: filer.userId };
  if (filer.kind === 'app' && filer.channel !== 'open311') return null;
  return { kind: 'guest', address: filer.address, contact: input.reporter };
}

/** What one attempt at writing gives: the report (null: its key was answered elsewhere), or the gate's stop. */
type Attempt = { created: FiledReport | null } | { stop: GateStop };

/**
 * One filing through the gate: a repeat or a limit that refuses ends it (409, 429) with nothing written; a limit
 * that flags sends it again, accepted and held for moderation.
 */
async function fileOnce(
  deps: FileDeps,
  input: ReportFiling,
  filer: FilingCaller,
  idempotent: IdempotentFiling | undefined,
): Promise<FiledReport | null> {
  const gate = prepareGate(deps.filingGuard, originOf(filer, input), input.title, input.body, deps.now);
  const flags: FlagRule[] = input.honeypot ? ['honeypot'] : [];
  if (gate) gate.query.flagged = flags.length > 0;
  const first = await attempt(deps, input, filer, idempotent, gate, flags);
  if ('created' in first) return first.created;
  const verdict = stopVerdict(deps.filingGuard!, gate!, first.stop, deps.now);
  if (verdict.kind !== 'flag') throw new Error('the gate stopped a filing for no reason');
  gate!.query.flagged = true;
  const again = await attempt(deps, input, filer, idempotent, gate, [...flags, verdict.rule]);
  if ('created' in again) return again.created;
  stopVerdict(deps.filingGuard!, gate!, again.stop, deps.now);
  throw new Error('a flagged filing was stopped by a flagging limit');
}

async function attempt(
  deps: FileDeps,
  input: ReportFiling,
  filer: FilingCaller,
  idempotent: IdempotentFiling | undefined,
  gate: PreparedGate | null,
  flags: FlagRule[],
): Promise<Attempt> {
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
    return fileGrievance(deps, input, filer, errors, keyed, gate, flags);

  let ref: ReferenceCheck | undefined;
  const presumed = input.institutionId === undefined ? null : seen.get(input.institutionId);
  if (!errors.length && !input.attachmentIds.length && presumed !== undefined) {
    const fast = draft(deps, input, filer, presumed, flags);
    if (fast.ok) {
      const filed = await reports.fileIfValid(
        fast.report,
        fast.event,
        presumed,
        keyed(fast.created),
        gate?.query,
      );
      if (filed.id !== null) return { created: fast.created };
      if (filed.gate) return { stop: filed.gate };
      if (filed.conflict) return { created: await conflicted(deps, filer, filed.conflict) };
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

  const filing = draft(deps, input, filer, ref.institution, flags);
  // openReport refuses only a filer who may not submit; every filer kind may: this is a bug, not a bad request.
  if (!filing.ok) throw new Error(filing.message);
  const result = await reports.insert(
    filing.report,
    filing.event,
    input.attachmentIds,
    keyed(filing.created),
    gate?.query,
  );
  return written(deps, filer, result, filing.created);
}

/** What a write's result means for the filer. */
async function written(
  deps: FileDeps,
  filer: FilingCaller,
  result:
    | { id: number }
    | { conflict: 'attachments' | 'idempotency_key' | 'external_ref' }
    | { gate: GateStop },
  created: FiledReport,
): Promise<Attempt> {
  if ('gate' in result) return { stop: result.gate };
  if ('conflict' in result) {
    if (result.conflict === 'attachments')
      invalid([{ field: 'attachmentIds', code: 'taken', message: 'Lampiran sudah dipakai laporan lain.' }]);
    else return { created: await conflicted(deps, filer, result.conflict) };
  }
  return { created };
}

/** A program grievance (or a filing with the reporter's gender): intake's checks plus the program's, then its write. */
async function fileGrievance(
  deps: FileDeps,
  input: ReportFiling,
  filer: FilingCaller,
  errors: FieldError[],
  keyed: (created: FiledReport) => KeyedAnswer | undefined,
  gate: PreparedGate | null,
  flags: FlagRule[],
): Promise<Attempt> {
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
  const holder = grievance?.institution ?? ref.institution;
  const filing = draft(deps, checked, filer, holder, flags, grievance?.opening);
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
    gate?.query,
  );
  return written(deps, filer, result, filing.created);
}
