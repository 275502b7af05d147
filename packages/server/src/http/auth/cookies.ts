/** Reads better-auth's signed cookies (`value.HMAC-SHA256(secret, value)` in base64, URI-encoded). */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The value of cookie `name` from a Cookie header, undecoded; null when absent. */
export function cookieValue(header: string | undefined | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The signed value of cookie `name` when its signature is valid; null otherwise. */
export function signedCookie(header: string | undefined | null, name: string, secret: string): string | null {
  const raw = cookieValue(header, name);
  if (!raw) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = decoded.lastIndexOf('.');
  if (dot < 1) return null;
  const value = decoded.slice(0, dot);
  const given = Buffer.from(decoded.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(value).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
