/**
 * Notification texts in Indonesian (default) and English, short, in the style of mail/templates.ts: one title and
 * a few paragraphs per template, rendered as an e-mail (text + HTML), an SMS and an in-app entry.
 */
import { type ReportStatus, STATUS_LABELS_EN, STATUS_LABELS_ID } from '@pintu/core';
import { fitSms, toGsm7 } from '../channels/sms/gsm7';
import type { Language } from '../mail/templates';

export const TEMPLATES = [
  'submitted',
  'dispositioned',
  'acknowledged',
  'follow_up',
  'hold_question',
  'resolved',
  'archived',
  'new_disposition',
  'escalation',
  'reminder',
  'reminder_reporter',
  'webhook_disabled',
] as const;
export type TemplateName = (typeof TEMPLATES)[number];

export interface Rendered {
  title: string;
  paragraphs: string[];
}

type Payload = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function statusLine(lang: Language, p: Payload): string {
  const s = str(p.status);
  return lang === 'en'
    ? `Status: ${STATUS_LABELS_EN[s as ReportStatus] ?? s}`
    : `Status: ${STATUS_LABELS_ID[s as keyof typeof STATUS_LABELS_ID] ?? s}`;
}

const ID: Record<TemplateName, (p: Payload) => Rendered> = {
  submitted: (p) => ({
    title: `Laporan ${str(p.trackingId)} telah diterima`,
    paragraphs: ['Laporan Anda telah kami terima dan akan segera diverifikasi.'],
  }),
  dispositioned: (p) => ({
    title: `Laporan ${str(p.trackingId)} telah didisposisikan`,
    paragraphs: ['Laporan Anda telah diteruskan kepada instansi yang berwenang.'],
  }),
  acknowledged: (p) => ({
    title: `Laporan ${str(p.trackingId)} sedang diproses`,
    paragraphs: ['Instansi telah menerima laporan Anda:', str(p.message)],
  }),
  follow_up: (p) => ({
    title: `Tindak lanjut laporan ${str(p.trackingId)}`,
    paragraphs: [
      'Instansi telah menindaklanjuti laporan Anda:',
      str(p.message),
      'Tanggapi dalam 10 hari kerja; tanpa tanggapan, laporan dianggap selesai.',
    ],
  }),
  hold_question: (p) => ({
    title: `Laporan ${str(p.trackingId)} memerlukan informasi tambahan`,
    paragraphs: [
      'Instansi memerlukan informasi dari Anda:',
      str(p.question),
      'Tanpa jawaban dalam 10 hari kerja, laporan diarsipkan.',
    ],
  }),
  resolved: (p) => ({
    title: `Laporan ${str(p.trackingId)} selesai`,
    paragraphs: ['Laporan Anda dinyatakan selesai. Anda dapat memberi penilaian atau membukanya kembali.'],
  }),
  archived: (p) => ({
    title: `Laporan ${str(p.trackingId)} diarsipkan`,
    paragraphs: [`Laporan Anda diarsipkan (alasan: ${str(p.reason)}).`],
  }),
  new_disposition: (p) => ({
    title: `Laporan baru ${str(p.trackingId)} untuk instansi Anda`,
    paragraphs: ['Laporan baru telah didisposisikan ke instansi Anda. Mohon segera ditindaklanjuti.'],
  }),
  escalation: (p) => ({
    title: `Eskalasi tingkat ${str(p.level)}: laporan ${str(p.trackingId)} melewati tenggat`,
    paragraphs: [
      `Tahap ${str(p.stage)} melewati tenggat ${str(p.dueAt)} (${str(p.overdueWorkingDays)} hari kerja).`,
    ],
  }),
  reminder: (p) => ({
    title: `Pengingat: laporan ${str(p.trackingId)} jatuh tempo ${str(p.dueAt)}`,
    paragraphs: [`Tahap ${str(p.stage)} harus diselesaikan sebelum tenggat.`],
  }),
  reminder_reporter: (p) => ({
    title: `Pengingat: laporan ${str(p.trackingId)} menunggu tanggapan Anda`,
    paragraphs: ['Mohon tanggapi laporan Anda sebelum tenggat berakhir.'],
  }),
  webhook_disabled: (p) => ({
    title: `Webhook ${str(p.url)} dinonaktifkan`,
    paragraphs: [
      `Pengiriman ke endpoint webhook aplikasi ${str(p.appName)} terus gagal sejak ${str(p.failingSince)}, jadi endpoint ini dinonaktifkan.`,
      'Perbaiki penerima Anda, lalu aktifkan kembali endpoint dan kirim ulang pengiriman yang gagal dari log pengiriman.',
    ],
  }),
};

