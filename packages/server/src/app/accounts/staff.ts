/**
 * Staff accounts: created by an admin of the parent scope with a one-time password sent by e-mail (to be changed at
 * the first sign-in), listed per subtree, deactivated. Who may do what is the core's (policy/staff-scope.ts).
 */
import {
  fail,
  failField,
  institutionRule,
  isStaffRole,
  managedRoots,
  mayListStaff,
  mayManageGrant,
  type StaffInstitution,
  type StaffMember,
  type StaffRole,
} from '@pintu/core';
import { generateId } from 'better-auth';
import { oneTimePassword } from '../../auth/one-time-password';
import { staffWelcomeMail } from '../../mail/templates';
import type { AppDeps } from '../deps';
import type { Caller } from './caller';

export type { StaffGrantView, StaffMember } from '@pintu/core';

export interface StaffInput {
  name: string;
  email: string;
  role: StaffRole;
  institutionId?: number | null | undefined;
  phone?: string | undefined;
  language?: 'id' | 'en' | undefined;
}

export interface StaffListQuery {
  institutionId?: number | undefined;
  limit: number;
  offset: number;
}

const notAllowed = (): never =>
  fail('NOT_ALLOWED', 'Anda tidak berwenang mengelola akun petugas pada lingkup ini.');

/**
 * The institution a role is to be granted on, checked against the role's rule: required, forbidden or optional,
 * and active when given.
 */
export async function grantTarget(
  deps: Pick<AppDeps, 'accounts'>,
  role: StaffRole,
  institutionId: number | null,
): Promise<StaffInstitution | null> {
  const rule = institutionRule(role);
  if (rule === 'required' && institutionId === null)
    failField('institutionId', 'required', 'Peran ini diberikan pada sebuah instansi atau unit.');
  if (rule === 'forbidden' && institutionId !== null)
    failField('institutionId', 'not_allowed', 'Peran nasional tidak terikat pada instansi.');
  if (institutionId === null) return null;
  const inst = await deps.accounts.institution(institutionId);
  if (!inst?.active) failField('institutionId', 'not_found', 'Instansi tidak ditemukan atau tidak aktif.');
  return inst;
}

/** Creates a staff account with one grant and e-mails its one-time password; all or nothing. */
export async function createStaff(
  deps: Pick<AppDeps, 'accounts' | 'auth' | 'mailer'> & { now: Date },
  actor: Caller,
  input: StaffInput,
): Promise<StaffMember> {
  const { accounts, auth, mailer } = deps;
  const institutionId = input.institutionId ?? null;
  const inst = await grantTarget(deps, input.role, institutionId);
  if (!mayManageGrant(actor, input.role, inst)) notAllowed();

  const email = input.email.trim().toLowerCase();
  const language = input.language ?? 'id';
  const password = oneTimePassword();
  const ctx = await auth.betterAuth.$context;
  const passwordHash = await ctx.password.hash(password);
  const userId = generateId();
  const createdAt = deps.now;
  const institutionName = inst?.name ?? null;
  // The mail goes out inside the transaction: an account whose password never left is not created.
  const created = await accounts.createStaff(
    {
      userId,
      credentialId: generateId(),
      name: input.name.trim(),
      email,
      phone: input.phone ?? null,
      language,
      passwordHash,
      createdAt,
      role: input.role,
      institutionId,
      grantedBy: actor.userId,
    },
    () =>
      mailer.send(
        staffWelcomeMail(
          { name: input.name, email, language },
          { role: input.role, institutionName },
          password,
          `${auth.publicUrl}/`,
        ),
      ),
  );
  if (!created)
    fail('CONFLICT', 'Alamat e-mail ini sudah dipakai akun lain.', [
      { field: 'email', code: 'taken', message: 'Alamat e-mail ini sudah dipakai akun lain.' },
    ]);
  return {
    userId,
    name: input.name.trim(),
    email,
    language,
    active: true,
    mustChangePassword: true,
    twoFactorEnabled: false,
    createdAt: createdAt.toISOString(),
    grants: [{ role: input.role, institutionId, institutionName }],
  };
}

/** Staff of a subtree (or, for the national admin without one, every staff account), with their grants there. */
export async function listStaff(
  deps: Pick<AppDeps, 'accounts'>,
  actor: Caller,
  q: StaffListQuery,
): Promise<{ items: StaffMember[]; total: number }> {
  let roots: number[] | null;
  if (q.institutionId !== undefined) {
    const inst = await deps.accounts.institution(q.institutionId);
    if (!inst) return fail('NOT_FOUND', 'Instansi tidak ditemukan.');
    if (!mayListStaff(actor, inst)) notAllowed();
    roots = [inst.id];
  } else {
    if (!mayListStaff(actor, null) && !managedRoots(actor)?.length) notAllowed();
    roots = managedRoots(actor);
  }
  return deps.accounts.listStaff(roots, { limit: q.limit, offset: q.offset });
}

/** Deactivates a staff account: it can no longer sign in and its sessions end. Idempotent. */
export async function deactivateStaff(
  deps: Pick<AppDeps, 'accounts'> & { now: Date },
  actor: Caller,
  userId: string,
): Promise<void> {
  if (userId === actor.userId) fail('CONFLICT', 'Anda tidak dapat menonaktifkan akun Anda sendiri.');
  const { grants } = await deps.accounts.staffGrants(userId);
  if (!grants.length) fail('NOT_FOUND', 'Akun petugas tidak ditemukan.');
  // Every role the account holds must be within the actor's reach, or the account is not the actor's to end.
  const allowed = grants.every(
    (g) =>
      isStaffRole(g.role) &&
      mayManageGrant(
        actor,
        g.role,
        g.institutionId === null ? null : { id: g.institutionId, path: g.path ?? [] },
      ),
  );
  if (!allowed) notAllowed();
  await deps.accounts.deactivate(userId, deps.now);
}
