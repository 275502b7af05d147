/** The sessions port: a session token to its account with role grants and permissions, in one query. */
import { ROLES, type Role, type SessionAccount, type SessionsPort } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { AccountCipher } from '../security/account-cipher';
import type { Db } from './open';
import { bool, date, jsonArray, numOrNull, type Row, str, texts } from './postgres-accounts-columns';

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

export function postgresSessions(db: Db, cipher: AccountCipher): SessionsPort {
  return {
    async accountOfSession(token, at) {
      const res = await db.execute(sql`
        select u.id as "userId", u.name, u.email_sealed as "emailSealed", u.must_change_password as "mustChangePassword",
          s.expires_at as "expiresAt",
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
        where s.token = ${token} and s.expires_at > ${at} and u.deactivated_at is null`);
      const row = res.rows[0];
      return row ? { account: accountOf(row, cipher), expiresAt: date(row.expiresAt) } : null;
    },
  };
}
