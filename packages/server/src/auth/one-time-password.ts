/** One-time passwords for new staff accounts: 16 characters (≈ 79 bits) without look-alikes, in groups of four. */
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A fresh random one-time password such as `k7pm-x2qa-9trd-hw4e`. */
export function oneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
