/**
 * Sends one e-mail over SMTP with a gate before the end of DATA: the whole message is streamed, then `gate()` runs
 * (the worker commits "delivering" for the row), and only when it returns true is the final `<CRLF>.<CRLF>` written.
 * An SMTP server takes responsibility for a message only at that dot (RFC 5321 §4.1.1.4); a client that dies
 * before it leaves nothing delivered. So a worker killed before its commit never delivered, and one killed after
 * it is known to have handed the message over — the row says which (notifications/README.md).
 */
import { PassThrough } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface GatedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets; the outbox idempotency key makes a duplicate recognisable downstream. */
  messageId: string;
}

/** How a gated send ended: `refused` = the server answered the end of DATA with an error (nothing delivered). */
export type GatedResult =
  | { outcome: 'sent' }
  | { outcome: 'aborted' }
  | { outcome: 'failed_before_gate'; error: Error }
  | { outcome: 'refused'; error: Error }
  | { outcome: 'uncertain'; error: Error };

function connectionOf(url: string) {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  const conn = new SMTPConnection({
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 25)),
    secure,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const auth = u.username
    ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
    : null;
  return { conn, auth };
}

/** Sends `mail` through the SMTP server at `url`, ending DATA only if `gate()` resolves true. */
export async function sendGated(
  url: string,
  mail: GatedMail,
  gate: () => Promise<boolean>,
): Promise<GatedResult> {
  const raw = await new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.messageId}>`,
  })
    .compile()
    .build();
  const { conn, auth } = connectionOf(url);
  let gated = false;
  // A failed connect emits 'error' without calling back; later errors arrive through the send callback.
  let connectFailed: ((err: Error) => void) | null = null;
  conn.on('error', (err: Error) => connectFailed?.(err));
  try {
    await new Promise<void>((resolve, reject) => {
      connectFailed = reject;
      conn.connect((err) => (err ? reject(err) : resolve()));
    });
    connectFailed = null;
    if (auth)
      await new Promise<void>((resolve, reject) =>
        conn.login(auth, (err) => (err ? reject(err) : resolve())),
      );
    const body = new PassThrough();
    const done = new Promise<Error | null>((resolve) => {
      // A dropped connection may end the transaction without calling back.
      conn.once('end', () => resolve(new Error('SMTP connection closed')));
      conn.on('error', (err: Error) => resolve(err));
      conn.send({ from: addressOf(mail.from), to: [mail.to] }, body, (err) => resolve(err));
    });
    body.write(raw);
    // Wait until the server is in DATA and reading the message (nodemailer pipes it only after the envelope),
    // or the envelope failed (e.g. the recipient refused): then nothing is delivered, ever.
    const streaming = new Promise<'open'>((r) => body.once('resume', () => setImmediate(() => r('open'))));
    const early = await Promise.race([done, streaming]);
    if (early !== 'open')
      return { outcome: 'failed_before_gate', error: early ?? new Error('SMTP send ended early') };
    if (!(await gate())) {
      conn.close(); // drops the connection inside DATA: the server discards the message
      return { outcome: 'aborted' };
    }
    gated = true;
    body.end();
    const err = await done;
    if (!err) return { outcome: 'sent' };
    // A reply code is the server refusing the message: it took nothing. No reply: we cannot know.
    if ((err as { responseCode?: number }).responseCode) return { outcome: 'refused', error: err };
    return { outcome: 'uncertain', error: err };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return gated ? { outcome: 'uncertain', error: e } : { outcome: 'failed_before_gate', error: e };
  } finally {
    try {
      conn.quit();
    } catch {
      conn.close();
    }
  }
}

/** The bare address of `Name <address>`. */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
