/**
 * The session middleware: turns the signed session cookie into `c.var.principal` with the account's role grants and
 * permissions in one query. A session due for its daily extension is handed to better-auth, which extends it and
 * re-sets the cookie.
 */
import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Principal, RoleGrant } from '../../app/accounts/principal';
import { SESSION_EXPIRES_IN, SESSION_UPDATE_AGE } from '../../auth/auth';
import type { Db } from '../../db/open';
import type { AppEnv } from '../context';
import { signedCookie } from './cookies';

interface Row {
  userId: string;
  name: string;
  email: string;
  mustChangePassword: boolean;
  expiresAt: Date | string;
  grants: RoleGrant[];
  permissions: string[];
}

/** The principal of a live session token of an active account, and whether the session is due for extension. */
export async function principalOfSession(
  db: Db,
  token: string,
  at: Date,
): Promise<{ principal: Principal; refreshDue: boolean } | null> {
  const res = await db.execute(sql`
    select u.id as "userId", u.name, u.email, u.must_change_password as "mustChangePassword",
      s.expires_at as "expiresAt",
      coalesce((select json_agg(json_build_object('role', x.role, 'institutionId', x.institution_id)
          order by x.grant_id, x.institution_id)
        from (select g.id as grant_id, g.role, g.institution_id from role_grants g where g.user_id = u.id
          union all
          -- Oversight granted on a provincial government (its Diskominfo) covers its province: every regency/city
          -- government there, each with its subtree (domain.md §2). They are separate trees, so one grant each.
          select g.id, g.role, r.id from role_grants g
          join institutions p on p.id = g.institution_id and p.kind = 'provincial_government'
          join institutions r on r.kind = 'regency_government' and r.region_code like p.region_code || '.%'
          where g.user_id = u.id and g.role = 'oversight') x), '[]'::json) as grants,
      coalesce((select array_agg(p.permission order by p.permission)
        from permissions p where p.user_id = u.id), '{}'::text[]) as permissions
    from sessions s join users u on u.id = s.user_id
    where s.token = ${token} and s.expires_at > ${at} and u.deactivated_at is null`);
  const row = res.rows[0] as Row | undefined;
  if (!row) return null;
  const { expiresAt, ...principal } = row;
  // better-auth's rule: extend once the session is older than updateAge since it was last extended.
  const extendedAt = new Date(expiresAt).getTime() - SESSION_EXPIRES_IN * 1000;
  return { principal, refreshDue: at.getTime() >= extendedAt + SESSION_UPDATE_AGE * 1000 };
}

/** Resolves the caller for every /api request except better-auth's own. */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.path.startsWith('/api/auth/')) return next();
    const { auth, db } = c.var;
    const token = signedCookie(c.req.header('cookie'), auth.cookies.session, auth.secret);
    if (token) {
      // Session lifetimes are wall-clock time (better-auth's), not the application clock.
      const found = await principalOfSession(db, token, new Date());
      if (found) {
        c.set('principal', found.principal);
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
