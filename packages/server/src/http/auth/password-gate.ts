/**
 * A staff account created with a one-time password can do nothing in /api/v1 until it has chosen its own password
 * (POST /api/auth/change-password); it may still read /api/v1/me, which tells the client to ask for it.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { ProblemError } from '../problem';

/** Answers 403 PASSWORD_CHANGE_REQUIRED to an account that must change its first password. */
export function passwordChangeGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.get('caller');
    if (p?.mustChangePassword && c.req.path.startsWith('/api/v1/') && !isMe(c.req.method, c.req.path))
      throw new ProblemError(
        'PASSWORD_CHANGE_REQUIRED',
        'Ganti kata sandi sementara Anda terlebih dahulu (POST /api/auth/change-password). / ' +
          'Change your one-time password first.',
      );
    await next();
  };
}

const isMe = (method: string, path: string) => method === 'GET' && path.replace(/\/+$/, '') === '/api/v1/me';
