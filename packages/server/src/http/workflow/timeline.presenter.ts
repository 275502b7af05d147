/**
 * What each audience sees of a report's events (domain.md §7). The public: status changes and published
 * follow-ups, without people. The reporter: everything but internal comments, drafts, returns and reveals, and
 * institutions rather than staff. Staff in scope and oversight: everything, but never who an anonymous reporter
 * is — reporter-side events carry no actor id, and payloads are kept to the keys listed here.
 */
import { type ReportStatus, type Role, STATUS_LABELS_ID } from '@pintu/core';
import type { Audience } from '../../app/workflow/callers';
import type { TimelineEvent } from './workflow.schema';

/** An event as read from the log. */
export interface StoredEvent {
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

/** Events the reporter and the public never see. */
const INTERNAL = new Set(['comment_internal', 'draft_follow_up', 'return_draft', 'reveal_identity']);
/** Follow-ups become public when published (posted, or a draft approved). */
const PUBLISHED = new Set(['post_follow_up', 'approve_follow_up']);
const REPORTER_SIDE = new Set(['citizen', 'guest', 'facilitator']);

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
};

/** Keys staff never see on an anonymous report: the facilitator who filed for the reporter could identify them. */
const ANONYMOUS_HIDDEN = ['facilitatorId'];

function visible(e: StoredEvent, audience: Audience): boolean {
  if (audience === 'staff' || audience === 'oversight') return true;
  if (INTERNAL.has(e.action)) return false;
  if (audience === 'reporter') return true;
  return e.action === 'submitted' || e.fromStatus !== e.toStatus || PUBLISHED.has(e.action);
}

function pick(payload: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in payload).map((k) => [k, payload[k]]));
}

function payloadFor(e: StoredEvent, audience: Audience, anonymous: boolean): Record<string, unknown> {
  if (audience === 'public') return pick(e.payload, PUBLIC_KEYS[e.action] ?? []);
  if (audience === 'reporter') return pick(e.payload, REPORTER_KEYS[e.action] ?? []);
  if (!anonymous) return { ...e.payload };
  return Object.fromEntries(Object.entries(e.payload).filter(([k]) => !ANONYMOUS_HIDDEN.includes(k)));
}

function actorFor(e: StoredEvent, audience: Audience): TimelineEvent['actor'] {
  const role = e.actorRole as Role;
  const side = REPORTER_SIDE.has(role)
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
export function presentTimeline(
  events: readonly StoredEvent[],
  audience: Audience,
  anonymous: boolean,
): TimelineEvent[] {
  return events
    .filter((e) => visible(e, audience))
    .map((e) => ({
      seq: e.seq,
      type: e.action,
      at: e.at.toISOString(),
      fromStatus: e.fromStatus as ReportStatus | null,
      toStatus: e.toStatus as ReportStatus | null,
      statusLabel: e.toStatus ? STATUS_LABELS_ID[e.toStatus as ReportStatus] : null,
      actor: actorFor(e, audience),
      payload: payloadFor(e, audience, anonymous),
    }));
}

const ID_KEYS = ['requestedInstitutionId', 'unitId', 'targetId', 'notifyInstitutionId'];

/** Institution ids the presented events refer to, so their names can go with them. */
export function referencedInstitutions(events: readonly TimelineEvent[]): string[] {
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
