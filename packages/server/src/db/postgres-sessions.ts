/** The sessions port: a session token to its account with role grants and permissions, in one query. */
import { ROLES, type Role, type SessionAccount, type SessionsPort } from '@pintu/core';
import type { AccountCipher } from '../security/account-cipher';
import type { Db } from './open';
import { bool, date, jsonArray, numOrNull, type Row, str, texts } from './postgres-accounts-columns';
import { prepared } from './prepared';

const isRole = (v: unknown): v is Role => (ROLES as readonly unknown[]).includes(v);

const accountOf = (r: Row, cipher: AccountCipher): SessionAccount => ({
  userId: str(r.userId),
  name: str(r.name),
  email: cipher.open(str(r.emailSealed)),
  mustChangePassword: bool(r.mustChangePassword),
  grants: jsonArray(r.grants).flatMap((g) =>
    isRole(g.role) ? [{ role: g.role, institutionId: numOrNull(g.institutionId) }] : [],
  ),
  permissions: texts(r.permissions),
});

/**
 * The session's account, grants and permissions: a named prepared statement, since every signed-in request runs it
 * and its planning cost more than its run (0.46 ms against 0.12 ms, pg_stat_statements in bench:paths).
 */
const ACCOUNT_OF_SESSION = prepared<'token' | 'at'>(
  'pintu_account_of_session',
  (p) => `select u.id as "userId", u.name, u.email_sealed as "emailSealed",
      u.must_change_password as "mustChangePassword", s.expires_at as "expiresAt",
      coalesce((select json_agg(json_build_object('role', x.role, 'institutionId', x.institution_id)
          order by x.grant_id, x.institution_id)
        from (select g.id as grant_id, g.role, g.institution_id from role_grants g where g.user_id = u.id
          union all
          -- Oversight granted on a provincial government (its Diskominfo) covers its province: every
          -- regency/city government there, each with its subtree (domain.md §2). They are separate trees, so
          -- one grant each.
          select g.id, g.role, r.id from role_grants g
          join institutions p on p.id = g.institution_id and p.kind = 'provincial_government'
          join institutions r on r.kind = 'regency_government' and r.region_code like p.region_code || '.%'
          where g.user_id = u.id and g.role = 'oversight') x), '[]'::json) as grants,
      coalesce((select array_agg(p.permission order by p.permission)
        from permissions p where p.user_id = u.id), '{}'::text[]) as permissions
    from sessions s join users u on u.id = s.user_id
    where s.token = ${p('token')} and s.expires_at > ${p('at')}::timestamptz and u.deactivated_at is null`,
);

export function postgresSessions(db: Db, cipher: AccountCipher): SessionsPort {
  return {
    async accountOfSession(token, at) {
      const [row] = await ACCOUNT_OF_SESSION(db, { token, at: at.toISOString() });
      return row ? { account: accountOf(row, cipher), expiresAt: date(row.expiresAt) } : null;
    },
  };
}
