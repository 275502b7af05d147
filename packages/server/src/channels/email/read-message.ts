/**
 * One received message, parsed (mailparser) and classified: either a person's message as the use case takes it, or
 * the reason it is ignored (bounces, automatic replies, bulk, loops, no sender).
 */
import { simpleParser } from 'mailparser';
import type { InboundEmail } from '../../app/email/inbound-email';
import { classifyArrival, dmarcFailed, headerMapOf, type IgnoredReason } from './classify';
import { cleanSubject, fieldsOf, ownText, trackingIdIn } from './message-text';

export type ReadMessage =
  | { kind: 'mail'; mail: InboundEmail }
  | { kind: 'ignored'; reason: IgnoredReason | 'no_sender'; why: string };

// Parts mail programs add on their own (S/MIME and PGP signatures, vCards): not the sender's attachments.
const NOT_ATTACHMENTS = new Set([
  'application/pkcs7-signature',
  'application/x-pkcs7-signature',
  'application/pgp-signature',
  'application/pgp-keys',
  'text/vcard',
  'text/x-vcard',
  'message/delivery-status',
]);

/** Parses the raw message; `returnPath` is the envelope's MAIL FROM ('' for `<>`). */
export async function readMessage(raw: Buffer, returnPath: string, mailbox: string): Promise<ReadMessage> {
  const parsed = await simpleParser(raw, {
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
    keepDeliveryStatus: true,
    // An HTML-only message is read as text; a huge one would only be refused by length after a long conversion.
    maxHtmlLengthToParse: 2_000_000,
  });
  const headers = headerMapOf(parsed.headerLines);
  const sender = parsed.from?.value.find((a) => a.address);
  const subject = parsed.subject ?? '';
  const verdict = classifyArrival({
    headers,
    subject,
    from: sender?.address ?? '',
    returnPath,
    mailbox,
  });
  if (verdict.kind === 'ignored') return verdict;
  if (!sender?.address) return { kind: 'ignored', reason: 'no_sender', why: 'no From address' };

  const text = ownText(parsed.text ?? '');
  const { body, fields } = fieldsOf(text);
  return {
    kind: 'mail',
    mail: {
      messageId: parsed.messageId ?? null,
      sender: { name: (sender.name ?? '').trim(), address: sender.address.trim() },
      subject,
      title: cleanSubject(subject),
      trackingId: trackingIdIn(subject),
      text,
      body,
      fields,
      attachments: parsed.attachments
        .filter((a) => !NOT_ATTACHMENTS.has(a.contentType.toLowerCase()))
        .map((a) => ({ name: a.filename ?? '', bytes: a.content })),
      senderUnverified: dmarcFailed(headers),
    },
  };
}
