/**
 * Sends e-mail over SMTP with nodemailer. Without SMTP_URL (development, a laptop install), each mail is written as
 * an `.eml` file into a private mail folder under DATA_DIR and the log says only that a message waits there: a mail
 * carries a reporter's name and address, and no log line may (domain.md §7). The operator opens the file to follow a
 * verification link or read a one-time password.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. `Auto-Submitted` and `In-Reply-To` on the e-mail channel's answers (RFC 3834). */
  headers?: Record<string, string>;
  /** Where a reply should go when it is not the sender, e.g. the e-mail channel's mailbox. */
  replyTo?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface MailerOptions {
  /** `smtp://host:port` or `smtps://user:pass@host:465`; unset = write to the mail folder. */
  smtpUrl?: string | undefined;
  /** The sender, e.g. `Pintu <no-reply@pintu.example>`. */
  from: string;
  /** The private folder unsent mail waits in without SMTP: `<DATA_DIR>/mail`. */
  mailDir: string;
  /** Where the one-line notice goes (tests pass a collector). */
  log?: (text: string) => void;
}

/** A mailer for the configuration: SMTP when a URL is given, else the private mail folder. */
export function createMailer(opts: MailerOptions): Mailer {
  if (!opts.smtpUrl) return folderMailer(opts.mailDir, opts.from, opts.log ?? ((t) => console.log(t)));
  const transport = nodemailer.createTransport(opts.smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(m) {
      await transport.sendMail({
        from: opts.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(m.headers ? { headers: m.headers } : {}),
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      });
    },
  };
}

/** The mail folder: owner-only (0700/0600), one RFC 5322 file per message, named so that `ls` shows them in order. */
function folderMailer(dir: string, from: string, log: (text: string) => void): Mailer {
  let ready: Promise<void> | null = null;
  return {
    async send(m) {
      ready ??= mkdir(dir, { recursive: true, mode: 0o700 }).then(() => chmod(dir, 0o700));
      await ready;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
      const mail = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(m.headers ? { headers: m.headers } : {}),
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      });
      await writeFile(join(dir, name), mail.message as Buffer, { mode: 0o600 });
      // Neither the address nor the subject: a subject can carry a tracking id next to the reporter's address.
      log(`E-mail menunggu di / waiting in ${join(dir, name)} (SMTP_URL belum diatur / not set)`);
    },
  };
}
