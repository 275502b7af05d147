/**
 * Who may configure a program and who sees its queue and report (issue 15). A program is configured by the national
 * admin, or by a provincial admin (a coordinator on a provincial government) for a program owned and located in
 * their province. Its queue and report are for its owner's admins, oversight, the national admin — all of it — and
 * for the handlers, who see the grievances held in their own subtree.
 */
import type { Role } from '../policy/roles';
import { areaCovers } from './program';

/** A role grant with what the rule needs of its institution (null: granted nationally). */
export interface ProgramGrant {
  role: Role;
  institution: { id: number; kind: string; regionCode: string | null; path: number[] } | null;
}

/** The program's owner as the rules need it. */
export interface ProgramOwnerRef {
  id: number;
  path: number[];
  regionCode: string | null;
}

/** The province a provincial admin administers, or null when the grant is not one. */
function provinceOf(g: ProgramGrant): string | null {
  const i = g.institution;
  return g.role === 'coordinator' && i?.kind === 'provincial_government' && i.regionCode
    ? i.regionCode
    : null;
}

/** Whether the grants may create or change a program with this owner and area. */
export function mayConfigureProgram(
  grants: readonly ProgramGrant[],
  owner: ProgramOwnerRef,
  areaRegionCodes: readonly string[],
): boolean {
  return grants.some((g) => {
    if (g.role === 'national_admin') return true;
    const province = provinceOf(g);
    if (province === null || owner.regionCode === null) return false;
    // Owned inside the province, and no village of the area outside it: a province configures only its own.
    return (
      areaCovers([province], owner.regionCode) &&
      areaRegionCodes.every((code) => areaCovers([province], code))
    );
  });
}

/** Whether the grants may list programs for administration (national admin, provincial admins). */
export function mayAdministerPrograms(grants: readonly ProgramGrant[]): boolean {
  return grants.some((g) => g.role === 'national_admin' || provinceOf(g) !== null);
}

/** What of a program's grievances a caller sees: all of them, those held in some subtrees, or nothing. */
export type ProgramView = { all: true } | { all: false; subtrees: number[] } | null;

const STAFF: readonly Role[] = ['coordinator', 'liaison_officer', 'unit_operator', 'leadership'];

/** The caller's view of a program's queue and report. */
export function programViewOf(grants: readonly ProgramGrant[], owner: ProgramOwnerRef): ProgramView {
  const ownerAdmin = (g: ProgramGrant) =>
    g.institution !== null &&
    (g.role === 'coordinator' || g.role === 'leadership') &&
    owner.path.includes(g.institution.id);
  const all = grants.some(
    (g) =>
      g.role === 'national_admin' ||
      (g.role === 'oversight' && (g.institution === null || owner.path.includes(g.institution.id))) ||
      ownerAdmin(g),
  );
  if (all) return { all: true };
  const subtrees = grants.flatMap((g) => (STAFF.includes(g.role) && g.institution ? [g.institution.id] : []));
  return subtrees.length > 0 ? { all: false, subtrees } : null;
}
