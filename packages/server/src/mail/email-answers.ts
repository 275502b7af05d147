/**
 * The e-mail channel's answers (issue 14, docs/email.md): one message per e-mail received, Indonesian first and
 * English second (the sender's language is unknown), replies directed to the mailbox. A subject that names the
 * report keeps its `[LPR-…]` tag so that replying to the answer threads into the report.
 */
import { type ReportStatus, STATUS_LABELS_ID } from '@pintu/core';
import type { MailMessage } from './mailer';
import { compose, FOOTER } from './templates';

/** Whom the answer goes to, and the subject they wrote. */
export interface Recipient {
  address: string;
  name: string;
  subject: string;
}

/** The instance's mailbox (Reply-To) and public address (links). */
export interface Mailbox {
  mailbox: string;
  publicUrl: string;
}

const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s) || '(tanpa perihal)';
const hello = (r: Recipient, word: string) => `${word}${r.name ? ` ${r.name}` : ''},`;

function bilingual(r: Recipient, at: Mailbox, subject: string, id: string[], en: string[]): MailMessage {
  const mail = compose(r.address, subject, [...id, '— English —', ...en], `${FOOTER.id} · ${FOOTER.en}`);
  return Object.assign(mail, { replyTo: at.mailbox });
}

/** A report filed: its tracking id and, this once, its access code. */
export function filedAnswer(
  r: Recipient,
  at: Mailbox,
  f: { report: { trackingId: string; accessCode: string }; title: string; confidential: boolean },
): MailMessage {
  const { trackingId: id, accessCode } = f.report;
  const track = `${at.publicUrl}/track`;
  return bilingual(
    r,
    at,
    `[${id}] Laporan diterima / Report received: ${short(f.title)}`,
    [
      hello(r, 'Halo'),
      `Terima kasih. E-mail Anda telah kami terima sebagai laporan "${f.title}".`,
      `Nomor laporan: ${id}\nKode akses: ${accessCode}`,
      'Simpan kode akses ini: kode ini hanya dikirim sekali, dan dengannya Anda dapat melihat serta menanggapi laporan di situs. Jangan berikan kepada siapa pun.',
      'Pantau laporan Anda di:',
      track,
      'Bila petugas meminta tanggapan atau keterangan Anda, balas saja e-mail ini dari alamat ini, dengan nomor laporan tetap di perihal.',
      f.confidential
        ? 'Laporan Anda rahasia: tidak tampil di daftar laporan publik.'
        : 'Judul dan isi laporan dapat tampil di daftar laporan publik, tanpa nama dan alamat e-mail Anda. Agar laporan berikutnya rahasia, tulis baris "Rahasia: ya" di isi e-mail.',
    ],
    [
      hello(r, 'Hello'),
      `Thank you. We received your e-mail as the report "${f.title}".`,
      `Tracking number: ${id}\nAccess code: ${accessCode}`,
      'Keep this access code: it is sent only once, and with it you can see and answer your report on the website. Do not share it.',
      `Follow your report at ${track}`,
      'When staff ask for your response or more information, just reply to this e-mail from this address, keeping the tracking number in the subject.',
      f.confidential
        ? 'Your report is confidential: it is not shown in the public list of reports.'
        : 'The title and text of the report may be shown in the public list of reports, without your name or e-mail address. To make a later report confidential, write a line "Confidential: yes" in the e-mail.',
    ],
  );
}

/** Nothing was filed, and why; how to write a report by e-mail. */
export function refusedAnswer(r: Recipient, at: Mailbox, reasons: readonly { id: string; en: string }[]) {
  const form = `${at.publicUrl}/report`;
  return bilingual(
    r,
    at,
    `Laporan belum diterima / Report not accepted: ${short(r.subject)}`,
    [
      hello(r, 'Halo'),
      'E-mail Anda belum dapat kami terima sebagai laporan, dan tidak ada yang kami simpan:',
      reasons.map((x) => `• ${x.id}`).join('\n'),
      'Cara melapor lewat e-mail: tulis judul singkat di perihal, dan ceritakan kejadiannya di isi e-mail (paling sedikit 30 karakter). Tambahkan baris "Wilayah:" (kode wilayah atau nama kabupaten/kota) dan "Kategori:" (nama kategori); boleh juga "Alamat:", "Rahasia: ya" dan "Anonim: ya". Lampirkan paling banyak 5 foto, PDF atau video, masing-masing paling besar 10 MB.',
      'Anda juga dapat melapor lewat formulir di:',
      form,
    ],
    [
      hello(r, 'Hello'),
      'We could not accept your e-mail as a report, and nothing was stored:',
      reasons.map((x) => `• ${x.en}`).join('\n'),
      'To report by e-mail: write a short title as the subject and describe what happened in the message (at least 30 characters). Add a line "Region:" (region code or regency/city name) and a line "Category:" (category name); "Address:", "Confidential: yes" and "Anonymous: yes" are optional. Attach at most 5 photos, PDFs or videos of at most 10 MB each.',
      `You can also use the form at ${form}`,
    ],
  );
}

