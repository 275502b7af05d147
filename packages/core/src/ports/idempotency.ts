/**
 * The idempotency-keys port (IETF httpapi draft "The Idempotency-Key HTTP Header Field"; ADR 0012): one row per
 * (scope, key) holding the request's fingerprint, whether it is still running, and its stored answer.
 */

/** An answer as it is replayed: status, the headers that matter, and the body as the HTTP layer keeps it. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  /** Opaque to storage: the HTTP layer seals it (an answer may hold a report's access code, shown once). */
  body: string;
}

/** A row as a later request with the same scope and key finds it. */
export type IdempotencyRecord =
  | { state: 'running'; fingerprint: string; leaseExpired: boolean }
  | { state: 'done'; fingerprint: string; answer: StoredAnswer };

/** What the first request (or one taking over a dead one's lease) holds: it alone may store or release the row. */
export interface IdempotencyLease {
  scope: string;
  key: string;
  owner: string;
}

export interface IdempotencyKeys {
  /**
   * Inserts the row as running with a lease of `leaseMs` (insert … on conflict do nothing): true when this
   * request is the first and must run.
   */
  begin(lease: IdempotencyLease, fingerprint: string, leaseMs: number): Promise<boolean>;
  /** The row of (scope, key), or null when there is none (it was released or forgotten meanwhile). */
  find(scope: string, key: string): Promise<IdempotencyRecord | null>;
  /** Takes over a running row whose lease expired (its process died): true when this request now holds it. */
  takeOver(lease: IdempotencyLease, fingerprint: string, leaseMs: number): Promise<boolean>;
  /** Stores the answer and marks the row done, if `lease` still holds it (a late former owner stores nothing). */
  complete(lease: IdempotencyLease, answer: StoredAnswer): Promise<boolean>;
  /**
   * Inserts the row already done with `answer` (insert … on conflict do nothing): for a route whose own statement
   * stores its answers (a filing), the answers it did not store there. False when (scope, key) was taken.
   */
  store(lease: IdempotencyLease, fingerprint: string, answer: StoredAnswer): Promise<boolean>;
  /** Deletes the row held by `lease`, so that a retry runs again (an answer that says "try again"). */
  release(lease: IdempotencyLease): Promise<void>;
  /** Deletes every row older than `ageMs` on the database's clock (the one its rows are stamped with). */
  forgetOlderThan(ageMs: number): Promise<number>;
}
