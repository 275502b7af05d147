/**
 * A person's e-mail to the mailbox (issue 14, docs/email.md): a reply naming a report in its subject threads into
 * that report when it comes from the reporter's address; any other message is filed as a new report. Either way
 * the sender gets one answer. A message delivered twice (an MTA retrying after a lost "250") is recognised by its
 * Message-ID and handled once.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IdempotencyLease } from '@pintu/core';
import {
  filedAnswer,
  notLinkedAnswer,
  refusedAnswer,
  replyAddedAnswer,
  replyRefusedAnswer,
} from '../../mail/email-answers';
import type { MailMessage } from '../../mail/mailer';
import { redact } from '../../notifications/worker';
import type { AppDeps } from '../deps';
import { type Filed, fileByEmail, type Refused } from './file-by-email';
import type { EmailChannelSettings, EmailDeps, InboundEmail } from './inbound-email';
import { type ReplyOutcome, replyByEmail } from './reply-by-email';

export type EmailOutcome = Filed | Refused | ReplyOutcome | { kind: 'duplicate' };

/** Handles one message and answers its sender; returns what became of it (the access code included: do not log). */
export async function receiveEmail(
  deps: EmailDeps,
  mail: InboundEmail,
  settings: EmailChannelSettings,
): Promise<EmailOutcome> {
  const lease = leaseOf(mail);
  if (lease && (await deps.idempotencyKeys.find(lease.scope, lease.key))) return { kind: 'duplicate' };
  const outcome: EmailOutcome = mail.trackingId
    ? await replyByEmail(deps, mail, mail.trackingId)
    : await fileByEmail(deps, mail, settings, lease);
  if (outcome.kind === 'duplicate') return outcome;
  // A filing stored its key with the report; anything else is remembered now, so a redelivery is not answered twice.
  if (lease && outcome.kind !== 'filed')
    await deps.idempotencyKeys.store(lease, lease.key, { status: 200, headers: {}, body: outcome.kind });
  await send(deps, mail, answerOf(outcome, mail, settings));
  return outcome;
}

/** Idempotency keys of the e-mail channel: per sender and Message-ID (a forger cannot mute someone else's). */
function leaseOf(mail: InboundEmail): IdempotencyLease | null {
  if (!mail.messageId) return null;
  const key = createHash('sha256')
    .update(`${mail.sender.address.toLowerCase()}\n${mail.messageId}`)
    .digest('hex');
  return { scope: 'email', key, owner: randomUUID() };
}

/** The one answer for an outcome, to the sender's From address. */
function answerOf(
  outcome: Exclude<EmailOutcome, { kind: 'duplicate' }>,
  mail: InboundEmail,
  s: EmailChannelSettings,
) {
  const to = { address: mail.sender.address, name: mail.sender.name, subject: mail.subject };
  const at = { mailbox: s.mailbox, publicUrl: s.publicUrl };
  switch (outcome.kind) {
    case 'filed':
      return filedAnswer(to, at, outcome);
    case 'refused':
      return refusedAnswer(to, at, outcome.reasons);
    case 'replied':
      return replyAddedAnswer(to, at, outcome.trackingId, mail.attachments.length);
    case 'reply_refused':
      return replyRefusedAnswer(to, at, outcome.trackingId, outcome.reason);
    case 'not_linked':
      return notLinkedAnswer(to, at, outcome.trackingId);
  }
}

/**
 * Sent after the outcome is stored: a failure to send is logged, never turned into an SMTP error, or the MTA would
 * deliver again and a redelivery is not answered (the report exists; the reporter can ask for help by e-mail).
 */
async function send(deps: Pick<AppDeps, 'mailer'>, mail: InboundEmail, answer: MailMessage): Promise<void> {
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-replied' };
  if (mail.messageId) {
    headers['In-Reply-To'] = mail.messageId;
    headers.References = mail.messageId;
  }
  await deps.mailer.send(Object.assign(answer, { headers })).catch((err: unknown) => {
    console.error(
      '[email] the answer was not sent:',
      redact(err instanceof Error ? err.message : String(err)),
    );
  });
}
