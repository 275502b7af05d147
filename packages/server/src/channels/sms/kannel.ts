/**
 * Kannel's side of the webhook (docs/sms.md): the `sms-service` `get-url` sends
 * `from=%p&to=%P&text=%b&coding=%c&charset=%C&id=%I`, and the answer's body becomes the reply SMS. `%b` is the
 * message's bytes URL-encoded in the charset `%C` names: UTF-8 for text (with `mo-recode` also for most UCS-2
 * messages), UTF-16BE for UCS-2 that could not be recoded, so the bytes are decoded here rather than by the router.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { InboundSms } from './inbound';

/** Whether the secret the gateway sent is the configured one (constant time, whatever the lengths). */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The raw value of a query parameter as bytes (`+` is a space, `%XX` a byte), or null when absent. */
function rawBytes(query: string, name: string): Buffer | null {
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (key !== name) continue;
    const value = (eq < 0 ? '' : pair.slice(eq + 1)).replace(/\+/g, ' ');
    const bytes: number[] = [];
    for (let i = 0; i < value.length; i++) {
      const hex = value.slice(i + 1, i + 3);
      if (value[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else bytes.push(...Buffer.from(value[i]!, 'utf8'));
    }
    return Buffer.from(bytes);
  }
  return null;
}

/** The decoder for Kannel's `%C`. */
function decoderOf(charset: string | undefined): { decode(bytes: Uint8Array): string } {
  const c = (charset ?? '').toLowerCase();
  if (c === 'utf-16be' || c === 'ucs-2' || c === 'ucs-2be') return new TextDecoder('utf-16be');
  if (c === 'windows-1252' || c === 'iso-8859-1' || c === 'latin1') return new TextDecoder('windows-1252');
  return new TextDecoder('utf-8');
}

/** The message from the request's query string (as sent, before any decoding), or null without a sender. */
export function kannelMessage(rawQuery: string, params: Record<string, string>): InboundSms | null {
  const from = params.from?.trim();
  if (!from) return null;
  const bytes = rawBytes(rawQuery, 'text');
  // A UCS-2 message Kannel could not recode still says coding=2; its charset then names UTF-16BE.
  const charset = params.charset || (params.coding === '2' ? 'UTF-16BE' : undefined);
  const text = bytes ? decoderOf(charset).decode(bytes) : '';
  return { from, text, messageId: params.id?.trim() || undefined };
}
