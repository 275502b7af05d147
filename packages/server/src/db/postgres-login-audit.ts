/**
 * The login audit: every sign-in attempt (the password step and the second factor), successful or not, with the
 * account when known, a keyed hash of the e-mail that was tried, the address, the user agent and the outcome.
 */
import { eq, sql } from 'drizzle-orm';
import { type LOGIN_OUTCOMES, loginAudit, users } from './auth-schema';
import type { Db } from './open';

export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];
export type LoginMethod = 'password' | 'totp' | 'backup_code';

export interface LoginAttempt {
  method: LoginMethod;
  outcome: LoginOutcome;
  userId: string | null;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
  at: Date;
}

/** What a better-auth sign-in response means for the audit. */
export async function outcomeOf(res: Response): Promise<{ outcome: LoginOutcome; userId: string | null }> {
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { twoFactorRedirect?: boolean; user?: { id?: string }; code?: string } | null;
  if (res.ok)
    return body?.twoFactorRedirect
      ? { outcome: 'two_factor_required', userId: null }
      : { outcome: 'success', userId: body?.user?.id ?? null };
  if (res.status === 429) return { outcome: 'rate_limited', userId: null };
  if (res.status === 403 && body?.code === 'EMAIL_NOT_VERIFIED')
    return { outcome: 'email_not_verified', userId: null };
  if (res.status === 403) return { outcome: 'refused', userId: null };
  if (res.status === 400 || res.status === 401) return { outcome: 'invalid_credentials', userId: null };
  return { outcome: 'error', userId: null };
}

/** Writes one audit row; the account is looked up by e-mail when the response did not name it. */
export async function recordLogin(
  db: Db,
  keys: { hashEmail(e: string): string; indexEmail(e: string): string },
  a: LoginAttempt,
): Promise<void> {
  let userId = a.userId;
  if (!userId && a.email) {
    const found = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, keys.indexEmail(a.email)));
    userId = found[0]?.id ?? null;
  }
  await db.insert(loginAudit).values({
    userId,
    emailHash: a.email ? keys.hashEmail(a.email) : null,
    method: a.method,
    outcome: a.outcome,
    ip: a.ip,
    userAgent: a.userAgent?.slice(0, 512) ?? null,
    at: a.at,
  });
}

/** The account behind a pending two-factor sign-in (the challenge's verification row). */
export async function userOfTwoFactorChallenge(db: Db, identifier: string): Promise<string | null> {
  const res = await db.execute(
    sql`select value from verifications where identifier = ${identifier} order by created_at desc limit 1`,
  );
  return (res.rows[0] as { value?: string } | undefined)?.value ?? null;
}
