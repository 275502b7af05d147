/**
 * CSRF protection for our own API: a state-changing request that carries the session cookie must come from a
 * trusted origin (its Origin header, or failing that its Referer). Requests without the session cookie — guests
 * with an access code, API clients — are not affected, since a browser cannot be tricked into authenticating them.
 * better-auth checks its own routes (/api/auth/*) itself.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { ProblemError } from '../problem';
import { cookieValue } from './cookies';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** Refuses cookie-authenticated, state-changing requests from origins that are not trusted. */
export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method) || c.req.path.startsWith('/api/auth/')) return next();
    if (c.get('caller')?.app) return next(); // an API-key caller: its cookies are never read
    const { auth } = c.get('deps');
    if (!cookieValue(c.req.header('cookie'), auth.cookies.session)) return next();
    const origin = originOf(c.req.header('origin')) ?? originOf(c.req.header('referer'));
    if (!origin || !auth.trustedOrigins.includes(origin))
      throw new ProblemError(
        'CSRF_REJECTED',
        'Permintaan ditolak: asal permintaan (Origin) tidak dikenal. / Request refused: untrusted origin.',
      );
    await next();
  };
}
