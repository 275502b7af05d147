/**
 * Who is calling, as the core's actors: a guest holding the report's access code, or a signed-in principal with
 * one actor per role grant. Which audience that makes the caller is core's rule (core/src/privacy).
 */
import {
  type Actor,
  type Audience,
  audienceFor,
  GRANTS,
  type Grant,
  guestActorOf,
  type PolicySubject,
  type WorkflowReport,
  worksForAnInstitution,
} from '@pintu/core';
import { accessCodeMatches } from '../../security/ids';
import type { Principal } from '../accounts/principal';

export type { Audience };

/** The caller of a request: the session's principal (null for guests) and the X-Access-Code header. */
export interface Caller {
  principal: Principal | null;
  accessCode?: string | undefined;
}

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
  return guestActorOf(subjectOf(report));
}

/** Which audience the caller is for the report, and the actors (in scope) that make it so. */
export function audienceOf(report: WorkflowReport, caller: Caller): { audience: Audience; actors: Actor[] } {
  return audienceFor(subjectOf(report), {
    actors: caller.principal ? principalActors(caller.principal) : [],
    holdsAccessCode: holdsAccessCode(report, caller),
  });
}

/** Whether a principal works for some institution or national body (and so gets 404 for confidential reports). */
export function isStaffPrincipal(caller: Caller): boolean {
  return worksForAnInstitution((caller.principal?.grants ?? []).map((g) => g.role));
}