/** A reply threaded into its report. */
export function replyAddedAnswer(r: Recipient, at: Mailbox, id: string, attachments: number) {
  const dropped = attachments > 0;
  return bilingual(
    r,
    at,
    `[${id}] Tanggapan diterima / Reply received`,
    [
      hello(r, 'Halo'),
      `Tanggapan Anda telah ditambahkan ke laporan ${id} dan diteruskan kepada petugas yang menanganinya.`,
      ...(dropped ? ['Lampiran tidak disimpan: tanggapan lewat e-mail hanya berupa teks.'] : []),
    ],
    [
      hello(r, 'Hello'),
      `Your reply was added to report ${id} and passed on to the staff handling it.`,
      ...(dropped ? ['The attachments were not stored: a reply by e-mail is text only.'] : []),
    ],
  );
}

/** A reply from the reporter that the report cannot take now. */
export function replyRefusedAnswer(
  r: Recipient,
  at: Mailbox,
  id: string,
  reason:
    | { why: 'not_awaiting'; status: ReportStatus }
    | { why: 'empty' }
    | { why: 'invalid'; message: string },
) {
  const track = `${at.publicUrl}/track`;
  const [why, whyEn] =
    reason.why === 'not_awaiting'
      ? [
          `Laporan ${id} saat ini tidak sedang menunggu tanggapan Anda (status: ${STATUS_LABELS_ID[reason.status]}), jadi e-mail Anda tidak ditambahkan. Tanggapan lewat e-mail diterima ketika petugas meminta tanggapan atau keterangan Anda.`,
          `Report ${id} is not waiting for your response now (status: ${STATUS_LABELS_ID[reason.status]}), so your e-mail was not added. Replies by e-mail are taken when staff ask for your response or more information.`,
        ]
      : reason.why === 'empty'
        ? [
            `Tanggapan Anda kosong (kutipan e-mail sebelumnya dan tanda tangan tidak dihitung), jadi tidak ada yang ditambahkan ke laporan ${id}.`,
            `Your reply is empty (quoted earlier messages and signatures do not count), so nothing was added to report ${id}.`,
          ]
        : [
            `Tanggapan Anda tidak dapat ditambahkan ke laporan ${id}: ${reason.message}`,
            `Your reply could not be added to report ${id}: ${reason.message}`,
          ];
  return bilingual(
    r,
    at,
    `[${id}] Tanggapan belum ditambahkan / Reply not added`,
    [hello(r, 'Halo'), why, 'Lihat laporan Anda dengan kode akses di:', track],
    [hello(r, 'Hello'), whyEn, `See your report with its access code at ${track}`],
  );
}

/** A message naming a report, not from its reporter's address: not linked, not stored. */
export function notLinkedAnswer(r: Recipient, at: Mailbox, id: string) {
  const track = `${at.publicUrl}/track`;
  return bilingual(
    r,
    at,
    `Balasan tidak dikaitkan / Reply not linked: ${short(r.subject)}`,
    [
      hello(r, 'Halo'),
      `E-mail Anda menyebut laporan ${id} di perihalnya, tetapi tidak kami tambahkan ke laporan itu: tanggapan atas sebuah laporan hanya diterima dari alamat e-mail pelapornya. E-mail Anda tidak disimpan.`,
      'Bila Anda pelapornya, balas dari alamat e-mail yang Anda pakai saat melapor, atau tanggapi laporan di situs dengan kode akses Anda:',
      track,
      'Untuk laporan baru, kirim e-mail baru tanpa nomor laporan di perihalnya.',
    ],
    [
      hello(r, 'Hello'),
      `Your e-mail names report ${id} in its subject, but we did not add it to that report: replies to a report are taken only from its reporter's e-mail address. Your e-mail was not stored.`,
      `If you are the reporter, reply from the address you reported with, or answer on the website with your access code at ${track}`,
      'For a new report, send a new e-mail without a tracking number in its subject.',
    ],
  );
}
