/**
 * What each audience sees of a report's events (domain.md §7). The public: status changes and published
 * follow-ups, without people. The reporter: everything but internal comments, drafts, returns and reveals, and
 * institutions rather than staff. Staff in scope and oversight: everything, but never who an anonymous reporter
 * is — reporter-side events carry no actor id, and payloads are kept to the keys listed here.
 */
import type { Role } from '../policy/roles';
import { type Audience, isReporterSide } from './audience';

/** An event as read from the log. */
export interface LoggedEvent {
  seq: number;
  action: string;
  actorId: string | null;
  actorRole: string;
  institutionId: number | null;
  at: Date;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown>;
}

/** Which side acted: the reporter's, an institution, a national body, or the system. */
export type ActorSide = 'reporter' | 'institution' | 'national' | 'system';

/** The actor of an event as an audience may see it. */
export interface SeenActor {
  side: ActorSide;
  /** Absent for the public. */
  role?: Role;
  institutionId: number | null;
  /** The staff member who acted; staff and oversight only, never a reporter's account. */
  userId?: string;
}

/** An event cut to what an audience may see. */
export interface SeenEvent {
  seq: number;
  type: string;
  at: Date;
  fromStatus: string | null;
  toStatus: string | null;
  actor: SeenActor;
  payload: Record<string, unknown>;
}

/** Events the reporter and the public never see. */
const INTERNAL = new Set([
  'comment_internal',
  'draft_follow_up',
  'return_draft',
  'reveal_identity',
  // A flag and its release are the moderators' business: telling the reporter would teach a bot (docs/abuse.md).
  'flag',
  'release_flag',
]);
/** Follow-ups become public when published (posted, or a draft approved). */
const PUBLISHED = new Set(['post_follow_up', 'approve_follow_up']);

const CLOCK = ['stage', 'dueAt'];
const FOLLOW_UP = ['message', 'attachmentIds', ...CLOCK];

/** Payload keys the reporter sees, per event type (anything else stays with staff). */
const REPORTER_KEYS: Record<string, readonly string[]> = {
  submitted: ['requestedInstitutionId', 'queue', 'channel', 'dueAt'],
  verify: ['targetIds', 'childIds', 'parentId', 'parentTrackingId', ...CLOCK],
  dispose_down: ['unitId'],
  not_our_authority: ['reason', 'targetId', 'hops', ...CLOCK],
  hold: ['question', ...CLOCK],
  answer_hold: ['message', ...CLOCK],
  archive: ['reason', 'duplicateOfId', 'note'],
  auto_archive: ['reason'],
  acknowledge: ['complexity', 'message', ...CLOCK],
  approve_follow_up: FOLLOW_UP,
  post_follow_up: FOLLOW_UP,
  reporter_reply: ['message', ...CLOCK],
  accept: ['rating', 'comment'],
  reopen: ['reason', ...CLOCK],
  rate: ['rating', 'comment'],
  escalate: ['stage', 'dueAt', 'level'],
  resolve_parent: ['childIds'],
  raise_level: ['reason', 'targetId', 'fromLevel', 'toLevel', 'levelDueAt', ...CLOCK],
  confirm_flag: ['reason'],
};

/** Payload keys the public sees: where the report went, why it was archived, and the published answers. */
const PUBLIC_KEYS: Record<string, readonly string[]> = {
  verify: ['targetIds', 'childIds'],
  not_our_authority: ['targetId'],
  archive: ['reason', 'duplicateOfId'],
  acknowledge: ['complexity'],
  approve_follow_up: ['message', 'attachmentIds'],
  post_follow_up: ['message', 'attachmentIds'],
  resolve_parent: ['childIds'],
  raise_level: ['targetId', 'toLevel'],
};

/** Keys staff never see on an anonymous report: the facilitator who filed for the reporter could identify them. */
const ANONYMOUS_HIDDEN = ['facilitatorId'];

function visible(e: LoggedEvent, audience: Audience): boolean {
  if (audience === 'staff' || audience === 'oversight') return true;
  if (INTERNAL.has(e.action)) return false;
  if (audience === 'reporter') return true;
  return e.action === 'submitted' || e.fromStatus !== e.toStatus || PUBLISHED.has(e.action);
}

function pick(payload: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in payload).map((k) => [k, payload[k]]));
}

function payloadFor(e: LoggedEvent, audience: Audience, anonymous: boolean): Record<string, unknown> {
  if (audience === 'public') return pick(e.payload, PUBLIC_KEYS[e.action] ?? []);
  if (audience === 'reporter') return pick(e.payload, REPORTER_KEYS[e.action] ?? []);
  if (!anonymous) return { ...e.payload };
  return Object.fromEntries(Object.entries(e.payload).filter(([k]) => !ANONYMOUS_HIDDEN.includes(k)));
}

function actorFor(e: LoggedEvent, audience: Audience): SeenActor {
  const role = e.actorRole as Role;
  const side: ActorSide = isReporterSide(role)
    ? 'reporter'
    : role === 'system'
      ? 'system'
      : e.institutionId === null
        ? 'national'
        : 'institution';
  if (audience === 'public') return { side, institutionId: side === 'institution' ? e.institutionId : null };
  const staffSide = side === 'institution' || side === 'national';
  return {
    side,
    role,
    institutionId: e.institutionId,
    // Only staff and oversight see which staff member acted; nobody sees a reporter's account.
    ...((audience === 'staff' || audience === 'oversight') && staffSide && e.actorId
      ? { userId: e.actorId }
      : {}),
  };
}

/** The events an audience may see, each cut to what it may see. */
export function eventsFor(
  events: readonly LoggedEvent[],
  audience: Audience,
  anonymous: boolean,
): SeenEvent[] {
  return events
    .filter((e) => visible(e, audience))
    .map((e) => ({
      seq: e.seq,
      type: e.action,
      at: e.at,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: actorFor(e, audience),
      payload: payloadFor(e, audience, anonymous),
    }));
}

const ID_KEYS = ['requestedInstitutionId', 'unitId', 'targetId', 'notifyInstitutionId'];

/** Institution ids the seen events refer to, so their names can go with them. */
export function referencedInstitutions(events: readonly Pick<SeenEvent, 'actor' | 'payload'>[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.actor.institutionId != null) ids.add(String(e.actor.institutionId));
    for (const key of ID_KEYS) {
      const v = e.payload[key];
      if (typeof v === 'string' || typeof v === 'number') ids.add(String(v));
    }
    const targets = e.payload.targetIds;
    if (Array.isArray(targets)) for (const t of targets) if (t != null) ids.add(String(t));
  }
  return [...ids];
}
