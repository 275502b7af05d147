/**
 * Who may administer which institution: the caller's grants become core `Actor`s, and the core policy decides
 * (`manage_units`, `manage_settings`, `record_sk` for a coordinator's subtree; `manage_institutions` everywhere
 * for the national admin).
 */
import { type Actor, can, GRANTS, type Grant, type PolicyAction, type PolicySubject } from '@pintu/core';
import { ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';

/** One core actor per role grant of the caller. */
export function actorsOf(principal: Principal): Actor[] {
  const grants = principal.permissions.filter((p): p is Grant => (GRANTS as readonly string[]).includes(p));
  return principal.grants.map((g) => ({
    id: principal.userId,
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

export const forbidden = (detail = 'Anda tidak berwenang mengelola instansi ini.') =>
  new ProblemError('NOT_ALLOWED', detail);

/** The signed-in caller, or 401 (a signed-in caller without a fitting grant gets 403 from the policy). */
export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal)
    throw new ProblemError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu. / Please sign in.');
  return principal;
}

/**
 * The actor (one of the caller's grants) allowed to do `action` on the node with this path. The national admin's
 * `manage_institutions` covers every administrative action; scoped actors must also pass `extra`.
 */
export function actorFor(
  principal: Principal | null,
  action: PolicyAction,
  path: readonly number[],
  extra: (actor: Actor) => boolean = () => true,
): Actor {
  const subject = subjectOf(path);
  for (const actor of actorsOf(requirePrincipal(principal))) {
    if (can(actor, 'manage_institutions', subject)) return actor;
  }
  for (const actor of actorsOf(requirePrincipal(principal))) {
    if (can(actor, action, subject) && extra(actor)) return actor;
  }
  throw forbidden();
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
