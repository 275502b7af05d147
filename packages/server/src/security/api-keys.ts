/** API keys of the integration API (ADR 0012): `pintu_<12 base32 prefix>_<43 base64url secret>`, stored hashed. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const KEY_PATTERN = /^pintu_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;

function base32(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += BASE32[randomInt(32)];
  return s;
}

/** A new random id with a kind prefix, e.g. `app_…` or `key_…` (80 random bits). */
export function newIntegrationId(kind: 'app' | 'key'): string {
  return `${kind}_${base32(16)}`;
}

/** SHA-256 (hex) of the whole key: keys carry 256 random bits, so a slow hash adds nothing. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A fresh key, its prefix (the lookup and the name in logs) and its hash. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = base32(12);
  const key = `pintu_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The prefix of a well-formed key, or null. */
export function prefixOfApiKey(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Constant-time comparison of a presented key against the stored hash. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
