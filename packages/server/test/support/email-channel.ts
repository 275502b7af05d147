/**
 * The e-mail channel of a test app, listening on a free port, and a nodemailer transport that delivers real SMTP to
 * it. Pintu's answers arrive at the test app's own SMTP sink (`t.mail`).
 */
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { type EmailChannelOptions, startEmailChannel } from '../../src/channels/email/start';
import type { TestApp } from './test-app';

export const MAILBOX = 'lapor@pintu.test';

export interface EmailChannelTest {
  port: number;
  /** The channel's log lines (what became of each message). */
  logs: string[];
  /** Sends a message to the mailbox (or to `to`); resolves once Pintu said 250, i.e. after it handled it. */
  send(mail: Mail.Options): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

/** Starts the channel over the test app's deps; `over` replaces any option (size limit, defaults). */
export async function startEmailChannelFor(
  t: TestApp,
  over: Partial<EmailChannelOptions> = {},
): Promise<EmailChannelTest> {
  const logs: string[] = [];
  const listener = await startEmailChannel(
    {
      host: '127.0.0.1',
      port: 0,
      maxBytes: 70 * 1024 * 1024,
      mailbox: MAILBOX,
      publicUrl: t.publicUrl,
      defaults: {},
      log: (line) => logs.push(line),
      ...over,
    },
    t.deps,
  );
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: listener.port,
    secure: false,
    ignoreTLS: true,
    socketTimeout: 60_000,
  });
  return {
    port: listener.port,
    logs,
    send: (mail) => transport.sendMail({ to: MAILBOX, ...mail }),
    close: async () => {
      transport.close();
      await listener.close();
    },
  };
}

/** The tracking id and access code in Pintu's answer to a filing. */
export function filedFrom(text: string): { trackingId: string; accessCode: string } {
  const trackingId = /Nomor laporan: (LPR-[0-9A-Z-]+)/.exec(text)?.[1];
  const accessCode = /Kode akses: ([0-9A-Z-]+)/.exec(text)?.[1];
  if (!trackingId || !accessCode) throw new Error(`no tracking id and access code in:\n${text}`);
  return { trackingId, accessCode };
}
