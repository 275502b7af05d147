/**
 * The access rules a route can declare, and the answer each rule gives a caller — computed from the core (`can`,
 * the audience, the program rules), never written down per caller. The route table (authz-routes.ts) gives every
 * route the server answers one of these rules.
 */
import {
  type Actor,
  audienceFor,
  can,
  guestActorOf,
  isHandlingRole,
  mayAdministerPrograms,
  mayConfigureProgram,
  NATIONAL_QUEUE,
  type PolicyAction,
  type PolicySubject,
  programViewOf,
  type Role,
  worksForAnInstitution,
} from '@pintu/core';
import type { AuthzCaller, World, WorldReport } from './authz-world';

/** What a policy rule is asked about: an institution of the world, the caller's own grant, or the nation. */
export type SubjectName = 'unit' | 'samarinda' | 'own_grant' | 'national';

export type Rule =
  /** Anyone: the public, every account, every key the route lets in. */
  | { kind: 'public' }
  /** Public records except a confidential report's, which is no one's here (Open311 reads): 404. */
  | { kind: 'open_record' }
  /** Any signed-in account (its own data). */
  | { kind: 'account' }
  /** A citizen account only (erasure: staff accounts are deactivated by their administrators). */
  | { kind: 'citizen_account' }
  /** The account the resource belongs to: the reporter's notification; anyone else 404. */
  | { kind: 'owner' }
  /**
   * Some actor of the caller `can(action, subject)`. `admin`: the national admin's `manage_institutions` covers it
   * too (ADR 0004); `belowGrant`: a scoped actor never on its own grant institution; `keys`: what an API key gets
   * (default 403, `own_app`: its own app's webhooks when it holds `webhooks:manage`, else 404).
   */
  | {
      kind: 'policy';
      action: PolicyAction;
      subject: SubjectName;
      admin?: boolean;
      belowGrant?: boolean;
      denied?: 403 | 404;
      keys?: 'own_app';
    }
  /**
   * A report route: an insider (an actor that `can(action, report)`, `staff` only for the handling roles; the
   * guest holding the access code where the route reads one) is let through; an outsider gets what `outsider` says.
   */
  | {
      kind: 'report';
      action: PolicyAction;
      staff?: boolean;
      outsider: 'public' | 'public_unless_confidential' | 'staff_404_if_confidential' | 'refused';
      denied?: 403 | 404;
    }
  /** A national grant (no institution) of one of these roles. */
  | { kind: 'national'; roles: Role[] }
  /** The program rules (core programs/access.ts). */
  | { kind: 'program'; need: 'administer' | 'configure' | 'view' | 'villages' }
  /**
   * A regional app's key only (`without`: the answer to a caller without one, default 401); with an action, on the
   * report (`staff`: the staff audience), else 404.
   */
  | { kind: 'api_key'; action?: PolicyAction; staff?: boolean; without?: 401 | 403 }
  /** A credential none of the callers holds (a gateway's secret, a peer's signature). */
  | { kind: 'secret' }
  /** Middleware (`app.use`) and fallbacks: they answer nothing of their own. */
  | { kind: 'middleware' };

/** A request to send. */
export interface Req {
  method: string;
  path: string;
  body?: unknown;
  form?: FormData | URLSearchParams;
  headers?: Record<string, string>;
}

/** What a route's request builder knows. */
export interface Ctx {
  w: World;
  caller: AuthzCaller;
  report?: WorldReport;
  /** Whether the caller is expected through: an allowed write gets a fresh target of its own. */
  allowed: boolean;
  /** Targets shared by one route's refused requests. */
  shared: Map<string, Promise<unknown>>;
}

export interface RouteEntry {
  /** `METHOD path` as hono lists it (`app.routes`). */
  key: string;
  /** Which test file asks it (authz-matrix-a/b/c), so the workers share the work. */
  group: 'a' | 'b' | 'c';
  rule: Rule;
  /** An API key may call it (http/auth/api-key.ts); other /api routes answer a key 403. */
  keys?: boolean;
  /** Asked once per report kind (normal, anonymous, confidential). */
  perReport?: boolean;
  /** The route reads `X-Access-Code`. */
  accessCode?: boolean;
  /** What an allowed caller gets (default: any 2xx). */
  ok?: number[];
  /** Its operations in the OpenAPI document, when not the same path. */
  documentedAs?: string[];
  /** An allowed answer carries the reporter's identity (the reveal). */
  discloses?: boolean;
  request?: (c: Ctx) => Req | Promise<Req>;
}

export interface Expected {
  allowed: boolean;
  /** The refusal's status. */
  status?: 401 | 403 | 404;
}

let seq = 0;
/** A number no other request of this process used: unique names, e-mails, dates. */
export const uniq = () => ++seq;

/** The route's shared target for refusals, or a fresh one for an allowed caller (who may consume it). */
export function target<T>(c: Ctx, name: string, make: () => Promise<T>): Promise<T> {
  if (c.allowed) return make();
  let found = c.shared.get(name) as Promise<T> | undefined;
  if (!found) {
    found = make();
    c.shared.set(name, found);
  }
  return found;
}

export const get = (path: string): Req => ({ method: 'GET', path });
export const send = (method: string, path: string, body?: unknown): Req => ({ method, path, body });
/** The unit that holds the reports. */
export const unit = (c: Ctx) => c.w.ids.unit;

export type PolicyRule = Extract<Rule, { kind: 'policy' }>;
export const policy = (action: PolicyAction, extra: Partial<PolicyRule> = {}): PolicyRule => ({
  kind: 'policy',
  action,
  subject: 'unit',
  ...extra,
});

