/**
 * E-mail as a channel (issue 14, docs/email.md): started by main.ts when MAIL_INBOUND_PORT is set. Each message
 * received is read and classified here, then handled by the use case (app/email/receive-email.ts).
 */
import type { AppDeps } from '../../app/deps';
import type { EmailChannelSettings, EmailDeps } from '../../app/email/inbound-email';
import { receiveEmail } from '../../app/email/receive-email';
import type { Config } from '../../config';
import { postgresReferenceLookup } from '../../db/postgres-reference-lookup';
import { readMessage } from './read-message';
import { type Listener, listenSmtp, smtpError } from './smtp-listener';

export interface EmailChannelOptions extends EmailChannelSettings {
  host: string;
  port: number;
  maxBytes: number;
  /** Where one line per message goes (what became of it; never an address or an access code). */
  log?: (line: string) => void;
}

export type EmailChannelDeps = Omit<EmailDeps, 'now' | 'references'> & Pick<AppDeps, 'clock'>;

/** The channel's options from the configuration; throws when the port is set without the mailbox. */
export function emailOptionsOf(config: Config, publicUrl: string): EmailChannelOptions {
  if (!config.MAIL_INBOUND_ADDRESS)
    throw new Error('MAIL_INBOUND_PORT is set but MAIL_INBOUND_ADDRESS (the mailbox) is not');
  return {
    host: config.MAIL_INBOUND_HOST,
    port: config.MAIL_INBOUND_PORT ?? 0,
    maxBytes: config.MAIL_INBOUND_MAX_BYTES,
    mailbox: config.MAIL_INBOUND_ADDRESS,
    publicUrl,
    defaults: { region: config.MAIL_INBOUND_REGION, category: config.MAIL_INBOUND_CATEGORY },
  };
}

/** Checks the defaults against the reference data, then listens. */
export async function startEmailChannel(
  opts: EmailChannelOptions,
  deps: EmailChannelDeps,
): Promise<Listener> {
  const references = postgresReferenceLookup(deps.db);
  const log = opts.log ?? ((line: string) => console.log(line));
  // A wrong default would refuse every message that relies on it: refuse to start instead.
  const { region, category } = opts.defaults;
  if (region && (await references.region(region)).kind !== 'found')
    throw new Error(`MAIL_INBOUND_REGION: no single region "${region}"`);
  if (category && (await references.category(category)).kind !== 'found')
    throw new Error(`MAIL_INBOUND_CATEGORY: no single category "${category}"`);

  const listener = await listenSmtp(opts, async ({ raw, returnPath }) => {
    const read = await readMessage(raw, returnPath, opts.mailbox).catch((err: unknown) => {
      log(`[email] unreadable message refused: ${err instanceof Error ? err.message : err}`);
      throw smtpError(554, 'The message could not be read');
    });
    if (read.kind === 'ignored') return log(`[email] ignored: ${read.reason} (${read.why})`);
    const outcome = await receiveEmail(
      Object.assign({}, deps, { now: deps.clock(), references }),
      read.mail,
      opts,
    );
    const id =
      outcome.kind === 'filed'
        ? outcome.report.trackingId
        : 'trackingId' in outcome
          ? outcome.trackingId
          : '';
    log(`[email] ${outcome.kind}${id ? ` ${id}` : ''}`);
  });
  log(`E-mail masuk: ${opts.mailbox} di smtp://${opts.host}:${listener.port}`);
  return listener;
}
