/**
 * The mailbox's SMTP listener (npm `smtp-server`): accepts mail for the one address only, up to the size limit,
 * without authentication (it is where mail is delivered, like an MX), and answers the sending MTA only after the
 * message is handled, so that a failure becomes "451 try again later" and the MTA's retry queue is ours.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ListenerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** The only recipient accepted. */
  mailbox: string;
  /** The largest message accepted, in bytes (announced as SIZE; larger ones get 552). */
  maxBytes: number;
  /** Connections at once (each may hold up to maxBytes in memory while its message arrives). */
  maxClients?: number;
}

/** A message as received: its bytes and the envelope's return path ('' for the null path `<>`). */
export interface Delivery {
  raw: Buffer;
  returnPath: string;
}

export interface Listener {
  port: number;
  close(): Promise<void>;
}

/** An error smtp-server answers with `code`. */
export const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

/** Starts listening; `deliver` runs for one message at a time (bounded memory and database load). */
export async function listenSmtp(
  opts: ListenerOptions,
  deliver: (d: Delivery) => Promise<void>,
): Promise<Listener> {
  const mailbox = opts.mailbox.toLowerCase();
  let tail: Promise<unknown> = Promise.resolve();
  const oneAtATime = (run: () => Promise<void>) => {
    const next = tail.then(run);
    tail = next.catch(() => {});
    return next;
  };
  const server = new SMTPServer({
    banner: 'Pintu',
    size: opts.maxBytes,
    authOptional: true,
    // Plain SMTP on a private address behind the MTA that is the MX, which does TLS (docs/email.md).
    disabledCommands: ['AUTH', 'STARTTLS'],
    maxClients: opts.maxClients ?? 10,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() === mailbox) return callback();
      callback(smtpError(550, `No such mailbox here: only ${opts.mailbox}`));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= opts.maxBytes) chunks.push(chunk); // past the limit the rest is only drained
      });
      stream.on('end', () => {
        // smtp-server answers 552 itself for an oversized message, whatever is passed here.
        if (stream.sizeExceeded) return callback(smtpError(552, 'Message too large'));
        const returnPath = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        oneAtATime(() => deliver({ raw: Buffer.concat(chunks), returnPath })).then(
          () => callback(),
          (err: unknown) => {
            // A refusal chosen by `deliver` (a permanent one, say) goes out as it is; anything else is temporary.
            if (err instanceof Error && 'responseCode' in err) return callback(err);
            console.error('[email] a message could not be handled; the sender will retry:', err);
            callback(smtpError(451, 'Temporary failure, please try again later'));
          },
        );
      });
    },
  });
  server.on('error', (err) => console.error('[email] SMTP listener:', err.message));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
