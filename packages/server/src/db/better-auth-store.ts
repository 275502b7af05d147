/**
 * better-auth's storage: its drizzle adapter over our tables (auth-schema.ts), and the few writes our hooks on it
 * make. Here so that auth/ holds no SQL (ADR 0011).
 */
import type { DBAdapter, DBAdapterInstance, DBTransactionAdapter, Where } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { eq } from 'drizzle-orm';
import type { AccountCipher } from '../security/account-cipher';
import { accounts, roleGrants, sessions, twoFactors, users, verifications } from './auth-schema';
import type { Db } from './open';

/** The adapter better-auth reads and writes accounts, sessions, verifications and TOTP secrets through. */
export function betterAuthDatabase(db: Db, cipher: AccountCipher): DBAdapterInstance {
  const drizzle = drizzleAdapter(db, {
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
  return (options) => sealedAccountsAdapter(drizzle(options), cipher);
}

type Row = Record<string, unknown>;

/**
 * better-auth over sealed accounts (issue 16 §6): it writes and asks for plain e-mail and phone; the table holds the
 * e-mail's blind index in `email`, the sealed address in `emailSealed` and the sealed phone in `phone`. Look-ups by
 * e-mail become look-ups by its index, so sign-in, sign-up's uniqueness and password reset work unchanged.
 */
function sealedAccountsAdapter<A extends Omit<DBAdapter, 'transaction'>>(inner: A, cipher: AccountCipher): A {
  const toStored = (model: string, data: Row): Row => {
    if (model !== 'user') return data;
    const out = { ...data };
    if (typeof data.email === 'string') {
      out.email = cipher.indexEmail(data.email);
      out.emailSealed = cipher.seal(data.email.trim().toLowerCase());
    }
    if (typeof data.phone === 'string') out.phone = cipher.seal(data.phone);
    return out;
  };
  const whereStored = (model: string, where: Where[] | undefined) =>
    model !== 'user' || !where
      ? where
      : where.map((w) => {
          if (w.field !== 'email') return w;
          const op = w.operator ?? 'eq';
          if (op === 'eq' || op === 'ne')
            return { ...w, value: typeof w.value === 'string' ? cipher.indexEmail(w.value) : w.value };
          if ((op === 'in' || op === 'not_in') && Array.isArray(w.value))
            return { ...w, value: (w.value as string[]).map((v) => cipher.indexEmail(String(v))) };
          throw new Error(`A sealed e-mail cannot be searched with "${op}"`);
        });
  const selectStored = (model: string, select: string[] | undefined) =>
    model === 'user' && select?.includes('email') ? [...select, 'emailSealed'] : select;
  const userOut = (row: Row): Row => {
    const { emailSealed, ...out } = row;
    if (typeof emailSealed === 'string') out.email = cipher.open(emailSealed);
    if (typeof out.phone === 'string') out.phone = cipher.open(out.phone);
    return out;
  };
  const fromStored = <T>(model: string, row: T): T => {
    if (!row || typeof row !== 'object') return row;
    if (model === 'user') return userOut(row as Row) as T;
    // A joined user (a session found with its account) is opened too.
    const joined = (row as Row).user;
    return (joined && typeof joined === 'object' ? { ...row, user: userOut(joined as Row) } : row) as T;
  };

  const wrapped: Omit<DBAdapter, 'transaction'> = {
    ...inner,
    create: async (a) =>
      fromStored(
        a.model,
        await inner.create({
          ...a,
          data: toStored(a.model, a.data),
          select: selectStored(a.model, a.select),
        }),
      ),
    findOne: async (a) =>
      fromStored(
        a.model,
        await inner.findOne({
          ...a,
          where: whereStored(a.model, a.where)!,
          select: selectStored(a.model, a.select),
        }),
      ),
    findMany: async (a) =>
      (
        await inner.findMany({
          ...a,
          where: whereStored(a.model, a.where),
          select: selectStored(a.model, a.select),
        })
      ).map((r) => fromStored(a.model, r)),
    count: (a) => inner.count({ ...a, where: whereStored(a.model, a.where) }),
    update: async (a) =>
      fromStored(
        a.model,
        await inner.update({
          ...a,
          where: whereStored(a.model, a.where)!,
          update: toStored(a.model, a.update),
        }),
      ),
    updateMany: (a) =>
      inner.updateMany({ ...a, where: whereStored(a.model, a.where)!, update: toStored(a.model, a.update) }),
    delete: (a) => inner.delete({ ...a, where: whereStored(a.model, a.where)! }),
    deleteMany: (a) => inner.deleteMany({ ...a, where: whereStored(a.model, a.where)! }),
    consumeOne: async (a) =>
      fromStored(a.model, await inner.consumeOne({ ...a, where: whereStored(a.model, a.where)! })),
    incrementOne: async (a) =>
      fromStored(a.model, await inner.incrementOne({ ...a, where: whereStored(a.model, a.where)! })),
  };
  const transaction = (inner as Partial<DBAdapter>).transaction;
  return {
    ...wrapped,
    ...(transaction
      ? {
          transaction: <R>(cb: (trx: DBTransactionAdapter) => Promise<R>) =>
            transaction((trx) => cb(sealedAccountsAdapter(trx, cipher))),
        }
      : {}),
  } as unknown as A;
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
