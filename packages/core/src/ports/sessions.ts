/** Sessions: the signed-in account behind a session token, with its role grants, in one read. */
import type { Role } from '../policy/roles';

/** A signed-in account as a request sees it (the server's `Caller`). */
export interface SessionAccount {
  userId: string;
  name: string;
  email: string;
  /** Every role the account holds; a citizen account holds `citizen`. */
  grants: { role: Role; institutionId: number | null }[];
  /** Extra permissions, e.g. `reveal_identity` for a national role. */
  permissions: string[];
  mustChangePassword: boolean;
}

export interface SessionsPort {
  /** The account of a live session token (not expired at `at`) of an active account, with the session's expiry. */
  accountOfSession(token: string, at: Date): Promise<{ account: SessionAccount; expiresAt: Date } | null>;
}
