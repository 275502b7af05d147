/**
 * Sends e-mail over SMTP with nodemailer. Without SMTP_URL (development), mails are printed to the console with a
 * clear note that they were not sent, so verification links and one-time passwords can still be followed.
 */
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
  /** `smtp://host:port` or `smtps://user:pass@host:465`; unset = print to the console. */
  smtpUrl?: string | undefined;
  /** The sender, e.g. `Pintu <no-reply@pintu.example>`. */
  from: string;
  /** Where console mails go (tests pass a collector). */
  log?: (text: string) => void;
}

/** A mailer for the configuration: SMTP when a URL is given, else the console. */
export function createMailer(opts: MailerOptions): Mailer {
  if (!opts.smtpUrl) return consoleMailer(opts.log ?? ((t) => console.log(t)));
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

function consoleMailer(log: (text: string) => void): Mailer {
  return {
    async send(m) {
      log(
        [
          '',
          '── E-mail TIDAK dikirim (SMTP_URL belum diatur) / NOT sent (SMTP_URL is not set) ──',
          `Kepada / To: ${m.to}`,
          `Perihal / Subject: ${m.subject}`,
          '',
          m.text,
          '────────────────────────────────────────────────────────────────────────────────',
          '',
        ].join('\n'),
      );
    },
  };
}
