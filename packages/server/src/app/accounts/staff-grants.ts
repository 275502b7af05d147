/**
 * A staff account's further roles: a penghubung who is also the operator of a unit, an admin seconded to oversight.
 * Granting and taking away follow the same reach as creating staff (core policy/staff-scope.ts); the account must
 * already be one the actor manages, so the endpoint cannot be used to find out which e-mail addresses have accounts.
 */
import {
  fail,
  type InstitutionNode,
  isStaffRole,
  mayManageGrant,
  type StaffGrantRecord,
  type StaffRole,
} from '@pintu/core';
import type { AppDeps } from '../deps';
import type { Caller } from './caller';
import { grantTarget } from './staff';

type GrantDeps = Pick<AppDeps, 'accounts'>;

export interface NewGrantInput {
  role: StaffRole;
  institutionId?: number | null | undefined;
}

const notFound = (): never => fail('NOT_FOUND', 'Akun petugas tidak ditemukan.');
const notAllowed = (): never =>
  fail('NOT_ALLOWED', 'Anda tidak berwenang mengelola peran ini pada lingkup ini.');

const nodeOf = (g: StaffGrantRecord): InstitutionNode | null =>
  g.institutionId === null ? null : { id: g.institutionId, path: g.path ?? [] };

const manages = (actor: Caller, g: StaffGrantRecord) =>
  isStaffRole(g.role) && mayManageGrant(actor, g.role, nodeOf(g));

/** The account's staff grants, or NOT_FOUND when it has none the actor could manage (or it is deactivated). */
async function managedGrants(deps: GrantDeps, actor: Caller, userId: string): Promise<StaffGrantRecord[]> {
  const { grants, deactivated } = await deps.accounts.staffGrants(userId);
  if (!grants.length || deactivated) notFound();
  if (!grants.some((g) => manages(actor, g))) notFound();
  return grants;
}

/** Gives a staff account one more role; returns the new grant's id. */
export async function addStaffGrant(
  deps: GrantDeps,
  actor: Caller,
  userId: string,
  input: NewGrantInput,
): Promise<number> {
  if (userId === actor.userId) fail('NOT_ALLOWED', 'Anda tidak dapat menambah peran akun Anda sendiri.');
  await managedGrants(deps, actor, userId);
  const institutionId = input.institutionId ?? null;
  const target = await grantTarget(deps, input.role, institutionId);
  if (!mayManageGrant(actor, input.role, target)) notAllowed();
  const id = await deps.accounts.addGrant({
    userId,
    role: input.role,
    institutionId,
    grantedBy: actor.userId,
  });
  if (id === null)
    fail('CONFLICT', 'Akun ini sudah memegang peran tersebut.', [
      { field: 'role', code: 'taken', message: 'Akun ini sudah memegang peran tersebut di sana.' },
    ]);
  return id;
}

/** Takes one role away; the last one is refused (deactivate the account instead). */
export async function removeStaffGrant(
  deps: GrantDeps,
  actor: Caller,
  userId: string,
  grantId: number,
): Promise<void> {
  if (userId === actor.userId) fail('NOT_ALLOWED', 'Anda tidak dapat mencabut peran akun Anda sendiri.');
  const grants = await managedGrants(deps, actor, userId);
  const grant = grants.find((g) => g.id === grantId);
  if (!grant) return fail('NOT_FOUND', 'Peran tidak ditemukan pada akun ini.');
  if (!manages(actor, grant)) notAllowed();
  if (grants.length === 1)
    fail('CONFLICT', 'Ini peran terakhir akun tersebut. Nonaktifkan akunnya bila tidak lagi bertugas.');
  await deps.accounts.removeGrant(userId, grantId);
}
