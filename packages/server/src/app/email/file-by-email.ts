/**
 * A new report from an e-mail, through the intake every channel uses (reports/file-report.ts) and the upload path
 * of POST /api/v1/attachments (attachments/upload-attachment.ts). Every check runs before anything is stored: a
 * refused message leaves no report and no attachment behind, and its sender is told why.
 */
import {
  attachmentFilename,
  attachmentSizeError,
  DomainFailure,
  type IdempotencyLease,
  localDate,
  REPORT_LIMITS,
} from '@pintu/core';
import { type CleanFile, RejectedFile, sanitizeUpload } from '../../attachments/sanitize';
import { uploadAttachment } from '../attachments/upload-attachment';
import { type FiledReport, fileReport, fileReportWithKey, type ReportFiling } from '../reports/file-report';
import type { EmailChannelSettings, EmailDeps, InboundEmail } from './inbound-email';

/** Why a message was not filed, in both languages of the answer. */
export interface Reason {
  id: string;
  en: string;
}

export type Filed = { kind: 'filed'; report: FiledReport; title: string; confidential: boolean };
export type Refused = { kind: 'refused'; reasons: Reason[] };

const L = REPORT_LIMITS;
const MB = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 });
const refused = (reasons: Reason[]): Refused => ({ kind: 'refused', reasons });

/** Files the message as a guest's report on the `email` channel, or says why it cannot be. */
export async function fileByEmail(
  deps: EmailDeps,
  mail: InboundEmail,
  settings: EmailChannelSettings,
  lease: IdempotencyLease | null,
): Promise<Filed | Refused | { kind: 'duplicate' }> {
  const reasons = [...textReasons(mail.body), ...attachmentReasons(mail.attachments)];
  const [region, category] = await Promise.all([
    regionOf(deps, mail.fields.region ?? settings.defaults.region),
    categoryOf(deps, mail.fields.category ?? settings.defaults.category, settings.publicUrl),
  ]);
  if ('reason' in region) reasons.push(region.reason);
  if ('reason' in category) reasons.push(category.reason);
  if (reasons.length || 'reason' in region || 'reason' in category) return refused(reasons);

  // Every file is checked before the first is stored, so that a refusal leaves none behind.
  const cleaned: CleanFile[] = [];
  for (const file of mail.attachments) {
    try {
      cleaned.push(await sanitizeUpload(file.bytes));
    } catch (err) {
      if (!(err instanceof RejectedFile)) throw err;
      reasons.push(rejectedReason(attachmentFilename(file.name, 'bin'), err));
    }
  }
  if (reasons.length) return refused(reasons);
  const attachmentIds: string[] = [];
  for (const [i, file] of mail.attachments.entries()) {
    const clean = cleaned[i]!;
    attachmentIds.push((await uploadAttachment(deps, file, async () => clean)).id);
  }

  const title = titleOf(mail.title, mail.body);
  const input: ReportFiling = {
    type: 'complaint',
    title,
    body: mail.body,
    incidentDate: localDate(deps.now, 'Asia/Jakarta'),
    location: { regionCode: region.code, address: mail.fields.address?.slice(0, L.addressMax) },
    categoryId: category.id,
    isAnonymous: mail.fields.anonymous,
    isConfidential: mail.fields.confidential,
    attachmentIds,
    reporter: {
      name: (mail.sender.name.trim() || mail.sender.address).slice(0, L.nameMax),
      email: mail.sender.address,
    },
    language: 'id',
  };
  const filer = { kind: 'guest', channel: 'email' } as const;
  try {
    const report = lease
      ? await fileReportWithKey(deps, input, filer, {
          lease,
          fingerprint: lease.key,
          answerOf: (created) => ({ status: 201, headers: {}, body: created.trackingId }),
        })
      : await fileReport(deps, input, filer);
    if (!report) return { kind: 'duplicate' };
    return { kind: 'filed', report, title, confidential: input.isConfidential };
  } catch (err) {
    if (err instanceof DomainFailure) return refused(failureReasons(err));
    throw err;
  }
}

function textReasons(body: string): Reason[] {
  if (body.length < L.bodyMin)
    return [
      {
        id: `Isi e-mail kosong atau terlalu pendek: ceritakan kejadiannya paling sedikit ${L.bodyMin} karakter (tanda tangan dan kutipan e-mail sebelumnya tidak dihitung).`,
        en: `The message is empty or too short: describe what happened in at least ${L.bodyMin} characters (signatures and quoted earlier messages do not count).`,
      },
    ];
  if (body.length > L.bodyMax)
    return [
      {
        id: `Isi e-mail terlalu panjang: paling banyak ${L.bodyMax.toLocaleString('id-ID')} karakter.`,
        en: `The message is too long: at most ${L.bodyMax.toLocaleString('en')} characters.`,
      },
    ];
  return [];
}

