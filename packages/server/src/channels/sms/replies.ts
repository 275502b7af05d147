/**
 * The SMS channel's answers, in the language of the keyword the sender used. Each is written to fit one 160-character
 * GSM-7 SMS with a tracking id in it; extras (who handles the report) are added only while they still fit.
 */
import {
  type ReportStatus,
  STATUS_LABELS_EN,
  STATUS_LABELS_ID,
  TIME_ZONE_ABBREVIATIONS,
  type TimeZone,
  utcOffsetMs,
} from '@pintu/core';
import type { SmsOutcome } from '../../app/sms/sms-deps';
import { isGsm7, SINGLE, smsLength } from './gsm7';
import type { SmsLanguage } from './parse';

/** What the channel itself answers, before (or instead of) a use case. */
export type ChannelAnswer =
  | { kind: 'help' }
  | { kind: 'missing_id'; command: 'check' | 'reply' }
  | { kind: 'bad_code'; code: string }
  | { kind: 'too_many' };

const STAGE: Record<SmsLanguage, Record<string, string>> = {
  id: {
    verify: 'verifikasi',
    acknowledge: 'respons awal',
    follow_up: 'tindak lanjut',
    reporter_response: 'tanggapan Anda',
    hold_response: 'jawaban Anda',
  },
  en: {
    verify: 'verification',
    acknowledge: 'first response',
    follow_up: 'follow-up',
    reporter_response: 'your reply',
    hold_response: 'your answer',
  },
};

const MONTHS = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** `10 Des 2026 23.59 WIB`: the holder's local time, as Indonesians write it (`23:59` in English). */
export function localTime(t: Date, tz: TimeZone, lang: SmsLanguage): string {
  const d = new Date(t.getTime() + utcOffsetMs(tz));
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const month = MONTHS[lang][d.getUTCMonth()];
  const time = lang === 'en' ? `${hh}:${mm}` : `${hh}.${mm}`;
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()} ${time} ${TIME_ZONE_ABBREVIATIONS[tz]}`;
}

/** `base` with each extra appended while the whole still fits one SMS. */
function withExtras(base: string, ...extras: (string | null)[]): string {
  let text = base;
  for (const extra of extras) {
    if (!extra) continue;
    const next = `${text} ${extra}`;
    if (isGsm7(next) && smsLength(next) <= SINGLE.gsm7) text = next;
  }
  return text;
}

const HELP = {
  id: 'Format SMS: LAPOR <isi laporan>; CEK <Tracking ID>; BALAS <Tracking ID> <isi>. Wilayah: LAPOR #64.72 <isi>. Instansi: LAPOR @kode <isi>',
  en: 'SMS format: REPORT <text>; CHECK <Tracking ID>; REPLY <Tracking ID> <text>. Region: REPORT #64.72 <text>. Institution: REPORT @code <text>',
};

/** The answer to one message. */
export function replyText(answer: SmsOutcome | ChannelAnswer, lang: SmsLanguage): string {
  const en = lang === 'en';
  switch (answer.kind) {
    case 'help':
      return HELP[lang];
    case 'too_many':
      return en
        ? 'Too many messages from this number. Messages are not answered for a while; please try again later.'
        : 'Terlalu banyak SMS dari nomor ini. Untuk sementara SMS tidak dijawab; silakan coba lagi nanti.';
    case 'missing_id': {
      const form = answer.command === 'check' ? (en ? 'CHECK' : 'CEK') : en ? 'REPLY' : 'BALAS';
      const tail = answer.command === 'reply' ? (en ? ' <text>' : ' <isi>') : '';
      return en
        ? `Write the Tracking ID: ${form} LPR-XXXX-XXXX-XXXX${tail}`
        : `Tulis Tracking ID-nya: ${form} LPR-XXXX-XXXX-XXXX${tail}`;
    }
    case 'bad_code':
      return en
        ? `The code ${answer.code} is not valid. Region: #64.72, institution: @pemda-64.72. E.g. REPORT #64.72 <text>`
        : `Kode ${answer.code} tidak sesuai. Wilayah: #64.72, instansi: @pemda-64.72. Contoh: LAPOR #64.72 <isi>`;
    case 'filed':
      return withExtras(
        en
          ? `Report received. ID: ${answer.trackingId} Access code: ${answer.accessCode} (keep it secret). Check: CHECK ${answer.trackingId}`
          : `Laporan diterima. ID: ${answer.trackingId} Kode akses: ${answer.accessCode} (rahasiakan). Cek: CEK ${answer.trackingId}`,
        answer.institution ? (en ? `To: ${answer.institution}` : `Ke: ${answer.institution}`) : null,
      );
    case 'file_refused':
      return fileRefusal(answer.reason, lang);
    case 'status':
      return statusText(answer, lang);
    case 'not_found':
      return en
        ? `No report ${answer.trackingId} was filed from this number. Check the Tracking ID.`
        : `Tidak ada laporan ${answer.trackingId} dari nomor ini. Periksa Tracking ID-nya.`;
    case 'replied':
      return en
        ? `Your reply to ${answer.trackingId} was received and passed to the institution.`
        : `Tanggapan Anda untuk ${answer.trackingId} diterima dan diteruskan ke instansi.`;
    case 'reply_refused':
      return replyRefusal(answer, lang);
    case 'duplicate':
      return '';
  }
}

