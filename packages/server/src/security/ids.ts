/** Public identifiers and secrets handed to reporters. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { randomPooled } from './random';

// Crockford base32 without I, L, O, U: easy to read aloud and type on a phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `n` characters, 5 random bits each (a byte's low 5 bits: 256 is a multiple of 32, so no character is favoured). */
function randomChars(n: number): string {
  const bytes = randomPooled(n);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[bytes[i]! & 31];
  return s;
}

/** A non-guessable tracking id, e.g. `LPR-8F3K-Q7MZ-2T9X` (60 random bits). */
export function newTrackingId(): string {
  const c = randomChars(12);
  return `LPR-${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
}

/** A secret access code for a guest reporter, shown once (80 random bits). */
export function newAccessCode(): string {
  const c = randomChars(16);
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8, 12)}-${c.slice(12)}`;
}

/** Normalises what a person typed: case, spaces and dashes do not matter; O/I/L read as 0/1/1. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * Hash of an access code. A plain SHA-256 suffices: the code carries 80 random bits, so there is no dictionary
 * to attack, and a slow KDF would cap intake throughput for no gain.
 */
export function hashAccessCode(code: string): string {
  return createHash('sha256').update(normaliseCode(code)).digest('hex');
}

/** Constant-time comparison of an access code against its stored hash. */
export function accessCodeMatches(code: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashAccessCode(code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
