/**
 * The Content-Security-Policy of every response (issue 16 §8, OWASP ASVS 14.4.3): scripts only from this origin —
 * no inline script, no eval — so an injected `<script>` or `onerror=` in a report's text cannot run. Styles allow
 * inline because Mantine writes its CSS variables into a `<style>` element at run time and React sets style
 * attributes; a style cannot run code. Map tiles come from OpenStreetMap's tile server (the report form's map pin).
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://tile.openstreetmap.org",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const contentSecurityPolicy = (): MiddlewareHandler => async (c, next) => {
  await next();
  // On the response's own headers, as hono's secureHeaders does: `c.header` after the handler makes hono rebuild the
  // response around its body as a stream, which cost the report page ~⅓ of its server time (bench:paths profile).
  try {
    c.res.headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
  } catch {
    // A response with immutable headers (Response.redirect, a fetched one): hono's way, which copies it.
    c.header('content-security-policy', CONTENT_SECURITY_POLICY);
  }
};
