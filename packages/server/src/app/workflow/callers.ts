/**
 * Who is calling, as the core's actors: a guest holding the report's access code, or a signed-in caller with
 * one actor per role grant. Which audience that makes the credentials is core's rule (core/src/privacy).
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
import type { Caller } from '../accounts/caller';

export type { Audience };

/** The credentials of a request: the session's caller (null for guests) and the X-Access-Code header. */
export interface Credentials {
  caller: Caller | null;
  accessCode?: string | undefined;
  /**
   * A channel proved in its own way that the caller is the report's reporter (the e-mail channel: the sender's
   * address is the sealed one, app/email/reply-by-email.ts). Set by server code only, never from a request.
   */
  reporterProven?: boolean;
}

/** Every actor a caller can act as: one per role grant, carrying the account's extra permissions. */
export function callerActors(p: Caller): Actor[] {
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

/** Whether the credentials holds this report's access code (a wrong code counts as none: no oracle). */
export function holdsAccessCode(report: WorkflowReport, credentials: Credentials): boolean {
  return !!credentials.accessCode && accessCodeMatches(credentials.accessCode, report.accessCodeHash);
}

/** The guest actor behind a valid access code: the report's own reporter id. */
export function guestActor(report: WorkflowReport): Actor {
  return guestActorOf(subjectOf(report));
}

/** Which audience the credentials is for the report, and the actors (in scope) that make it so. */
export function audienceOf(
  report: WorkflowReport,
  credentials: Credentials,
): { audience: Audience; actors: Actor[] } {
  return audienceFor(subjectOf(report), {
    actors: credentials.caller ? callerActors(credentials.caller) : [],
    holdsAccessCode: holdsAccessCode(report, credentials),
  });
}

/** Whether a caller works for some institution or national body (and so gets 404 for confidential reports). */
export function isStaffCaller(credentials: Credentials): boolean {
  return worksForAnInstitution((credentials.caller?.grants ?? []).map((g) => g.role));
}
