/**
 * The session middleware: turns the signed session cookie into `c.get('caller')` with the account's role grants and
 * permissions in one query. A session due for its daily extension is handed to better-auth, which extends it and
 * re-sets the cookie.
 */
import type { SessionsPort } from '@pintu/core';
import type { MiddlewareHandler } from 'hono';
import type { Caller } from '../../app/accounts/caller';
import { SESSION_EXPIRES_IN, SESSION_UPDATE_AGE } from '../../auth/auth';
import type { AppEnv } from '../context';
import { signedCookie } from './cookies';

/** The caller of a live session token of an active account, and whether the session is due for extension. */
export async function callerOfSession(
  sessions: SessionsPort,
  token: string,
  at: Date,
): Promise<{ caller: Caller; refreshDue: boolean } | null> {
  const found = await sessions.accountOfSession(token, at);
  if (!found) return null;
  // better-auth's rule: extend once the session is older than updateAge since it was last extended.
  const extendedAt = found.expiresAt.getTime() - SESSION_EXPIRES_IN * 1000;
  return { caller: found.account, refreshDue: at.getTime() >= extendedAt + SESSION_UPDATE_AGE * 1000 };
}

/** Resolves the caller for every /api request except better-auth's own. */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.path.startsWith('/api/auth/') || c.get('caller')?.app) return next();
    const { auth, sessions } = c.get('deps');
    const token = signedCookie(c.req.header('cookie'), auth.cookies.session, auth.secret);
    if (token) {
      // Session lifetimes are wall-clock time (better-auth's), not the application clock.
      const found = await callerOfSession(sessions, token, new Date());
      if (found) {
        c.set('caller', found.caller);
        if (found.refreshDue) {
          const refreshed = await auth.betterAuth.api.getSession({
            headers: c.req.raw.headers,
            returnHeaders: true,
          });
          for (const cookie of refreshed.headers.getSetCookie())
            c.header('set-cookie', cookie, { append: true });
        }
      }
    }
    await next();
  };
}
