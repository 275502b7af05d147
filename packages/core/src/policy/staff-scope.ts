/**
 * Who may give whom which staff role (domain.md §2: "staff accounts are created by an admin of the parent scope").
 * The scope itself comes from the policy (`manage_staff`: the national admin anywhere, a coordinator in its
 * subtree); on top of it a coordinator cannot make another coordinator of its own institution — that is for the
 * scope above — and national roles are given by the national admin only.
 */
import { can, type PolicySubject } from './policy';
import { type Actor, GRANTS, type Grant, INSTITUTION_ROLES, type Role } from './roles';

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

/** A signed-in caller as staff administration sees it: the account and its role grants. */
export interface StaffCaller {
  userId: string;
  grants: readonly { role: Role; institutionId: number | null }[];
  permissions: readonly string[];
}

/** Whether the role is granted with an institution: `required`, `forbidden` or `optional`. */
export function institutionRule(role: StaffRole): 'required' | 'forbidden' | 'optional' {
  if (NO_INSTITUTION.includes(role)) return 'forbidden';
  if (OPTIONAL_INSTITUTION.includes(role)) return 'optional';
  return 'required';
}

/** Whether a stored role is one a staff account can hold. */
export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** The caller's grants as actors, one per grant. */
export function staffActorsOf(p: StaffCaller): Actor[] {
  const grants = p.permissions.filter((g): g is Grant => (GRANTS as readonly string[]).includes(g));
  return p.grants.map((g) => ({
    id: p.userId,
    role: g.role,
    institutionId: g.institutionId === null ? null : String(g.institutionId),
    grants,
  }));
}

const subjectOf = (target: InstitutionNode): PolicySubject => ({
  holder: { institutionId: String(target.id), ancestorIds: target.path.slice(0, -1).map(String) },
});

/** Whether the caller may grant (or take away) `role` on `target` (null: with no institution). */
export function mayManageGrant(p: StaffCaller, role: StaffRole, target: InstitutionNode | null): boolean {
  return staffActorsOf(p).some((actor) => {
    if (actor.role === 'national_admin')
      return can(actor, 'manage_staff', subjectOf(target ?? { id: 0, path: [0] }));
    if (actor.role !== 'coordinator' || target === null || !INSTITUTION_ROLES.some((r) => r === role))
      return false;
    if (!can(actor, 'manage_staff', subjectOf(target))) return false;
    return role !== 'coordinator' || actor.institutionId !== String(target.id);
  });
}

/** Whether the caller may see the staff of the subtree of `target` (null: every staff account). */
export function mayListStaff(p: StaffCaller, target: InstitutionNode | null): boolean {
  return staffActorsOf(p).some((actor) =>
    actor.role === 'national_admin'
      ? true
      : actor.role === 'coordinator' && target !== null && can(actor, 'manage_staff', subjectOf(target)),
  );
}

/** The institutions whose subtrees a coordinator manages (the national admin manages all: null). */
export function managedRoots(p: StaffCaller): number[] | null {
  if (p.grants.some((g) => g.role === 'national_admin')) return null;
  return p.grants.flatMap((g) =>
    g.role === 'coordinator' && g.institutionId !== null ? [g.institutionId] : [],
  );
}
