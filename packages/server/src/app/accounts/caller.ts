/**
 * Who is calling: the signed-in account with its role grants (domain.md §2), resolved once per request by the
 * session middleware. Use cases turn a caller into the core's `Actor` for the report at hand.
 */
import type { Role } from '@pintu/core';

export interface RoleGrant {
  role: Role;
  /** The institution the role is granted on (its subtree is the scope); null for national roles and citizens. */
  institutionId: number | null;
}

export interface Caller {
  userId: string;
  name: string;
  email: string;
  /** Every role the account holds; a citizen account holds `citizen`. */
  grants: RoleGrant[];
  /** Extra permissions, e.g. `reveal_identity` for a national role. */
  permissions: string[];
  /** Staff created by an admin must change the first password before doing anything else. */
  mustChangePassword: boolean;
}
