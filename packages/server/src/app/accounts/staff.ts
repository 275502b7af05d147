/**
 * Staff accounts: created by an admin of the parent scope with a one-time password sent by e-mail (to be changed at
 * the first sign-in), listed per subtree, deactivated. Who may do what is in staff-scope.ts.
 */
import { generateId } from 'better-auth';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { oneTimePassword } from '../../auth/one-time-password';
import { accounts, roleGrants, sessions, users } from '../../db/auth-schema';
import { institutions } from '../../db/schema';
import type { Deps } from '../../http/context';
import { fieldError, ProblemError } from '../../http/problem';
import { staffWelcomeMail } from '../../mail/templates';
import type { Principal } from './principal';
import {
  type InstitutionNode,
  institutionRule,
  managedRoots,
  mayListStaff,
  mayManageGrant,
  type StaffRole,
} from './staff-scope';

export interface StaffInput {
  name: string;
  email: string;
  role: StaffRole;
  institutionId?: number | null | undefined;
  phone?: string | undefined;
  language?: 'id' | 'en' | undefined;
}

export interface StaffGrantView {
  id?: number;
  role: string;
  institutionId: number | null;
  institutionName: string | null;
}

export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  language: 'id' | 'en';
  active: boolean;
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  createdAt: string;
  grants: StaffGrantView[];
}

type StaffDeps = Pick<Deps, 'db' | 'auth' | 'mailer'> & { now: Date };

const NOT_ALLOWED = () =>
  new ProblemError('NOT_ALLOWED', 'Anda tidak berwenang mengelola akun petugas pada lingkup ini.');

/** An institution as staff administration checks it: tree path, name, active. */
export async function institutionNode(db: Deps['db'], id: number) {
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
}

/** Creates a staff account with one grant and e-mails its one-time password; all or nothing. */
export async function createStaff(
  deps: StaffDeps,
  actor: Principal,
  input: StaffInput,
): Promise<StaffMember> {
  const { db, auth, mailer } = deps;
  const rule = institutionRule(input.role);
  const institutionId = input.institutionId ?? null;
  if (rule === 'required' && institutionId === null)
    throw fieldError('institutionId', 'required', 'Peran ini diberikan pada sebuah instansi atau unit.');
  if (rule === 'forbidden' && institutionId !== null)
    throw fieldError('institutionId', 'not_allowed', 'Peran nasional tidak terikat pada instansi.');
  const inst = institutionId === null ? null : await institutionNode(db, institutionId);
  if (institutionId !== null && !inst?.active)
    throw fieldError('institutionId', 'not_found', 'Instansi tidak ditemukan atau tidak aktif.');
  if (!mayManageGrant(actor, input.role, inst)) throw NOT_ALLOWED();

  const email = input.email.trim().toLowerCase();
  const language = input.language ?? 'id';
  const password = oneTimePassword();
  const ctx = await auth.betterAuth.$context;
  const hash = await ctx.password.hash(password);
  const userId = generateId();
  const createdAt = deps.now;
  // The mail goes out inside the transaction: an account whose password never left is not created.
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values({
        id: userId,
        name: input.name.trim(),
        email,
        emailVerified: true,
        phone: input.phone ?? null,
        language,
        mustChangePassword: true,
        createdAt,
        updatedAt: createdAt,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!inserted.length)
      throw new ProblemError('CONFLICT', 'Alamat e-mail ini sudah dipakai akun lain.', [
        { field: 'email', code: 'taken', message: 'Alamat e-mail ini sudah dipakai akun lain.' },
      ]);
    await tx.insert(accounts).values({
      id: generateId(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: hash,
      createdAt,
      updatedAt: createdAt,
    });
    await tx.insert(roleGrants).values({ userId, role: input.role, institutionId, grantedBy: actor.userId });
    await mailer.send(
      staffWelcomeMail(
        { name: input.name, email, language },
        { role: input.role, institutionName: inst?.name ?? null },
        password,
        `${auth.publicUrl}/`,
      ),
    );
  });
  return {
    userId,
    name: input.name.trim(),
    email,
    language,
    active: true,
    mustChangePassword: true,
    twoFactorEnabled: false,
    createdAt: createdAt.toISOString(),
    grants: [{ role: input.role, institutionId, institutionName: inst?.name ?? null }],
  };
}

