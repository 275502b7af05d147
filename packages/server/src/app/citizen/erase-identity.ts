/**
 * "Erase my identity" (UU PDP right to erasure): the reports stay — the public record and the institutions'
 * indicators depend on them — but they are pseudonymised (no identity, no link to the account), and the account
 * with its sessions, password, TOTP, grants, notifications and login audit is destroyed. Confirmed by password.
 */
import { fail, failField } from '@pintu/core';
import { argon2id } from '../../auth/password';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';

export interface ErasedSummary {
  erased: true;
  reportsPseudonymised: number;
}

/** Checks a password against its stored hash (argon2id in production). */
export type PasswordCheck = (hash: string, password: string) => Promise<boolean>;

const argon2Check: PasswordCheck = (hash, password) => argon2id.verify({ hash, password });

export async function eraseIdentity(
  deps: Pick<AppDeps, 'citizenData'>,
  p: Caller,
  password: string,
  verify: PasswordCheck = argon2Check,
): Promise<ErasedSummary> {
  // Staff and facilitator accounts belong to institutions, which deactivate them; only citizens erase themselves.
  if (p.grants.some((g) => g.role !== 'citizen'))
    fail(
      'NOT_ALLOWED',
      'Akun petugas dinonaktifkan oleh admin instansinya. / Staff accounts are deactivated by their administrators.',
    );
  const stored = await deps.citizenData.passwordHash(p.userId);
  if (!stored || !(await verify(stored, password)))
    failField('password', 'wrong_password', 'Kata sandi salah. / Wrong password.');
  const reportsPseudonymised = await deps.citizenData.erase({ userId: p.userId, email: p.email });
  return { erased: true, reportsPseudonymised };
}