function fileRefusal(reason: Extract<SmsOutcome, { kind: 'file_refused' }>['reason'], lang: SmsLanguage) {
  const en = lang === 'en';
  switch (reason.why) {
    case 'empty':
      return en
        ? 'The report is empty. Send: REPORT <what happened, where, when>'
        : 'Isi laporan kosong. Kirim: LAPOR <apa yang terjadi, di mana, kapan>';
    case 'too_short':
      return en
        ? 'The report is too short: write at least 30 characters (what, where, when). Send: REPORT <text>'
        : 'Laporan terlalu pendek: tulis minimal 30 huruf (apa, di mana, kapan). Kirim: LAPOR <isi>';
    case 'too_long':
      return en
        ? 'The report is too long: at most 8000 characters.'
        : 'Laporan terlalu panjang: maksimal 8000 huruf.';
    case 'no_region':
      return en
        ? 'Name the region: REPORT #<region code> <text>, e.g. REPORT #64.72 <text>'
        : 'Sebutkan wilayahnya: LAPOR #<kode wilayah> <isi>, misalnya LAPOR #64.72 <isi>';
    case 'not_configured':
      return en
        ? 'Sorry, reporting by SMS is not available yet. Please report on the website.'
        : 'Maaf, layanan LAPOR lewat SMS belum siap. Silakan lapor lewat situs web.';
    case 'unknown_region':
      return en
        ? `Unknown region code #${reason.code}. Use the Kemendagri code, e.g. REPORT #64.72 <text>`
        : `Kode wilayah #${reason.code} tidak dikenal. Pakai kode Kemendagri, mis. LAPOR #64.72 <isi>`;
    case 'unknown_institution':
      return en
        ? `Unknown institution code @${reason.code}. Send without it: REPORT <text>`
        : `Kode instansi @${reason.code} tidak dikenal. Kirim tanpa kode: LAPOR <isi>`;
    case 'invalid':
      return en
        ? `The report was not accepted: ${reason.message}`
        : `Laporan belum diterima: ${reason.message}`;
  }
}

function statusText(s: Extract<SmsOutcome, { kind: 'status' }>, lang: SmsLanguage): string {
  const en = lang === 'en';
  const label = en ? STATUS_LABELS_EN[s.status] : STATUS_LABELS_ID[s.status];
  let deadline: string | null = null;
  if (s.deadline) {
    const d = s.deadline;
    const stage = STAGE[lang][d.stage] ?? d.stage;
    const left =
      d.workingDaysLeft < 0
        ? en
          ? 'overdue'
          : 'lewat batas'
        : en
          ? `${d.workingDaysLeft} working days left`
          : `${d.workingDaysLeft} hari kerja lagi`;
    deadline = en
      ? `Deadline for ${stage}: ${localTime(d.dueAt, d.timeZone, lang)} (${left}).`
      : `Batas ${stage}: ${localTime(d.dueAt, d.timeZone, lang)} (${left}).`;
  }
  const base = [`${s.trackingId}: ${label}.`, deadline].filter(Boolean).join(' ');
  const answer = REPLY_HINT[s.status]
    ? en
      ? `Reply: REPLY ${s.trackingId} <text>`
      : `Balas: BALAS ${s.trackingId} <isi>`
    : null;
  const holder = s.institution
    ? en
      ? `Handled by: ${s.institution}.`
      : `Ditangani: ${s.institution}.`
    : null;
  return withExtras(base, answer, holder);
}

/** Statuses in which the reporter is asked to answer. */
const REPLY_HINT: Partial<Record<ReportStatus, true>> = { awaiting_reporter: true, on_hold: true };

function replyRefusal(r: Extract<SmsOutcome, { kind: 'reply_refused' }>, lang: SmsLanguage): string {
  const en = lang === 'en';
  switch (r.reason.why) {
    case 'empty':
      return en
        ? `Write your reply: REPLY ${r.trackingId} <text>`
        : `Tulis tanggapan Anda: BALAS ${r.trackingId} <isi>`;
    case 'not_awaiting': {
      const label = en ? STATUS_LABELS_EN[r.reason.status] : STATUS_LABELS_ID[r.reason.status];
      return en
        ? `${r.trackingId} is not waiting for your reply (status: ${label}).`
        : `${r.trackingId} tidak sedang menunggu tanggapan Anda (status: ${label}).`;
    }
    case 'invalid':
      return en
        ? `Your reply to ${r.trackingId} could not be recorded. Check the status: CHECK ${r.trackingId}`
        : `Tanggapan untuk ${r.trackingId} belum dapat dicatat. Cek statusnya: CEK ${r.trackingId}`;
  }
}
