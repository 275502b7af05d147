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
  /**
   * Set when a regional app calls with an API key (ADR 0012): the caller is then `app:<appId>` with the single grant
   * `integration` on the app's institution, so use cases see it as one more actor of the policy table.
   */
  app?: AppIdentity;
}

/** The app and key behind an API-key caller. */
export interface AppIdentity {
  appId: string;
  slug: string;
  name: string;
  keyId: string;
  keyPrefix: string;
  institutionId: number;
  permissions: string[];
}

/** What an app's events carry so the staff timeline can say "melalui aplikasi <name>". */
export function viaOf(app: AppIdentity): { appId: string; keyPrefix: string; name: string } {
  return { appId: app.appId, keyPrefix: app.keyPrefix, name: app.name };
}

/** The caller of an API key: the app acting as the `integration` role of its institution. */
export function appCaller(app: AppIdentity): Caller {
  return {
    userId: `app:${app.appId}`,
    name: app.name,
    email: '',
    grants: [{ role: 'integration', institutionId: app.institutionId }],
    permissions: [],
    mustChangePassword: false,
    app,
  };
}
