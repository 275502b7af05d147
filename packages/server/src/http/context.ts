/** What every request handler can reach: the use cases' dependencies, the request's clock reading and caller. */

import type { Caller } from '../app/accounts/caller';
import type { AppDeps } from '../app/deps';
import type { IdempotentFiling } from '../app/reports/file-report';

/** @deprecated the name before ADR 0011; use `AppDeps`. */
export type Deps = AppDeps;

export type AppEnv = {
  /** `caller` is null for anonymous callers (guests act with their access code). */
  Variables: {
    deps: AppDeps & { now: Date };
    now: Date;
    caller: Caller | null;
    /** Set by http/idempotency.ts for a request with an `Idempotency-Key` (unset otherwise). */
    idempotency: IdempotentFiling | undefined;
  };
};
