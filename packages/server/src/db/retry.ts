/** Transactions that PostgreSQL aborts to break a deadlock or a serialization conflict, and their retry. */

/** SQLSTATEs of a transaction aborted only because another ran at the same time: running it again is safe. */
const TRANSIENT = new Set(['40P01', '40001']);

/** True when `err` (or the driver error drizzle wrapped in it) is a deadlock or serialization failure. */
export function isTransientConflict(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && TRANSIENT.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Runs a whole transaction again when PostgreSQL aborted it as a deadlock victim: the aborted attempt wrote nothing,
 * and the next one reads the winner's result (which may now refuse the change, as it should).
 */
export async function retryTransient<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= attempts || !isTransientConflict(err)) throw err;
    }
  }
}
