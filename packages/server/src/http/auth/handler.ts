/**
 * Mounts better-auth at /api/auth/*. Around it: the client address (resolved here, handed over in one header that
 * callers cannot set), the e-mail of a sign-in for the limiter, and the login audit of every sign-in attempt.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { CLIENT_IP_HEADER } from '../../auth/auth';
import {
  type LoginMethod,
  outcomeOf,
  recordLogin,
  userOfTwoFactorChallenge,
} from '../../db/postgres-login-audit';
import { withLoginSubject } from '../../db/postgres-rate-limit';
import type { AppEnv } from '../context';
import { ProblemError } from '../problem';
import { clientIp } from './client-ip';
import { signedCookie } from './cookies';

const MAX_BODY = 16 * 1024;

/** Second-factor endpoints that complete a sign-in, and what they are called in the audit. */
const SECOND_FACTOR: Record<string, LoginMethod> = {
  '/two-factor/verify-totp': 'totp',
  '/two-factor/verify-backup-code': 'backup_code',
};

/** Registers the better-auth routes. */
export function authRoutes(app: OpenAPIHono<AppEnv>): void {
  app.on(
    ['GET', 'POST'],
    '/api/auth/*',
    bodyLimit({
      maxSize: MAX_BODY,
      onError: () => {
        throw new ProblemError('TOO_LARGE', `Permintaan maksimal ${MAX_BODY / 1024} KB.`);
      },
    }),
    async (c) => {
      const { auth, db } = c.get('deps');
      const ip = clientIp(c, auth.trustProxy);
      const headers = new Headers(c.req.raw.headers);
      headers.delete(CLIENT_IP_HEADER);
      if (ip) headers.set(CLIENT_IP_HEADER, ip);
      const body = c.req.method === 'POST' ? await c.req.arrayBuffer() : undefined;
      const request = new Request(c.req.url, { method: c.req.method, headers, body });

      const path = c.req.path.slice('/api/auth'.length);
      const signIn = c.req.method === 'POST' && path === '/sign-in/email';
      const secondFactor = c.req.method === 'POST' ? SECOND_FACTOR[path] : undefined;
      const challenge = secondFactor
        ? signedCookie(c.req.header('cookie'), auth.cookies.twoFactor, auth.secret)
        : null;
      const email = signIn ? emailOf(body) : null;

      const res = await withLoginSubject(email ? auth.hashEmail(email) : null, () =>
        auth.betterAuth.handler(request),
      );

      // The second factor is audited only where it completes a sign-in (not when TOTP is being turned on).
      if (signIn || challenge) {
        const { outcome, userId } = await outcomeOf(res);
        await recordLogin(
          db,
          { hashEmail: auth.hashEmail, indexEmail: auth.accountCipher.indexEmail },
          {
            method: secondFactor ?? 'password',
            outcome,
            userId: userId ?? (challenge ? await userOfTwoFactorChallenge(db, challenge) : null),
            email,
            ip,
            userAgent: c.req.header('user-agent') ?? null,
            at: c.get('now'),
          },
        ).catch((err) => console.error('login audit failed', err));
      }
      return res;
    },
  );
}

function emailOf(body: ArrayBuffer | undefined): string | null {
  if (!body) return null;
  try {
    const email = (JSON.parse(new TextDecoder().decode(body)) as { email?: unknown }).email;
    return typeof email === 'string' && email.length <= 254 ? email : null;
  } catch {
    return null;
  }
}