function attachmentReasons(files: InboundEmail['attachments']): Reason[] {
  const reasons: Reason[] = [];
  if (files.length > L.attachmentsMax)
    reasons.push({
      id: `Lampiran terlalu banyak: paling banyak ${L.attachmentsMax} berkas.`,
      en: `Too many attachments: at most ${L.attachmentsMax} files.`,
    });
  for (const file of files) {
    const error = attachmentSizeError(file.bytes.length);
    const name = attachmentFilename(file.name, 'bin');
    if (error?.code === 'TOO_LARGE')
      reasons.push({
        id: `Berkas "${name}" (${MB(file.bytes.length)} MB) melebihi batas ${MB(L.attachmentBytesMax)} MB per berkas.`,
        en: `The file "${name}" (${MB(file.bytes.length)} MB) is over the limit of ${MB(L.attachmentBytesMax)} MB per file.`,
      });
    else if (error) reasons.push({ id: `Berkas "${name}" kosong.`, en: `The file "${name}" is empty.` });
  }
  return reasons;
}

function rejectedReason(name: string, err: RejectedFile): Reason {
  return err.reason === 'unreadable_image'
    ? {
        id: `Gambar "${name}" rusak atau tidak dapat dibaca.`,
        en: `The image "${name}" is damaged or unreadable.`,
      }
    : {
        id: `Berkas "${name}" tidak diterima: hanya gambar, PDF atau video.`,
        en: `The file "${name}" is not accepted: only images, PDF or video.`,
      };
}

async function regionOf(
  deps: EmailDeps,
  text: string | undefined,
): Promise<{ code: string } | { reason: Reason }> {
  if (!text)
    return {
      reason: {
        id: 'Lokasi kejadian belum disebut: tambahkan baris "Wilayah:" dengan kode wilayah Kemendagri (misalnya 64.72) atau nama kabupaten/kota (misalnya Kota Samarinda).',
        en: 'The place is missing: add a line "Region:" with the Kemendagri region code (e.g. 64.72) or the name of the regency or city (e.g. Kota Samarinda).',
      },
    };
  const found = await deps.references.region(text);
  if (found.kind === 'found') return { code: found.value.code };
  if (found.kind === 'ambiguous')
    return {
      reason: {
        id: `Wilayah "${text}" dapat berarti ${found.names.join(' atau ')}: tuliskan salah satunya.`,
        en: `The region "${text}" may mean ${found.names.join(' or ')}: write one of them.`,
      },
    };
  return {
    reason: {
      id: `Wilayah "${text}" tidak ditemukan: tulis kode wilayah Kemendagri atau nama provinsi atau kabupaten/kota yang lengkap.`,
      en: `The region "${text}" was not found: write the Kemendagri region code or the full name of the province, regency or city.`,
    },
  };
}

async function categoryOf(
  deps: EmailDeps,
  text: string | undefined,
  publicUrl: string,
): Promise<{ id: number } | { reason: Reason }> {
  const list = `${publicUrl}/report`;
  if (!text)
    return {
      reason: {
        id: `Kategori belum disebut: tambahkan baris "Kategori:" dengan nama kategori, misalnya "Kategori: Jalan & Jembatan Kabupaten/Kota" (daftarnya ada di formulir ${list}).`,
        en: `The category is missing: add a line "Category:" with a category's name, e.g. "Category: Regency/city roads and bridges" (they are listed on the form at ${list}).`,
      },
    };
  const found = await deps.references.category(text);
  if (found.kind === 'found') return { id: found.value.id };
  if (found.kind === 'ambiguous')
    return {
      reason: {
        id: `Kategori "${text}" dapat berarti ${found.names.join(' atau ')}: tuliskan salah satunya.`,
        en: `The category "${text}" may mean ${found.names.join(' or ')}: write one of them.`,
      },
    };
  return {
    reason: {
      id: `Kategori "${text}" tidak ditemukan (daftarnya ada di formulir ${list}).`,
      en: `The category "${text}" was not found (they are listed on the form at ${list}).`,
    },
  };
}

/** The intake's own refusal (rare here: the references were found above), each field's message in both. */
function failureReasons(err: DomainFailure): Reason[] {
  // A filing limit or a repeat (docs/abuse.md) says it in both languages already.
  if (err.error.code === 'RATE_LIMITED' || err.error.reason === 'duplicate_submission') {
    const [id, en] = err.message.split(' / ');
    return [{ id: id ?? err.message, en: en ?? err.message }];
  }
  const fields = err.error.fields ?? [];
  if (!fields.length) return [{ id: err.message, en: `Refused: ${err.message}` }];
  return fields.map((f) => ({ id: f.message, en: `Refused (${f.field}): ${f.message}` }));
}

/** The subject, or when it is too short to be a title, the text's beginning; cut at a word within the limit. */
export function titleOf(subject: string, body: string): string {
  const text = subject.length >= L.titleMin ? subject : body.replace(/\s+/g, ' ');
  if (text.length <= L.titleMax) return text;
  const cut = text.slice(0, L.titleMax - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > L.titleMax / 2 ? cut.slice(0, space) : cut}…`;
}
