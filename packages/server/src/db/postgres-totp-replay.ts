/**
 * One TOTP code, one sign-in. An authenticator code stays valid for its 30-second step and the steps either side
 * (better-auth's window), so a code seen over a shoulder or relayed by a phishing page could open a second session.
 * Each account's accepted codes are remembered for longer than that window, and a code seen again is refused
 * before better-auth checks it.
 */
import { getSessionFromCtx } from 'better-auth/api';
import { sql } from 'drizzle-orm';
import type { Db } from './open';

/** Longer than the 3 steps of 30 s a code can be accepted in. */
const REMEMBER_MS = 120_000;

/** Claims `code` for the account; false when it was already claimed within the window. */
export async function claimTotpCode(db: Db, userId: string, code: string, at: Date): Promise<boolean> {
  const since = new Date(at.getTime() - REMEMBER_MS);
  const res = await db.execute(sql`
    with purge as (delete from totp_uses where user_id = ${userId} and used_at < ${since})
    insert into totp_uses (user_id, code, used_at) values (${userId}, ${code}, ${at})
    on conflict (user_id, code) do update set used_at = excluded.used_at where totp_uses.used_at < ${since}
    returning 1`);
  return res.rows.length > 0;
}

/** The shape of better-auth's hook context this module reads. */
interface TotpHookContext {
  body?: { code?: unknown };
  getSignedCookie(name: string, secret: string): Promise<string | null | false | undefined>;
  context: {
    secret: string;
    createAuthCookie(name: string): { name: string };
    internalAdapter: { findVerificationValue(id: string): Promise<{ value: string } | null | undefined> };
  };
}

/** The account a TOTP check is for: the signed-in one (enabling), or the one half-way through signing in. */
export async function totpAccountOf(ctx: TotpHookContext): Promise<string | null> {
  const session = await getSessionFromCtx(ctx as never).catch(() => null);
  if (session?.user?.id) return session.user.id;
  const challenge = await ctx.getSignedCookie(
    ctx.context.createAuthCookie('two_factor').name,
    ctx.context.secret,
  );
  if (!challenge) return null;
  return (await ctx.context.internalAdapter.findVerificationValue(challenge))?.value ?? null;
}
