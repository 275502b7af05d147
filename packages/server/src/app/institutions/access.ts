/**
 * Who may administer which institution: the caller's grants become core `Actor`s, and the core policy decides
 * (`manage_units`, `manage_settings`, `record_sk` for a coordinator's subtree; `manage_institutions` everywhere
 * for the national admin).
 */
import {
  type Actor,
  can,
  fail,
  GRANTS,
  type Grant,
  type PolicyAction,
  type PolicySubject,
} from '@pintu/core';
import type { Caller } from '../accounts/caller';

/** One core actor per role grant of the caller. */
export function actorsOf(caller: Caller): Actor[] {
  const grants = caller.permissions.filter((p): p is Grant => (GRANTS as readonly string[]).includes(p));
  return caller.grants.map((g) => ({
    id: caller.userId,
    role: g.role,
    institutionId: g.institutionId === null ? null : String(g.institutionId),
    grants,
  }));
}

/** The policy subject for an institution node, from its path (root → node). */
export function subjectOf(path: readonly number[]): PolicySubject {
  const ids = path.map(String);
  return { holder: { institutionId: ids[ids.length - 1] ?? null, ancestorIds: ids.slice(0, -1) } };
}

/** Ends the request with 403: the caller may not administer this institution. */
export const forbidden = (detail = 'Anda tidak berwenang mengelola instansi ini.'): never =>
  fail('NOT_ALLOWED', detail);

/**
 * Thrown for a caller who is not signed in; http/app.ts answers 401 UNAUTHENTICATED with this message. Routes check
 * this themselves (http/auth/require.ts); this is for use cases not yet moved to take a `Caller`.
 */
export class NotSignedIn extends Error {
  constructor() {
    super('Silakan masuk terlebih dahulu. / Please sign in.');
    this.name = 'NotSignedIn';
  }
}

/** @deprecated call http/auth/require.ts `requireCaller(c)` in the route and pass the `Caller`. */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new NotSignedIn();
  return caller;
}

/**
 * The actor (one of the caller's grants) allowed to do `action` on the node with this path. The national admin's
 * `manage_institutions` covers every administrative action; scoped actors must also pass `extra`.
 */
export function actorFor(
  caller: Caller,
  action: PolicyAction,
  path: readonly number[],
  extra: (actor: Actor) => boolean = () => true,
): Actor {
  const subject = subjectOf(path);
  const actors = actorsOf(caller);
  for (const actor of actors) {
    if (can(actor, 'manage_institutions', subject)) return actor;
  }
  for (const actor of actors) {
    if (can(actor, action, subject) && extra(actor)) return actor;
  }
  return forbidden();
}

/** Whether this one actor may do `action` on the node with this path (the national admin may do everything). */
export function allows(actor: Actor, action: PolicyAction, path: readonly number[]): boolean {
  const subject = subjectOf(path);
  return can(actor, 'manage_institutions', subject) || can(actor, action, subject);
}

/**
 * A scoped administrator manages the units *below* its grant institution: never the institution it is granted
 * on (that is reference data, managed nationally), and never a non-unit institution of its subtree.
 */
export function strictlyBelowGrant(node: { id: number; kind: string }) {
  return (actor: Actor) => actor.institutionId !== String(node.id) && node.kind === 'unit';
}
