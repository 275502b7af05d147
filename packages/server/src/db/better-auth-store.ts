/**
 * better-auth's storage: its drizzle adapter over our tables (auth-schema.ts), and the few writes our hooks on it
 * make. Here so that auth/ holds no SQL (ADR 0011).
 */
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { eq } from 'drizzle-orm';
import { accounts, roleGrants, sessions, twoFactors, users, verifications } from './auth-schema';
import type { Db } from './open';

/** The adapter better-auth reads and writes accounts, sessions, verifications and TOTP secrets through. */
export function betterAuthDatabase(db: Db) {
  return drizzleAdapter(db, {
    provider: 'pg',
    transaction: true,
    schema: {
      user: users,
      session: sessions,
      account: accounts,
      verification: verifications,
      twoFactor: twoFactors,
    },
  });
}

/** What auth.ts's hooks write besides better-auth. */
export interface AuthAccountStore {
  /** A password chosen through the e-mailed link replaces a one-time password: no change is pending. */
  clearMustChangePassword(userId: string): Promise<void>;
  /** Whoever registers themselves is a citizen. */
  grantCitizen(userId: string): Promise<void>;
  /** When the account was deactivated (null: active; undefined: no such account). */
  deactivatedAt(userId: string): Promise<Date | null | undefined>;
}

export function authAccountStore(db: Db): AuthAccountStore {
  return {
    async clearMustChangePassword(userId) {
      await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, userId));
    },
    async grantCitizen(userId) {
      await db.insert(roleGrants).values({ userId, role: 'citizen', institutionId: null });
    },
    async deactivatedAt(userId) {
      const rows = await db
        .select({ deactivatedAt: users.deactivatedAt })
        .from(users)
        .where(eq(users.id, userId));
      return rows[0]?.deactivatedAt;
    },
  };
}
