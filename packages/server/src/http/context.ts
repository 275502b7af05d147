/** What every request handler can reach: the use cases' dependencies, the request's clock reading and caller. */

import type { Principal } from '../app/accounts/principal';
import type { AppDeps } from '../app/deps';

/** @deprecated the name before ADR 0011; use `AppDeps`. */
export type Deps = AppDeps;

export type AppEnv = {
  /** `principal` is null for anonymous callers (guests act with their access code). */
  Variables: AppDeps & { now: Date; principal: Principal | null };
};
