/**
 * Who sees what of a report (domain.md §7): the audience a caller is for a report, from most to least that it may
 * see. Staff in scope and oversight see everything but a reporter's identity; the reporter sees their own report;
 * everyone else is the public.
 */
import { can, type PolicySubject } from '../policy/policy';
import { type Actor, REPORTER_ROLES, type Role } from '../policy/roles';

/** The audiences of domain.md §7, from most to least that they may see. */
export type Audience = 'staff' | 'oversight' | 'reporter' | 'public';

/**
 * Roles that handle or supervise reports inside an institution's scope, and see everything but identity. A regional
 * app (`integration`) sees what a liaison officer of its institution sees, never more (issue 12).
 */
export const HANDLING_ROLES: readonly Role[] = [
  'national_admin',
  'coordinator',
  'liaison_officer',
  'unit_operator',
  'leadership',
  'integration',
];

/** Whether a role handles or supervises reports (the staff audience when the report is in its scope). */
export function isHandlingRole(role: Role): boolean {
  return HANDLING_ROLES.includes(role);
}

/** Whether a role is on the reporter's side of a report: citizen, guest, facilitator. */
export function isReporterSide(role: Role): boolean {
  return (REPORTER_ROLES as readonly Role[]).includes(role);
}

/** Who is asking, as the core sees it: the actors of their role grants, and whether they hold the access code. */
export interface Viewer {
  actors: readonly Actor[];
  /** A valid access code for this report (a wrong one counts as none: no oracle). */
  holdsAccessCode: boolean;
}

/** The guest actor behind a valid access code: the report's own reporter. */
export function guestActorOf(subject: PolicySubject): Actor {
  return { id: subject.reporterId ?? '', role: 'guest', institutionId: null };
}

/**
 * Which audience the viewer is for the report, and the actors (in scope) that make it so. Staff beats oversight
 * beats the access code beats the reporter's own account; anyone else is the public.
 */
export function audienceFor(subject: PolicySubject, viewer: Viewer): { audience: Audience; actors: Actor[] } {
  const viewing = viewer.actors.filter((a) => can(a, 'view', subject));
  const staff = viewing.filter((a) => isHandlingRole(a.role));
  if (staff.length) return { audience: 'staff', actors: staff };
  const oversight = viewing.filter((a) => a.role === 'oversight');
  if (oversight.length) return { audience: 'oversight', actors: oversight };
  if (viewer.holdsAccessCode) return { audience: 'reporter', actors: [guestActorOf(subject)] };
  const reporter = viewing.filter((a) => isReporterSide(a.role));
  if (reporter.length) return { audience: 'reporter', actors: reporter };
  return { audience: 'public', actors: [] };
}

/**
 * Whether someone with these roles works for an institution or a national body: out of scope they get 404 for a
 * confidential report rather than its public view.
 */
export function worksForAnInstitution(roles: readonly Role[]): boolean {
  return roles.some((role) => !isReporterSide(role));
}
