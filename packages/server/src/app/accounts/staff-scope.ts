/**
 * Who may give whom which staff role (domain.md §2: "staff accounts are created by an admin of the parent scope").
 * The scope itself comes from the core policy (`manage_staff`: the national admin anywhere, a coordinator in its
 * subtree); on top of it a coordinator cannot make another coordinator of its own institution — that is for the
 * scope above — and national roles are given by the national admin only.
 */
import { type Actor, can, INSTITUTION_ROLES, type Role } from '@pintu/core';
import type { Principal } from './principal';

/** Roles a staff account can be created with. */
export const STAFF_ROLES = [
  'national_admin',
  'oversight',
  'facilitator',
  ...INSTITUTION_ROLES,
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that are never granted on an institution, and those that may or may not be. */
const NO_INSTITUTION: readonly StaffRole[] = ['national_admin'];
const OPTIONAL_INSTITUTION: readonly StaffRole[] = ['oversight', 'facilitator'];

/** An institution as scope checks need it: its id and the ids from the root down to itself. */
export interface InstitutionNode {
  id: number;
  path: number[];
}

/** Whether the role is granted with an institution: `required`, `forbidden` or `optional`. */
export function institutionRule(role: StaffRole): 'required' | 'forbidden' | 'optional' {
  if (NO_INSTITUTION.includes(role)) return 'forbidden';
  if (OPTIONAL_INSTITUTION.includes(role)) return 'optional';
  return 'required';
}

/** The principal's grants as the core's actors, one per grant. */
export function actorsOf(p: Principal): Actor[] {
  return p.grants.map((g) => ({
    id: p.userId,
    role: g.role,
    institutionId: g.institutionId === null ? null : String(g.institutionId),
    grants: p.permissions as Actor['grants'],
  }));
}

const subjectOf = (target: InstitutionNode) => ({
  holder: { institutionId: String(target.id), ancestorIds: target.path.slice(0, -1).map(String) },
});

/** Whether the principal may grant (or take away) `role` on `target` (null: with no institution). */
export function mayManageGrant(p: Principal, role: StaffRole, target: InstitutionNode | null): boolean {
  return actorsOf(p).some((actor) => {
    if (actor.role === 'national_admin')
      return can(actor, 'manage_staff', subjectOf(target ?? { id: 0, path: [0] }));
    if (actor.role !== 'coordinator' || target === null || !INSTITUTION_ROLES.some((r) => r === role))
      return false;
    if (!can(actor, 'manage_staff', subjectOf(target))) return false;
    return role !== 'coordinator' || actor.institutionId !== String(target.id);
  });
}

/** Whether the principal may see the staff of the subtree of `target` (null: every staff account). */
export function mayListStaff(p: Principal, target: InstitutionNode | null): boolean {
  return actorsOf(p).some((actor) =>
    actor.role === 'national_admin'
      ? true
      : actor.role === 'coordinator' && target !== null && can(actor, 'manage_staff', subjectOf(target)),
  );
}

/** The institutions whose subtrees a coordinator manages (the national admin manages all: null). */
export function managedRoots(p: Principal): number[] | null {
  if (p.grants.some((g) => g.role === 'national_admin')) return null;
  return p.grants
    .filter((g) => g.role === 'coordinator' && g.institutionId !== null)
    .map((g) => g.institutionId!);
}
