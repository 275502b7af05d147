/**
 * "Erase my identity" (UU PDP right to erasure): the reports stay — the public record and the institutions'
 * indicators depend on them — but they are pseudonymised (no identity, no link to the account), and the account
 * with its sessions, password, TOTP, grants, notifications and login audit is destroyed. Confirmed by password.
 */
import { sql } from 'drizzle-orm';
import { argon2id } from '../../auth/password';
import type { Db } from '../../db/open';
import { fieldError, ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';

export interface ErasedSummary {
  erased: true;
  reportsPseudonymised: number;
}

export async function eraseIdentity(db: Db, p: Principal, password: string): Promise<ErasedSummary> {
  // Staff and facilitator accounts belong to institutions, which deactivate them; only citizens erase themselves.
  if (p.grants.some((g) => g.role !== 'citizen'))
    throw new ProblemError(
      'NOT_ALLOWED',
      'Akun petugas dinonaktifkan oleh admin instansinya. / Staff accounts are deactivated by their administrators.',
    );
  const res = await db.execute(
    sql`select password from accounts where user_id = ${p.userId} and provider_id = 'credential' and password is not null`,
  );
  const stored = (res.rows[0] as { password: string } | undefined)?.password;
  if (!stored || !(await argon2id.verify({ hash: stored, password })))
    throw fieldError('password', 'wrong_password', 'Kata sandi salah. / Wrong password.');
  return db.transaction(async (tx) => {
    const reports = await tx.execute(sql`
      update reports set reporter_sealed = null, reporter_account_id = null
      where reporter_account_id = ${p.userId} returning id`);
    await tx.execute(sql`delete from login_audit where user_id = ${p.userId}`);
    await tx.execute(
      sql`delete from verifications where identifier = ${p.email} or identifier like ${`%${p.userId}%`}`,
    );
    // Sessions, password, TOTP, grants, permissions, notifications and the outbox go with the row (on delete cascade).
    await tx.execute(sql`delete from users where id = ${p.userId}`);
    return { erased: true as const, reportsPseudonymised: reports.rows.length };
  });
}
