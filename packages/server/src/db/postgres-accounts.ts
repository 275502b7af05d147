/** The accounts port: staff accounts and their role grants, and an account's own profile (`me`). */
import type { AccountProfile, AccountsPort, StaffGrantRecord, StaffMember } from '@pintu/core';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { AccountCipher } from '../security/account-cipher';
import { accounts, roleGrants, sessions, users } from './auth-schema';
import type { Db } from './open';
import {
  bool,
  date,
  jsonArray,
  language,
  num,
  numOrNull,
  type Row,
  str,
  strOrNull,
} from './postgres-accounts-columns';
import { institutions } from './schema';

const staffMemberOf = (r: Row, cipher: AccountCipher): StaffMember => ({
  userId: str(r.userId),
  name: str(r.name),
  email: cipher.open(str(r.emailSealed)),
  language: language(r.language),
  active: r.deactivatedAt === null || r.deactivatedAt === undefined,
  mustChangePassword: bool(r.mustChangePassword),
  twoFactorEnabled: bool(r.twoFactorEnabled),
  createdAt: date(r.createdAt).toISOString(),
  grants: jsonArray(r.grants).map((g) => ({
    id: num(g.id),
    role: str(g.role),
    institutionId: numOrNull(g.institutionId),
    institutionName: strOrNull(g.institutionName),
  })),
});

const profileOf = (r: Row, cipher: AccountCipher): AccountProfile => ({
  userId: str(r.userId),
  name: str(r.name),
  email: cipher.open(str(r.emailSealed)),
  emailVerified: bool(r.emailVerified),
  phone: r.phone == null ? null : cipher.open(str(r.phone)),
  language: language(r.language),
  mustChangePassword: bool(r.mustChangePassword),
  twoFactorEnabled: bool(r.twoFactorEnabled),
  grants: jsonArray(r.grants).map((g) => ({
    role: str(g.role),
    institutionId: numOrNull(g.institutionId),
    institutionName: strOrNull(g.institutionName),
    institutionCode: strOrNull(g.institutionCode),
  })),
});

/** E-mail and phone are sealed at rest (issue 16 §6): written sealed and indexed, read opened. */
export function postgresAccounts(db: Db, cipher: AccountCipher): AccountsPort {
  return {
    async institution(id) {
      const rows = await db
        .select({
          id: institutions.id,
          path: institutions.path,
          name: institutions.name,
          active: institutions.active,
        })
        .from(institutions)
        .where(eq(institutions.id, id));
      return rows[0] ?? null;
    },

    async staffGrants(userId) {
      const rows = await db
        .select({
          id: roleGrants.id,
          role: roleGrants.role,
          institutionId: roleGrants.institutionId,
          path: institutions.path,
          deactivatedAt: users.deactivatedAt,
        })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .leftJoin(institutions, eq(institutions.id, roleGrants.institutionId))
        .where(and(eq(roleGrants.userId, userId), ne(roleGrants.role, 'citizen')));
      const grants: StaffGrantRecord[] = rows.map(({ deactivatedAt: _d, ...g }) => g);
      return { grants, deactivated: rows[0]?.deactivatedAt != null };
    },

    async createStaff(a, beforeCommit) {
      let created = false;
      await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(users)
          .values({
            id: a.userId,
            name: a.name,
            email: cipher.indexEmail(a.email),
            emailSealed: cipher.seal(a.email.trim().toLowerCase()),
            emailVerified: true,
            phone: a.phone == null ? null : cipher.seal(a.phone),
            language: a.language,
            mustChangePassword: true,
            createdAt: a.createdAt,
            updatedAt: a.createdAt,
          })
          .onConflictDoNothing()
          .returning({ id: users.id });
        if (!inserted.length) return;
        await tx.insert(accounts).values({
          id: a.credentialId,
          accountId: a.userId,
          providerId: 'credential',
          userId: a.userId,
          password: a.passwordHash,
          createdAt: a.createdAt,
          updatedAt: a.createdAt,
        });
        await tx
          .insert(roleGrants)
          .values({ userId: a.userId, role: a.role, institutionId: a.institutionId, grantedBy: a.grantedBy });
        await beforeCommit();
        created = true;
      });
      return created;
    },

    async listStaff(roots, page) {
      const scope = roots === null ? sql`true` : sql`i.path && ${`{${roots.join(',')}}`}::int[]`;
      const res = await db.execute(sql`
        select u.id as "userId", u.name, u.email_sealed as "emailSealed", u.language, u.deactivated_at as "deactivatedAt",
          u.must_change_password as "mustChangePassword", u.two_factor_enabled as "twoFactorEnabled",
          u.created_at as "createdAt",
          json_agg(json_build_object('id', g.id, 'role', g.role, 'institutionId', g.institution_id,
              'institutionName', i.name) order by g.id) as grants,
          count(*) over () as total
        from users u
        join role_grants g on g.user_id = u.id
        left join institutions i on i.id = g.institution_id
        where g.role <> 'citizen' and ${scope}
        group by u.id
        order by u.name, u.id
        limit ${page.limit} offset ${page.offset}`);
      return { total: Number(res.rows[0]?.total ?? 0), items: res.rows.map((r) => staffMemberOf(r, cipher)) };
    },

    async deactivate(userId, at) {
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ deactivatedAt: at, updatedAt: at })
          .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
        await tx.delete(sessions).where(inArray(sessions.userId, [userId]));
      });
    },

    async addGrant(g) {
      const inserted = await db
        .insert(roleGrants)
        .values({ userId: g.userId, role: g.role, institutionId: g.institutionId, grantedBy: g.grantedBy })
        .onConflictDoNothing()
        .returning({ id: roleGrants.id });
      return inserted[0]?.id ?? null;
    },

    async removeGrant(userId, grantId) {
      await db.delete(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
    },

    async profile(userId) {
      const res = await db.execute(sql`
        select u.id as "userId", u.name, u.email_sealed as "emailSealed", u.email_verified as "emailVerified", u.phone, u.language,
          u.must_change_password as "mustChangePassword", u.two_factor_enabled as "twoFactorEnabled",
          coalesce((select json_agg(json_build_object('role', g.role, 'institutionId', g.institution_id,
              'institutionName', i.name, 'institutionCode', i.code) order by g.id)
            from role_grants g left join institutions i on i.id = g.institution_id where g.user_id = u.id),
            '[]'::json) as grants
        from users u where u.id = ${userId}`);
      const row = res.rows[0];
      return row ? profileOf(row, cipher) : null;
    },
  };
}
