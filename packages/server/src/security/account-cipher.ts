/**
 * Account e-mail and phone sealed at rest (issue 16 §6): the address itself is AES-GCM sealed like a reporter's
 * identity, and a blind index — a keyed HMAC of the lower-cased address — stands in the `email` column so that
 * sign-in can still find the account and two accounts cannot share an address. The index key is derived from the
 * data key, so that rotating the key re-indexes too (cli/data-key.ts).
 */
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { createSealer } from './seal';

export const BLIND_INDEX_PREFIX = 'bi1:';

export interface AccountCipher {
  /** The blind index of an e-mail address (trimmed, lower-cased as better-auth stores it). */
  indexEmail(email: string): string;
  seal(value: string): string;
  open(sealed: string): string;
}

export function createAccountCipher(dataKey: Buffer): AccountCipher {
  const sealer = createSealer(dataKey);
  const indexKey = Buffer.from(hkdfSync('sha256', dataKey, '', 'pintu/blind-index/email/v1', 32));
  return {
    indexEmail: (email) =>
      BLIND_INDEX_PREFIX +
      createHmac('sha256', indexKey).update(email.trim().toLowerCase()).digest('base64url'),
    seal: (value) => sealer.seal(value),
    open: (sealed) => sealer.open<string>(sealed),
  };
}

/** A short, public fingerprint of a data key: names the key an operator must supply, reveals nothing of it. */
export function dataKeyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
