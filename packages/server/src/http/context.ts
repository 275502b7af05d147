/** What every request handler can reach: the wiring made once in main.ts, and the request's clock reading. */

import type { Principal } from '../app/accounts/principal';
import type { CalendarSource } from '../app/reference/calendar-source';
import type { Blobs } from '../attachments/blobs';
import type { AuthService } from '../auth/auth';
import type { Db } from '../db/open';
import type { Mailer } from '../mail/mailer';
import type { Sealer } from '../security/seal';

export interface Deps {
  db: Db;
  blobs: Blobs;
  sealer: Sealer;
  calendar: CalendarSource;
  /** Accounts and sessions (better-auth) with what our middleware needs. */
  auth: AuthService;
  mailer: Mailer;
  /** The clock; tests pass a fixed one. Each request reads it once. */
  clock: () => Date;
}

export type AppEnv = {
  /** `principal` is null for anonymous callers (guests act with their access code). */
  Variables: Deps & { now: Date; principal: Principal | null };
};