const ownSubject = (a: Actor): PolicySubject => ({
  holder: { institutionId: a.institutionId, ancestorIds: [] },
});

function subjectFor(w: World, name: SubjectName, a: Actor): PolicySubject {
  if (name === 'own_grant') return ownSubject(a);
  if (name === 'national') return { holder: NATIONAL_QUEUE };
  return w.subjects[name];
}

/** The program the world asks about: owned by the province, in Samarinda. */
const programOwner = (w: World) => ({ id: w.ids.kaltim, path: [w.ids.kaltim], regionCode: '64' });

const refused = (status: 401 | 403 | 404): Expected => ({ allowed: false, status });
const ALLOWED: Expected = { allowed: true };

/** The answer the route's rule gives this caller (for a report route, about this report). */
export function expectedFor(w: World, e: RouteEntry, caller: AuthzCaller, report?: WorldReport): Expected {
  const [, path] = e.key.split(' ') as [string, string];
  if (caller.key && path.startsWith('/api/') && !e.keys) return refused(403);
  const r = e.rule;
  const signed = caller.userId !== null;
  const unknown = refused(401);
  switch (r.kind) {
    case 'public':
    case 'middleware':
      return ALLOWED;
    case 'open_record':
      return report?.kind === 'confidential' ? refused(404) : ALLOWED;
    case 'account':
      return signed ? ALLOWED : unknown;
    case 'citizen_account':
      if (!signed) return unknown;
      return caller.roles.every((role) => role === 'citizen') ? ALLOWED : refused(403);
    case 'owner':
      if (!signed) return unknown;
      return caller.userId === w.reports.normal.subject.reporterId ? ALLOWED : refused(404);
    case 'secret':
      return unknown;
    case 'national':
      if (!signed) return unknown;
      return caller.actors.some((a) => a.institutionId === null && r.roles.includes(a.role))
        ? ALLOWED
        : refused(403);
    case 'program': {
      if (!signed) return unknown;
      const owner = programOwner(w);
      const view = programViewOf(caller.programGrants, owner) !== null;
      const may = {
        administer: mayAdministerPrograms(caller.programGrants),
        configure: mayConfigureProgram(caller.programGrants, owner, ['64.72']),
        view,
        villages: view || caller.roles.includes('facilitator'),
      }[r.need];
      return may ? ALLOWED : refused(403);
    }
    case 'api_key': {
      if (!caller.key) return refused(r.without ?? 401);
      if (!r.action || !report) return ALLOWED;
      const action = r.action;
      const may = caller.actors.some(
        (a) => can(a, action, report.subject) && (!r.staff || isHandlingRole(a.role)),
      );
      return may ? ALLOWED : refused(404);
    }
    case 'policy': {
      if (caller.key) {
        if (r.keys !== 'own_app') return refused(403);
        return caller.key.appId === w.app.id ? ALLOWED : refused(404);
      }
      if (!signed) return unknown;
      const own = r.subject === 'unit' ? String(w.ids.unit) : String(w.ids.samarinda);
      const may = caller.actors.some((a) => {
        const s = subjectFor(w, r.subject, a);
        if (r.admin && can(a, 'manage_institutions', s)) return true;
        return can(a, r.action, s) && !(r.belowGrant && a.institutionId === own);
      });
      return may ? ALLOWED : refused(r.denied ?? 403);
    }
    case 'report': {
      if (!report) throw new Error(`${e.key}: a report rule needs a report`);
      const s = report.subject;
      const action = r.action;
      const code = caller.guest === 'own' && e.accessCode;
      const insider = code
        ? can(guestActorOf(s), action, s)
        : caller.actors.some((a) => can(a, action, s) && (!r.staff || isHandlingRole(a.role)));
      if (insider) return ALLOWED;
      const confidential = report.kind === 'confidential';
      switch (r.outsider) {
        case 'public':
          return ALLOWED;
        case 'public_unless_confidential':
          return confidential ? refused(404) : ALLOWED;
        case 'staff_404_if_confidential':
          return confidential && worksForAnInstitution(caller.roles) ? refused(404) : ALLOWED;
        case 'refused': {
          const credentials = signed || (e.accessCode && caller.guest !== undefined);
          return credentials ? refused(r.denied ?? 403) : unknown;
        }
      }
    }
  }
}

/**
 * What no answer to this caller may carry (domain.md §7): another's contact always; a name unless the reporter's
 * own or, for a report that is not anonymous, staff and oversight in scope; a confidential report's text unless
 * its staff, oversight or reporter. The guest's access code counts only on the report it was sent for.
 */
export function forbiddenFor(
  w: World,
  e: RouteEntry,
  caller: AuthzCaller,
  report: WorldReport | undefined,
  allowed: boolean,
): string[] {
  const out: string[] = [];
  for (const r of Object.values(w.reports)) {
    const code = caller.guest === 'own' && !!e.accessCode && report?.kind === r.kind;
    const { audience } = audienceFor(r.subject, { actors: caller.actors, holdsAccessCode: code });
    if (audience === 'reporter') continue;
    if (e.discloses && allowed && report?.kind === r.kind) continue;
    out.push(r.secrets.email, r.secrets.phone);
    if (r.kind === 'anonymous' || audience === 'public') out.push(r.secrets.name);
    if (r.kind === 'confidential' && audience === 'public') out.push(r.secrets.text);
  }
  return out;
}
