/** Filing a report (intake): validate references, open the lifecycle, store report + first event atomically. */
import { type Actor, isInIndonesia, localDate, openReport } from '@pintu/core';
import { holderOf } from '../../db/holders';
import {
  type CheckedInstitution,
  checkReferences,
  fileReportIfValid,
  insertReport,
  type ReferenceCheck,
} from '../../db/postgres-reports';
import type { Deps } from '../../http/context';
import { type FieldError, ProblemError } from '../../http/problem';
import type { ReportInput } from '../../http/reports/reports.schema';
import { hashAccessCode, newAccessCode, newTrackingId } from '../../security/ids';

/**
 * Who files: a guest (access code only); a signed-in citizen, who becomes the report's reporter account ("my
 * reports"); or a facilitator filing for a villager, who stays a guest reporter with the access code while the
 * facilitator is recorded as the filer.
 */
export type Filer =
  | { kind: 'guest'; channel: string }
  | { kind: 'citizen'; channel: string; userId: string }
  | { kind: 'facilitator'; channel: string; userId: string };

const invalid = (errors: FieldError[]) =>
  new ProblemError('VALIDATION', 'Periksa kembali isian yang ditandai.', errors);

type FileDeps = Pick<Deps, 'db' | 'sealer' | 'calendar'> & { now: Date };

/** What the input alone says is wrong (no database needed). */
function inputErrors(input: ReportInput, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  // The incident cannot be in the future anywhere in Indonesia: compare with today in WIT, the zone furthest ahead.
  if (input.incidentDate > localDate(now, 'Asia/Jayapura'))
    errors.push({
      field: 'incidentDate',
      code: 'future',
      message: 'Tanggal kejadian tidak boleh di masa depan.',
    });
  if (input.incidentDate < '1945-08-17')
    errors.push({ field: 'incidentDate', code: 'too_old', message: 'Tanggal kejadian tidak valid.' });
  const { lat, lng } = input.location;
  if ((lat === undefined) !== (lng === undefined))
    errors.push({
      field: lat === undefined ? 'location.lat' : 'location.lng',
      code: 'pair',
      message: 'Isi lintang dan bujur bersama.',
    });
  else if (lat !== undefined && lng !== undefined && !isInIndonesia(lat, lng))
    errors.push({
      field: 'location.lat',
      code: 'outside_indonesia',
      message: 'Titik lokasi di luar wilayah Indonesia.',
    });
  if (!input.isAnonymous && !input.reporter)
    errors.push({
      field: 'reporter.name',
      code: 'required',
      message: 'Isi nama Anda, atau pilih lapor sebagai anonim.',
    });
  if (new Set(input.attachmentIds).size !== input.attachmentIds.length)
    errors.push({
      field: 'attachmentIds',
      code: 'duplicate',
      message: 'Lampiran yang sama disebut dua kali.',
    });
  return errors;
}

/** What the database says is wrong with the references. */
function referenceErrors(input: ReportInput, ref: ReferenceCheck): FieldError[] {
  const errors: FieldError[] = [];
  if (!ref.regionExists)
    errors.push({ field: 'location.regionCode', code: 'unknown', message: 'Kode wilayah tidak ditemukan.' });
  if (!ref.categoryExists)
    errors.push({ field: 'categoryId', code: 'unknown', message: 'Kategori tidak ditemukan.' });
  if (input.institutionId !== undefined && !ref.institution?.active)
    errors.push({ field: 'institutionId', code: 'unknown', message: 'Instansi tidak ditemukan.' });
  input.attachmentIds.forEach((id, i) => {
    if (!ref.freeAttachmentIds.includes(id))
      errors.push({
        field: `attachmentIds.${i}`,
        code: 'unknown',
        message: 'Lampiran tidak ditemukan atau sudah dipakai.',
      });
  });
  return errors;
}

/** The report, its first event and the response, for a valid input and its (checked or presumed) institution. */
function draft(deps: FileDeps, input: ReportInput, filer: Filer, institution: CheckedInstitution | null) {
  const { now } = deps;
  const requested = institution ? holderOf(institution) : null;
  const trackingId = newTrackingId();
  const accessCode = newAccessCode();
  const reporterId = filer.kind === 'citizen' ? filer.userId : `guest:${trackingId}`;
  const actor: Actor =
    filer.kind === 'guest'
      ? { id: reporterId, role: 'guest', institutionId: null }
      : { id: filer.userId, role: filer.kind, institutionId: null };
  const opened = openReport({ id: trackingId, type: input.type, reporterId, requested }, actor, now, {
    calendar: deps.calendar.get(),
  });
  if (!opened.ok) return { ok: false as const, message: opened.error.message };
  const state = opened.report;
  const event = opened.events[0]!;
  const identity = input.reporter ? { ...input.reporter } : null;
  const { lat, lng } = input.location;
  const queue = institution ? ('institution' as const) : ('national' as const);
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
      payload: { ...event.payload, channel: filer.channel, queue },
    },
    created: {
      trackingId,
      status: state.status,
      queue,
      institution: institution ? { id: institution.id, name: institution.name } : null,
      dueAt: state.clock?.dueAt.toISOString() ?? null,
      accessCode,
    },
  };
}

/**
 * Active institutions as earlier filings found them, per database, so that a filing can be checked and written in
 * one round trip. Only ever a presumption: the statement writes nothing unless the row still matches field for
 * field, so a stale entry costs a round trip, never a wrong report. At most one entry per institution.
 */
const seenInstitutions = new WeakMap<object, Map<number, CheckedInstitution>>();

function remember(seen: Map<number, CheckedInstitution>, input: ReportInput, ref: ReferenceCheck) {
  if (input.institutionId === undefined) return;
  if (ref.institution?.active) seen.set(ref.institution.id, ref.institution);
  else seen.delete(input.institutionId);
}

/**
 * Files a report; every check runs before anything is written, and the write is one atomic statement. Without
 * attachments, and with a known (or no) institution, the checks and the write are that one statement.
 */
export async function fileReport(deps: FileDeps, input: ReportInput, filer: Filer) {
  const { db } = deps;
  const errors = inputErrors(input, deps.now);
  const seen = seenInstitutions.get(db) ?? new Map<number, CheckedInstitution>();
  seenInstitutions.set(db, seen);

  let ref: ReferenceCheck | undefined;
  const presumed = input.institutionId === undefined ? null : seen.get(input.institutionId);
  if (!errors.length && !input.attachmentIds.length && presumed !== undefined) {
    const fast = draft(deps, input, filer, presumed);
    if (fast.ok) {
      const filed = await fileReportIfValid(db, fast.report, fast.event, presumed);
      if (filed.id !== null) return fast.created;
      // Nothing written: a reference is wrong, or the institution changed. Go on with what the database said.
      ref = filed.ref;
    }
  }

  ref ??= await checkReferences(db, {
    regionCode: input.location.regionCode,
    categoryId: input.categoryId,
    institutionId: input.institutionId,
    attachmentIds: input.attachmentIds,
  });
  remember(seen, input, ref);
  errors.push(...referenceErrors(input, ref));
  if (errors.length) throw invalid(errors);

  const filing = draft(deps, input, filer, ref.institution);
  if (!filing.ok) throw new ProblemError('INTERNAL', filing.message);
  const result = await insertReport(db, filing.report, filing.event, input.attachmentIds);
  if ('conflict' in result)
    throw invalid([
      { field: 'attachmentIds', code: 'taken', message: 'Lampiran sudah dipakai laporan lain.' },
    ]);
  return filing.created;
}