interface StaffRow {
  userId: string;
  name: string;
  email: string;
  language: 'id' | 'en';
  deactivatedAt: string | Date | null;
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  createdAt: string | Date;
  grants: StaffGrantView[];
  total: number;
}

/** Staff of a subtree (or, for the national admin without one, every staff account), with their grants there. */
export async function listStaff(
  deps: Pick<Deps, 'db'>,
  actor: Principal,
  q: { institutionId?: number | undefined; limit: number; offset: number },
): Promise<{ items: StaffMember[]; total: number }> {
  let roots: number[] | null;
  if (q.institutionId !== undefined) {
    const inst = await institutionNode(deps.db, q.institutionId);
    if (!inst) throw new ProblemError('NOT_FOUND', 'Instansi tidak ditemukan.');
    if (!mayListStaff(actor, inst)) throw NOT_ALLOWED();
    roots = [inst.id];
  } else {
    if (!mayListStaff(actor, null) && !managedRoots(actor)?.length) throw NOT_ALLOWED();
    roots = managedRoots(actor);
  }
  const scope = roots === null ? sql`true` : sql`i.path && ${`{${roots.join(',')}}`}::int[]`;
  const res = await deps.db.execute(sql`
    select u.id as "userId", u.name, u.email, u.language, u.deactivated_at as "deactivatedAt",
      u.must_change_password as "mustChangePassword", u.two_factor_enabled as "twoFactorEnabled",
      u.created_at as "createdAt",
      json_agg(json_build_object('id', g.id, 'role', g.role, 'institutionId', g.institution_id, 'institutionName', i.name)
        order by g.id) as grants,
      count(*) over () as total
    from users u
    join role_grants g on g.user_id = u.id
    left join institutions i on i.id = g.institution_id
    where g.role <> 'citizen' and ${scope}
    group by u.id
    order by u.name, u.id
    limit ${q.limit} offset ${q.offset}`);
  const rows = res.rows as unknown as StaffRow[];
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map(({ total: _t, deactivatedAt, createdAt, ...r }) => ({
      ...r,
      active: deactivatedAt === null,
      createdAt: new Date(createdAt).toISOString(),
    })),
  };
}

/** Deactivates a staff account: it can no longer sign in and its sessions end. Idempotent. */
export async function deactivateStaff(
  deps: Pick<Deps, 'db'> & { now: Date },
  actor: Principal,
  userId: string,
) {
  const { db } = deps;
  if (userId === actor.userId)
    throw new ProblemError('CONFLICT', 'Anda tidak dapat menonaktifkan akun Anda sendiri.');
  const grants = await db
    .select({ role: roleGrants.role, institutionId: roleGrants.institutionId, path: institutions.path })
    .from(roleGrants)
    .leftJoin(institutions, eq(institutions.id, roleGrants.institutionId))
    .where(and(eq(roleGrants.userId, userId), ne(roleGrants.role, 'citizen')));
  if (!grants.length) throw new ProblemError('NOT_FOUND', 'Akun petugas tidak ditemukan.');
  // Every role the account holds must be within the actor's reach, or the account is not the actor's to end.
  const allowed = grants.every((g) =>
    mayManageGrant(
      actor,
      g.role as StaffRole,
      g.institutionId === null
        ? null
        : ({ id: g.institutionId, path: g.path ?? [] } satisfies InstitutionNode),
    ),
  );
  if (!allowed) throw NOT_ALLOWED();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ deactivatedAt: deps.now, updatedAt: deps.now })
      .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
    await tx.delete(sessions).where(inArray(sessions.userId, [userId]));
  });
}
