/**
 * The account e-mails: short plain text plus simple HTML, in Indonesian by default and in English for accounts whose
 * language is `en`.
 */
import type { Role } from '@pintu/core';
import type { MailMessage } from './mailer';

export type Language = 'id' | 'en';

/** The account's language for e-mails: English only when the account chose it. */
export function languageOf(user: { language?: unknown }): Language {
  return user.language === 'en' ? 'en' : 'id';
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Paragraphs, where a paragraph that is a URL becomes a link; the text version keeps the URL as it is. */
export function compose(to: string, subject: string, paragraphs: string[], footer: string): MailMessage {
  const text = [...paragraphs, `— ${footer}`].join('\n\n');
  const body = paragraphs
    .map((p) =>
      /^https?:\/\/\S+$/.test(p)
        ? `<p><a href="${esc(p)}">${esc(p)}</a></p>`
        : `<p>${esc(p).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#1b1b1b">
${body}
<p style="color:#666;font-size:0.9em">— ${esc(footer)}</p>
</body></html>`;
  return { to, subject, text, html };
}

export const FOOTER: Record<Language, string> = {
  id: 'Pintu, layanan pengaduan pelayanan publik',
  en: 'Pintu, the public-service complaints service',
};

/** The link that verifies a new citizen account's e-mail address. */
export function verificationMail(user: { name: string; email: string; language?: unknown }, url: string) {
  const lang = languageOf(user);
  return lang === 'en'
    ? compose(
        user.email,
        'Verify your e-mail address for Pintu',
        [
          `Hello ${user.name},`,
          'Thank you for registering with Pintu. To activate your account, open this link within 24 hours:',
          url,
          'If you did not register, you can ignore this e-mail.',
        ],
        FOOTER.en,
      )
    : compose(
        user.email,
        'Verifikasi alamat e-mail Anda di Pintu',
        [
          `Halo ${user.name},`,
          'Terima kasih telah mendaftar di Pintu. Untuk mengaktifkan akun Anda, buka tautan berikut dalam 24 jam:',
          url,
          'Jika Anda tidak merasa mendaftar, abaikan e-mail ini.',
        ],
        FOOTER.id,
      );
}

/** The link that lets the account holder choose a new password. */
export function passwordResetMail(user: { name: string; email: string; language?: unknown }, url: string) {
  const lang = languageOf(user);
  return lang === 'en'
    ? compose(
        user.email,
        'Reset your Pintu password',
        [
          `Hello ${user.name},`,
          'We received a request to reset the password of your account. Open this link within 1 hour to choose a new password:',
          url,
          'If you did not ask for this, ignore this e-mail: your password stays as it is.',
        ],
        FOOTER.en,
      )
    : compose(
        user.email,
        'Atur ulang kata sandi Pintu Anda',
        [
          `Halo ${user.name},`,
          'Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda. Buka tautan berikut dalam 1 jam untuk membuat kata sandi baru:',
          url,
          'Jika Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.',
        ],
        FOOTER.id,
      );
}

const ROLE_LABELS: Record<Language, Partial<Record<Role, string>>> = {
  id: {
    national_admin: 'Admin Nasional',
    oversight: 'Pengawas',
    facilitator: 'Pendamping',
    coordinator: 'Admin Koordinator',
    liaison_officer: 'Pejabat Penghubung',
    unit_operator: 'Operator Unit',
    leadership: 'Pimpinan',
    developer: 'Pengembang',
  },
  en: {
    national_admin: 'National admin',
    oversight: 'Oversight',
    facilitator: 'Facilitator',
    coordinator: 'Coordinator',
    liaison_officer: 'Liaison officer',
    unit_operator: 'Unit operator',
    leadership: 'Leadership',
    developer: 'Developer',
  },
};

/** A new staff account: where to sign in and the one-time password, which must be changed at the first sign-in. */
export function staffWelcomeMail(
  user: { name: string; email: string; language?: unknown },
  grant: { role: Role; institutionName: string | null },
  password: string,
  signInUrl: string,
) {
  const lang = languageOf(user);
  const role = ROLE_LABELS[lang][grant.role] ?? grant.role;
  if (lang === 'en')
    return compose(
      user.email,
      'Your Pintu staff account',
      [
        `Hello ${user.name},`,
        `A Pintu staff account has been created for you as ${role}${grant.institutionName ? ` of ${grant.institutionName}` : ''}. Sign in at:`,
        signInUrl,
        `E-mail: ${user.email}\nOne-time password: ${password}`,
        'This password works for the first sign-in only: you will be asked to choose your own right away.',
      ],
      FOOTER.en,
    );
  return compose(
    user.email,
    'Akun petugas Pintu Anda',
    [
      `Halo ${user.name},`,
      `Akun petugas Pintu telah dibuat untuk Anda sebagai ${role}${grant.institutionName ? ` di ${grant.institutionName}` : ''}. Masuk di:`,
      signInUrl,
      `E-mail: ${user.email}\nKata sandi sekali pakai: ${password}`,
      'Kata sandi ini hanya berlaku untuk masuk pertama: Anda akan diminta segera menggantinya dengan kata sandi Anda sendiri.',
    ],
    FOOTER.id,
  );
}
