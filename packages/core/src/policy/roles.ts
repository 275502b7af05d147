/** The roles of domain.md §2 and the actor that performs an action. */

/**
 * Every role. `citizen` is a registered reporter, `guest` a reporter who follows one report with its trackingId and
 * secret access code; `system` is the scheduler (auto-resolve, escalation, auto-archive) and the channel importers;
 * `integration` is a regional app acting through an API key for the institution its app is registered to (issue 12).
 */
export const ROLES = [
  'citizen',
  'guest',
  'facilitator',
  'national_admin',
  'coordinator',
  'liaison_officer',
  'unit_operator',
  'leadership',
  'developer',
  'oversight',
  'system',
  'integration',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles on the reporter's side of a report (they act on their own report only). */
export const REPORTER_ROLES = ['citizen', 'guest', 'facilitator'] as const satisfies readonly Role[];

/** Institution roles, each granted on one institution and scoped to its subtree. */
export const INSTITUTION_ROLES = [
  'coordinator',
  'liaison_officer',
  'unit_operator',
  'leadership',
  'developer',
] as const satisfies readonly Role[];

/** Extra permissions granted to individual accounts on top of their role (domain.md §7). */
export const GRANTS = ['reveal_identity'] as const;
export type Grant = (typeof GRANTS)[number];

/** Who performs an action: an account (or a guest, or the system) acting in one role. */
export interface Actor {
  /** Account id; for a guest, the guest reporter id the server resolved from the access code; `system` for the scheduler. */
  id: string;
  role: Role;
  /** The institution the role is granted on; null for national roles, oversight with national scope, reporters and the system. */
  institutionId: string | null;
  /** Extra permissions of this account, such as `reveal_identity`. */
  grants?: readonly Grant[];
}

/** The scheduler actor, for jobs that auto-resolve, auto-archive and escalate. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system', institutionId: null };
