/**
 * Who is calling, as the core's actors: a guest holding the report's access code, or a signed-in principal with
 * one actor per role grant. And which audience the caller is for a report (domain.md §2, §7).
 */
import { type Actor, can, GRANTS, type Grant, type PolicySubject, type Role } from '@pintu/core';
import type { WorkflowReport } from '../../db/postgres-workflow';
import { accessCodeMatches } from '../../security/ids';
import type { Principal } from '../accounts/principal';

/** The caller of a request: the session's principal (null for guests) and the X-Access-Code header. */
export interface Caller {
  principal: Principal | null;
  accessCode?: string | undefined;
}

/** Roles that handle or supervise reports inside an institution's scope, and see everything but identity. */
const STAFF_ROLES: readonly Role[] = [
  'national_admin',
  'coordinator',
  'liaison_officer',
  'unit_operator',
  'leadership',
];
const REPORTER_SIDE: readonly Role[] = ['citizen', 'guest', 'facilitator'];

/** Every actor a principal can act as: one per role grant, carrying the account's extra permissions. */
export function principalActors(p: Principal): Actor[] {
  const grants = p.permissions.filter((g): g is Grant => (GRANTS as readonly string[]).includes(g));
  return p.grants.map((g) => ({
    id: p.userId,
    role: g.role,
    institutionId: g.institutionId === null ? null : String(g.institutionId),
    grants,
  }));
}

/** The policy subject of a report: its holder, reporter and facilitator. */
export function subjectOf(report: WorkflowReport): PolicySubject {
  const { holder, reporterId, facilitatorId } = report.state;
  return { holder, reporterId, facilitatorId };
}

/** Whether the caller holds this report's access code (a wrong code counts as none: no oracle). */
export function holdsAccessCode(report: WorkflowReport, caller: Caller): boolean {
  return !!caller.accessCode && accessCodeMatches(caller.accessCode, report.accessCodeHash);
}

/** The guest actor behind a valid access code: the report's own reporter id. */
export function guestActor(report: WorkflowReport): Actor {
  return { id: report.state.reporterId, role: 'guest', institutionId: null };
}

/** The audiences of domain.md §7, from most to least that they may see. */
export type Audience = 'staff' | 'oversight' | 'reporter' | 'public';

/** Which audience the caller is for the report, and the actors (in scope) that make it so. */
export function audienceOf(report: WorkflowReport, caller: Caller): { audience: Audience; actors: Actor[] } {
  const actors = caller.principal ? principalActors(caller.principal) : [];
  const subject = subjectOf(report);
  const viewing = actors.filter((a) => can(a, 'view', subject));
  const staff = viewing.filter((a) => STAFF_ROLES.includes(a.role));
  if (staff.length) return { audience: 'staff', actors: staff };
  const oversight = viewing.filter((a) => a.role === 'oversight');
  if (oversight.length) return { audience: 'oversight', actors: oversight };
  if (holdsAccessCode(report, caller)) return { audience: 'reporter', actors: [guestActor(report)] };
  const reporter = viewing.filter((a) => REPORTER_SIDE.includes(a.role));
  if (reporter.length) return { audience: 'reporter', actors: reporter };
  return { audience: 'public', actors: [] };
}

/** Whether a principal works for some institution or national body (and so gets 404 for confidential reports). */
export function isStaffPrincipal(caller: Caller): boolean {
  return (caller.principal?.grants ?? []).some((g) => !REPORTER_SIDE.includes(g.role));
}
