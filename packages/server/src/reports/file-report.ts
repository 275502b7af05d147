/** Filing a report (intake): validate references, open the lifecycle, store report + first event atomically. */
import { isInIndonesia, localDate, openReport } from '@pintu/core';
import { holderOf } from '../db/holders';
import { checkReferences, insertReport } from '../db/reports-repo';
import type { Deps } from '../http/context';
import { type FieldError, ProblemError } from '../http/problem';
import type { ReportInput } from '../http/reports/reports.schema';
import { hashAccessCode, newAccessCode, newTrackingId } from '../security/ids';

/** Who files: a guest on the web today; accounts, facilitators and integrations pass their own. */
export interface Filer {
  kind: 'guest';
  channel: string;
}

const invalid = (errors: FieldError[]) =>
  new ProblemError('VALIDATION', 'Periksa kembali isian yang ditandai.', errors);

/** Files a report; every check runs before anything is written, and the write is one atomic statement. */
export async function fileReport(
  deps: Pick<Deps, 'db' | 'sealer' | 'calendar'> & { now: Date },
  input: ReportInput,
  filer: Filer,
) {
  const { db, now } = deps;
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

  const ref = await checkReferences(db, {
    regionCode: input.location.regionCode,
    categoryId: input.categoryId,
    institutionId: input.institutionId,
    attachmentIds: input.attachmentIds,
  });
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
  if (errors.length) throw invalid(errors);

  const requested = ref.institution ? holderOf(ref.institution) : null;
  const trackingId = newTrackingId();
  const accessCode = newAccessCode();
  const reporterId = `guest:${trackingId}`;
  const opened = openReport(
    { id: trackingId, type: input.type, reporterId, requested },
    { id: reporterId, role: 'guest', institutionId: null },
    now,
    { calendar: deps.calendar.get() },
  );
  if (!opened.ok) throw new ProblemError('INTERNAL', opened.error.message);
  const state = opened.report;
  const event = opened.events[0]!;
  const identity = input.reporter ? { ...input.reporter } : null;
  const result = await insertReport(
    db,
    {
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
      institutionId: ref.institution?.id ?? null,
      status: state.status,
      dueAt: state.clock?.dueAt ?? null,
      lifecycle: state,
      isAnonymous: input.isAnonymous,
      isConfidential: input.isConfidential,
      channel: filer.channel,
      language: input.language,
      reporterAccountId: null,
      reporterSealed: identity ? deps.sealer.seal(identity) : null,
      accessCodeHash: hashAccessCode(accessCode),
      createdAt: now,
    },
    {
      action: event.type,
      // A guest's first event names no one: the log must not identify an anonymous reporter.
      actorId: null,
      actorRole: event.actorRole,
      institutionId: null,
      at: event.at,
      fromStatus: event.from,
      toStatus: event.to,
      payload: {
        ...event.payload,
        channel: filer.channel,
        queue: ref.institution ? 'institution' : 'national',
      },
    },
    input.attachmentIds,
  );
  if ('conflict' in result)
    throw invalid([
      { field: 'attachmentIds', code: 'taken', message: 'Lampiran sudah dipakai laporan lain.' },
    ]);
  return {
    trackingId,
    status: state.status,
    queue: ref.institution ? ('institution' as const) : ('national' as const),
    institution: ref.institution ? { id: ref.institution.id, name: ref.institution.name } : null,
    dueAt: state.clock?.dueAt.toISOString() ?? null,
    accessCode,
  };
}
