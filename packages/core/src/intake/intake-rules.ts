/**
 * What a filing's own content says is wrong, before any reference is looked up (domain.md §4): the incident date,
 * the map pin, the reporter's name, the attachments listed. Pure: `now` comes in as an argument.
 */
import { localDate } from '../calendar/time-zones';
import type { FieldError } from '../errors';
import { isInIndonesia, REPORT_LIMITS } from '../report/report';

/** The earliest incident date a report may name: the proclamation of independence. */
export const EARLIEST_INCIDENT_DATE = '1945-08-17';

/** The parts of a filing the intake rules look at. */
export interface IntakeContent {
  /** `YYYY-MM-DD`. */
  incidentDate: string;
  location: { lat?: number | undefined; lng?: number | undefined };
  isAnonymous: boolean;
  reporter?: { name: string } | undefined;
  attachmentIds: readonly string[];
}

/** The message every intake validation failure carries; the fields say what to fix. */
export const INTAKE_INVALID_MESSAGE = 'Periksa kembali isian yang ditandai.';

/** Field errors of a filing's own content; empty when it may go on to the reference checks. */
export function intakeErrors(input: IntakeContent, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  // The incident cannot be in the future anywhere in Indonesia: compare with today in WIT, the zone furthest ahead.
  if (input.incidentDate > localDate(now, 'Asia/Jayapura'))
    errors.push({
      field: 'incidentDate',
      code: 'future',
      message: 'Tanggal kejadian tidak boleh di masa depan.',
    });
  if (input.incidentDate < EARLIEST_INCIDENT_DATE)
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
  if (input.attachmentIds.length > REPORT_LIMITS.attachmentsMax)
    errors.push({
      field: 'attachmentIds',
      code: 'too_big',
      message: `Maksimal ${REPORT_LIMITS.attachmentsMax} lampiran.`,
    });
  if (new Set(input.attachmentIds).size !== input.attachmentIds.length)
    errors.push({
      field: 'attachmentIds',
      code: 'duplicate',
      message: 'Lampiran yang sama disebut dua kali.',
    });
  return errors;
}

/** What the reference lookup found for a filing (regions, categories, institutions, attachments). */
export interface IntakeReferences {
  regionExists: boolean;
  categoryExists: boolean;
  institution: { active: boolean } | null;
  /** The requested attachments that exist and are not yet part of a report. */
  freeAttachmentIds: readonly string[];
}

/** Field errors of the references a filing names, given what the lookup found. */
export function referenceErrors(
  input: { institutionId?: number | undefined; attachmentIds: readonly string[] },
  ref: IntakeReferences,
): FieldError[] {
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
