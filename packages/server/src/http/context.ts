/** What every request handler can reach: the use cases' dependencies, the request's clock reading and caller. */

import type { IdempotencyLease } from '@pintu/core';
import type { Caller } from '../app/accounts/caller';
import type { AppDeps } from '../app/deps';

/** @deprecated the name before ADR 0011; use `AppDeps`. */
export type Deps = AppDeps;

export type AppEnv = {
  /** `caller` is null for anonymous callers (guests act with their access code). */
  Variables: {
    deps: AppDeps & { now: Date };
    now: Date;
    caller: Caller | null;
    /** Set by http/idempotency.ts for a filing with an `Idempotency-Key` (unset otherwise). */
    idempotency: KeyInStatement | undefined;
  };
};

/**
 * A filing with an `Idempotency-Key` (http/idempotency.ts): what its one statement needs to store the answer with
 * the report, and what the route reports back — the answer was stored (`stored`), or nothing was written because
 * another request's answer was stored first (`taken`).
 */
export interface KeyInStatement {
  lease: IdempotencyLease;
  fingerprint: string;
  outcome?: 'stored' | 'taken';
}
