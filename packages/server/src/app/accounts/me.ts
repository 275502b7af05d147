/** The signed-in account as it sees itself: profile, grants with institution names, security state. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { Principal } from './principal';

export interface MeView {
  userId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  phone: string | null;
  language: 'id' | 'en';
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  grants: {
    role: string;
    institutionId: number | null;
    institutionName: string | null;
    institutionCode: string | null;
  }[];
  permissions: string[];
}

/** The account of the principal. */
export async function loadMe(db: Db, p: Principal): Promise<MeView> {
  const res = await db.execute(sql`
    select u.id as "userId", u.name, u.email, u.email_verified as "emailVerified", u.phone, u.language,
      u.must_change_password as "mustChangePassword", u.two_factor_enabled as "twoFactorEnabled",
      coalesce((select json_agg(json_build_object('role', g.role, 'institutionId', g.institution_id,
          'institutionName', i.name, 'institutionCode', i.code) order by g.id)
        from role_grants g left join institutions i on i.id = g.institution_id where g.user_id = u.id),
        '[]'::json) as grants
    from users u where u.id = ${p.userId}`);
  const row = res.rows[0] as Omit<MeView, 'permissions'>;
  return { ...row, permissions: p.permissions };
}
