/**
 * Storage for better-auth's rate limiter in PostgreSQL, shared by every API process: one atomic upsert per bucket
 * (fixed window). Sign-in attempts count per client address *and e-mail* (many citizens share one address behind
 * carrier-grade NAT), with a looser per-address cap on top so one address cannot spray many e-mails.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from './open';

/** How many more sign-in attempts one address may make, across e-mails, than for one e-mail. */
const ADDRESS_FACTOR = 10;

const loginSubject = new AsyncLocalStorage<string>();

/** Runs `fn` with the (hashed) e-mail of a sign-in attempt, so the limiter counts per address and e-mail. */
export function withLoginSubject<T>(subject: string | null, fn: () => T): T {
  return subject ? loginSubject.run(subject, fn) : fn();
}

interface Rule {
  window: number;
  max: number;
}

/** better-auth's `rateLimit.customStorage` over the `rate_limits` table. */
export function databaseRateLimitStorage(db: Db) {
  const bump = async (key: string, rule: Rule) => {
    const now = Date.now();
    const end = now + rule.window * 1000;
    const res = await db.execute(sql`insert into rate_limits (key, count, reset_at) values (${key}, 1, ${end})
      on conflict (key) do update set
        count = case when rate_limits.reset_at <= ${now} then 1 else rate_limits.count + 1 end,
        reset_at = case when rate_limits.reset_at <= ${now} then excluded.reset_at else rate_limits.reset_at end
      returning count, reset_at as "resetAt"`);
    const row = res.rows[0] as { count: number; resetAt: number | string };
    // Expired windows are dead rows; sweeping now and then keeps the table small.
    if (row.count === 1 && Math.random() < 0.01)
      await db.execute(sql`delete from rate_limits where reset_at < ${now - 3_600_000}`);
    const allowed = row.count <= rule.max;
    return {
      allowed,
      retryAfter: allowed ? null : Math.max(1, Math.ceil((Number(row.resetAt) - now) / 1000)),
    };
  };
  return {
    async consume(key: string, rule: Rule) {
      const subject = loginSubject.getStore();
      if (!subject) return bump(key, rule);
      const own = await bump(`${key}|${subject}`, rule);
      if (!own.allowed) return own;
      return bump(`${key}|*`, { window: rule.window, max: rule.max * ADDRESS_FACTOR });
    },
  };
}