const EN: Record<TemplateName, (p: Payload) => Rendered> = {
  submitted: (p) => ({
    title: `Report ${str(p.trackingId)} received`,
    paragraphs: ['We have received your report and will verify it shortly.'],
  }),
  dispositioned: (p) => ({
    title: `Report ${str(p.trackingId)} dispositioned`,
    paragraphs: ['Your report has been forwarded to the institution in charge.'],
  }),
  acknowledged: (p) => ({
    title: `Report ${str(p.trackingId)} is being processed`,
    paragraphs: ['The institution has acknowledged your report:', str(p.message)],
  }),
  follow_up: (p) => ({
    title: `Follow-up on report ${str(p.trackingId)}`,
    paragraphs: [
      'The institution has followed up your report:',
      str(p.message),
      'Please respond within 10 working days; without a response the report is considered resolved.',
    ],
  }),
  hold_question: (p) => ({
    title: `Report ${str(p.trackingId)} needs more information`,
    paragraphs: [
      'The institution needs information from you:',
      str(p.question),
      'Without an answer within 10 working days the report is archived.',
    ],
  }),
  resolved: (p) => ({
    title: `Report ${str(p.trackingId)} resolved`,
    paragraphs: ['Your report is resolved. You can rate it or reopen it.'],
  }),
  archived: (p) => ({
    title: `Report ${str(p.trackingId)} archived`,
    paragraphs: [`Your report was archived (reason: ${str(p.reason)}).`],
  }),
  new_disposition: (p) => ({
    title: `New report ${str(p.trackingId)} for your institution`,
    paragraphs: ['A new report has been dispositioned to your institution. Please follow it up.'],
  }),
  escalation: (p) => ({
    title: `Escalation level ${str(p.level)}: report ${str(p.trackingId)} is overdue`,
    paragraphs: [
      `Stage ${str(p.stage)} passed its deadline ${str(p.dueAt)} (${str(p.overdueWorkingDays)} working days).`,
    ],
  }),
  reminder: (p) => ({
    title: `Reminder: report ${str(p.trackingId)} is due ${str(p.dueAt)}`,
    paragraphs: [`Stage ${str(p.stage)} must be completed before the deadline.`],
  }),
  reminder_reporter: (p) => ({
    title: `Reminder: report ${str(p.trackingId)} awaits your response`,
    paragraphs: ['Please respond to your report before the deadline.'],
  }),
  webhook_disabled: (p) => ({
    title: `Webhook ${str(p.url)} disabled`,
    paragraphs: [
      `Deliveries to a webhook endpoint of the app ${str(p.appName)} have failed since ${str(p.failingSince)}, so it was disabled.`,
      'Fix your receiver, then enable the endpoint again and replay the failed deliveries from the delivery log.',
    ],
  }),
};

const FOOTER: Record<Language, string> = {
  id: 'Pintu, layanan pengaduan pelayanan publik',
  en: 'Pintu, the public-service complaints service',
};

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** The title and paragraphs of a template; unknown templates fall back to the status line. */
export function renderNotification(template: string, lang: Language, payload: Payload): Rendered {
  const table = lang === 'en' ? EN : ID;
  const fn = table[template as TemplateName];
  const r = fn ? fn(payload) : { title: `Pintu ${str(payload.trackingId)}`, paragraphs: [] };
  const withStatus = payload.status ? [...r.paragraphs, statusLine(lang, payload)] : r.paragraphs;
  return { title: r.title, paragraphs: withStatus.filter((x) => x !== '') };
}

/** The e-mail: subject, plain text and simple HTML; `name` is the greeting (opened from the seal at send time). */
export function notificationMail(r: Rendered, lang: Language, name: string | null, link: string | null) {
  const hello = name ? [`${lang === 'en' ? 'Hello' : 'Halo'} ${name},`] : [];
  const paragraphs = [...hello, ...r.paragraphs, ...(link ? [link] : [])];
  const text = [...paragraphs, `— ${FOOTER[lang]}`].join('\n\n');
  const body = paragraphs
    .map((p) =>
      /^https?:\/\/\S+$/.test(p)
        ? `<p><a href="${esc(p)}">${esc(p)}</a></p>`
        : `<p>${esc(p).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#1b1b1b">
${body}
<p style="color:#666;font-size:0.9em">— ${esc(FOOTER[lang])}</p>
</body></html>`;
  return { subject: r.title, text, html };
}

/** An SMS: the title and the first paragraphs, cut at a word to two concatenated SMS (306 GSM-7 characters). */
export function notificationSms(r: Rendered): string {
  // A sentence that ends in its own stop or colon takes no second one ("diverifikasi.. Status").
  const text = [r.title, ...r.paragraphs.slice(0, 2)]
    .map((p, i, all) => (i < all.length - 1 && !/[.:!?]$/.test(p.trim()) ? `${p}.` : p))
    .join(' ')
    .replace(/\s+/g, ' ');
  return fitSms(toGsm7(text), 2);
}
