/**
 * A staff account's further roles: a penghubung who is also the operator of a unit, an admin seconded to oversight.
 * Granting and taking away follow the same reach as creating staff (staff-scope.ts); the account must already be
 * one the actor manages, so the endpoint cannot be used to find out which e-mail addresses have accounts.
 */
import { and, eq, ne } from 'drizzle-orm';
import { roleGrants, users } from '../../db/auth-schema';
import { institutions } from '../../db/schema';
import type { Deps } from '../../http/context';
import { fieldError, ProblemError } from '../../http/problem';
import type { Principal } from './principal';
import { institutionNode } from './staff';
import { type InstitutionNode, institutionRule, mayManageGrant, type StaffRole } from './staff-scope';

type GrantDeps = Pick<Deps, 'db'>;

interface GrantRow {
  id: number;
  role: string;
  institutionId: number | null;
  path: number[] | null;
}

const notFound = () => new ProblemError('NOT_FOUND', 'Akun petugas tidak ditemukan.');
const notAllowed = () =>
  new ProblemError('NOT_ALLOWED', 'Anda tidak berwenang mengelola peran ini pada lingkup ini.');

const nodeOf = (g: GrantRow): InstitutionNode | null =>
  g.institutionId === null ? null : { id: g.institutionId, path: g.path ?? [] };

/** The account's staff grants, or NOT_FOUND when it has none the actor could manage (or it is deactivated). */
async function managedGrants(db: GrantDeps['db'], actor: Principal, userId: string): Promise<GrantRow[]> {
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
  if (!rows.length || rows[0]!.deactivatedAt !== null) throw notFound();
  if (!rows.some((g) => mayManageGrant(actor, g.role as StaffRole, nodeOf(g)))) throw notFound();
  return rows;
}

/** Gives a staff account one more role; returns the new grant's id. */
export async function addStaffGrant(
  deps: GrantDeps,
  actor: Principal,
  userId: string,
  input: { role: StaffRole; institutionId?: number | null | undefined },
): Promise<number> {
  const { db } = deps;
  if (userId === actor.userId)
    throw new ProblemError('NOT_ALLOWED', 'Anda tidak dapat menambah peran akun Anda sendiri.');
  await managedGrants(db, actor, userId);
  const institutionId = input.institutionId ?? null;
  const rule = institutionRule(input.role);
  if (rule === 'required' && institutionId === null)
    throw fieldError('institutionId', 'required', 'Peran ini diberikan pada sebuah instansi atau unit.');
  if (rule === 'forbidden' && institutionId !== null)
    throw fieldError('institutionId', 'not_allowed', 'Peran nasional tidak terikat pada instansi.');
  let target: InstitutionNode | null = null;
  if (institutionId !== null) {
    const inst = await institutionNode(db, institutionId);
    if (!inst?.active)
      throw fieldError('institutionId', 'not_found', 'Instansi tidak ditemukan atau tidak aktif.');
    target = inst;
  }
  if (!mayManageGrant(actor, input.role, target)) throw notAllowed();
  const inserted = await db
    .insert(roleGrants)
    .values({ userId, role: input.role, institutionId, grantedBy: actor.userId })
    .onConflictDoNothing()
    .returning({ id: roleGrants.id });
  if (!inserted.length)
    throw new ProblemError('CONFLICT', 'Akun ini sudah memegang peran tersebut.', [
      { field: 'role', code: 'taken', message: 'Akun ini sudah memegang peran tersebut di sana.' },
    ]);
  return inserted[0]!.id;
}

/** Takes one role away; the last one is refused (deactivate the account instead). */
export async function removeStaffGrant(
  deps: GrantDeps,
  actor: Principal,
  userId: string,
  grantId: number,
): Promise<void> {
  const { db } = deps;
  if (userId === actor.userId)
    throw new ProblemError('NOT_ALLOWED', 'Anda tidak dapat mencabut peran akun Anda sendiri.');
  const grants = await managedGrants(db, actor, userId);
  const grant = grants.find((g) => g.id === grantId);
  if (!grant) throw new ProblemError('NOT_FOUND', 'Peran tidak ditemukan pada akun ini.');
  if (!mayManageGrant(actor, grant.role as StaffRole, nodeOf(grant))) throw notAllowed();
  if (grants.length === 1)
    throw new ProblemError(
      'CONFLICT',
      'Ini peran terakhir akun tersebut. Nonaktifkan akunnya bila tidak lagi bertugas.',
    );
  await db.delete(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
}
