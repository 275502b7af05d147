/**
 * API-key authentication (ADR 0012), before the session and CSRF middleware: a request with
 * `Authorization: Bearer pintu_…` is a regional app's. It never reads cookies and skips CSRF (a browser cannot be
 * tricked into sending a bearer key). A bad key is 401 with `WWW-Authenticate: Bearer`; a key over its rate is 429
 * with `Retry-After`; a key is only good for the integration API's routes.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { appCaller } from '../../app/accounts/caller';
import { authenticateKey, KeyRateLimiter } from '../../app/integration/authenticate-key';
import type { AppEnv } from '../context';
import { ProblemError, problem } from '../problem';

const BEARER = /^Bearer\s+(.+)$/i;
// `last_used_at` is written at most once a minute per key: a busy key must not write a row per request.
const TOUCH_EVERY_MS = 60_000;

const REFERENCE_READS = /^\/api\/v1\/(institutions(\/[^/]+)?|categories|regions)\/?$/;

/** Where a key may go: the integration API, filing, uploading attachments, and the public reference data. */
function keyMayCall(method: string, path: string): boolean {
  if (path.startsWith('/api/v1/integration/')) return true;
  if (method === 'POST' && (path === '/api/v1/reports' || path === '/api/v1/attachments')) return true;
  // Exactly the reference reads: not what lies below them (an institution's administration is staff's).
  if (method === 'GET' && (path === '/api/health' || REFERENCE_READS.test(path))) return true;
  return false;
}

function unauthorized(c: Context, detail: string, reason: string): Response {
  const res = problem(c, new ProblemError('UNAUTHENTICATED', detail, [], reason));
  res.headers.set('www-authenticate', 'Bearer realm="pintu", error="invalid_token"');
  return res;
}

/** Whether the request carries a Pintu API key (the session middleware then leaves it alone). */
export function hasApiKey(authorization: string | undefined): boolean {
  return !!authorization && /^Bearer\s+pintu_/i.test(authorization);
}

/** Resolves a bearer API key into an app caller; requests without one pass through untouched. */
export function apiKeyMiddleware(): MiddlewareHandler<AppEnv> {
  const limiter = new KeyRateLimiter();
  const touched = new Map<string, number>();
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (!authorization || !BEARER.test(authorization)) return next();
    const presented = BEARER.exec(authorization)![1]!.trim();
    if (!presented.startsWith('pintu_'))
      return unauthorized(c, 'Kunci API tidak dikenali. / Unknown API key.', 'malformed');
    const deps = c.get('deps');
    const now = c.get('now');
    const check = await authenticateKey(deps, presented, now);
    if (!check.ok) {
      const detail =
        check.reason === 'malformed' || check.reason === 'unknown'
          ? 'Kunci API tidak dikenali. / Unknown API key.'
          : 'Kunci API tidak berlaku lagi (kedaluwarsa, dicabut, atau aplikasinya dinonaktifkan). / API key no longer valid.';
      return unauthorized(c, detail, check.reason === 'unknown' ? 'unknown' : check.reason);
    }
    const { app } = check;
    const wait = limiter.take(app.keyId, check.rateLimit, now);
    if (wait > 0) {
      const res = problem(
        c,
        new ProblemError(
          'RATE_LIMITED',
          `Batas ${check.rateLimit} permintaan per menit untuk kunci ini terlampaui.`,
        ),
      );
      res.headers.set('retry-after', String(wait));
      return res;
    }
    if (!keyMayCall(c.req.method, c.req.path))
      return problem(
        c,
        new ProblemError(
          'NOT_ALLOWED',
          'Kunci API tidak dapat dipakai untuk rute ini.',
          [],
          'route_not_for_keys',
        ),
      );
    const last = Math.max(touched.get(app.keyId) ?? 0, check.lastUsedAt?.getTime() ?? 0);
    if (now.getTime() - last >= TOUCH_EVERY_MS) {
      touched.set(app.keyId, now.getTime());
      await deps.integration.touchKey(app.keyId, now);
    }
    c.set('caller', appCaller(app));
    await next();
  };
}

/** The app caller holding `permission`, or 403 naming it (a signed-in person is 403 too: these are app routes). */
export function requireAppPermission(c: Context<AppEnv>, permission: string) {
  const caller = c.get('caller');
  if (!caller?.app)
    throw new ProblemError(
      'UNAUTHENTICATED',
      'Rute ini memerlukan kunci API (Authorization: Bearer).',
      [],
      'api_key_required',
    );
  if (!caller.app.permissions.includes(permission))
    throw new ProblemError(
      'NOT_ALLOWED',
      `Kunci API ini tidak memiliki izin ${permission}.`,
      [{ field: 'permissions', code: 'missing_permission', message: permission }],
      'missing_permission',
    );
  return caller as typeof caller & { app: NonNullable<typeof caller.app> };
}
