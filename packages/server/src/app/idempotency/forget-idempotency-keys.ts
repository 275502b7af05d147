/** Forgetting idempotency keys once their retries are over: the draft's expiry, at least 24 h here (ADR 0012). */
import type { AppDeps } from '../deps';

/** How long a key's answer is kept for its retries. */
export const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the keys older than IDEMPOTENCY_KEEP_MS; returns how many. Ages are the database's clock, which stamped
 * the rows, not the application clock (tests and demos move that one).
 */
export function forgetIdempotencyKeys(deps: Pick<AppDeps, 'idempotencyKeys'>): Promise<number> {
  return deps.idempotencyKeys.forgetOlderThan(IDEMPOTENCY_KEEP_MS);
}
