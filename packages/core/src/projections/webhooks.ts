/**
 * Which webhook deliveries a report's events cause (issue 12 §5, ADR 0012): the event types, the apps they go to
 * (by institution subtree, or to the app that filed the report) and the payload — never the reporter's identity,
 * and of a confidential report nothing beyond its tracking id and status. Both writers (a transition's projector,
 * intake's filing) take their rows from here; storage only looks up the subscribed endpoints and inserts.
 */

export const WEBHOOK_EVENT_TYPES = [
  'report.filed',
  'report.dispositioned',
  'report.status_changed',
  'report.follow_up_published',
  'report.reporter_replied',
  'report.deadline_breached',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The type of the "send test event" delivery; not subscribable, every endpoint may receive it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** An event as the webhook rules see it. */
export interface WebhookEvent {
  seq: number;
  action: string;
  /** Null for a report's first event. */
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  payload: Record<string, unknown>;
  /** The path (root first, the holder last) of who held the report when the event happened; null: national. */
  holderPath: readonly number[] | null;
}

/** What of the report the rules need. */
export interface WebhookReport {
  trackingId: string;
  /** The filing app's own id for the report, when an app filed it. */
  externalRef: string | null;
  /** The holder now; null for the national queue. */
  institutionId: number | null;
  /** The holder's path now (root first, the holder last); null for the national queue. */
  holderPath: readonly number[] | null;
  /** The app that filed the report (its channel `integration:<slug>`), or null. */
  filedByAppId: string | null;
  confidential: boolean;
}

/** An enabled endpoint that might care about this report. */
export interface WebhookSubscriber {
  endpointId: string;
  appId: string;
  appInstitutionId: number;
  eventTypes: readonly string[];
}

/** The body a receiver gets (ADR 0012). */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface WebhookDeliveryRow {
  endpointId: string;
  eventSeq: number;
  eventType: WebhookEventType;
  payload: WebhookPayload;
}

const DISPOSITIONING = new Set(['verify', 'not_our_authority', 'dispose_down', 'raise_level']);
const FOLLOW_UPS = new Set(['post_follow_up', 'approve_follow_up']);
const REPLIES = new Set(['reporter_reply', 'answer_hold']);

/** Who an event type is for: the new holder's subtree, any holder's (before or after) or the filing app too. */
type Reach = 'filer' | 'new_holder' | 'holders_and_filer';

/** The webhook event types one lifecycle event causes, with whom each reaches. */
export function webhookEventTypesOf(e: Omit<WebhookEvent, 'holderPath'>): [WebhookEventType, Reach][] {
  if (e.fromStatus === null) return e.action === 'submitted' ? [['report.filed', 'filer']] : [];
  const out: [WebhookEventType, Reach][] = [];
  if (DISPOSITIONING.has(e.action) && e.toStatus === 'dispositioned')
    out.push(['report.dispositioned', 'new_holder']);
  if (e.fromStatus !== e.toStatus) out.push(['report.status_changed', 'holders_and_filer']);
  if (FOLLOW_UPS.has(e.action)) out.push(['report.follow_up_published', 'holders_and_filer']);
  if (REPLIES.has(e.action)) out.push(['report.reporter_replied', 'holders_and_filer']);
  if (e.action === 'escalate') out.push(['report.deadline_breached', 'holders_and_filer']);
  return out;
}

const within = (path: readonly number[] | null, institutionId: number) =>
  path?.includes(institutionId) === true;

function reaches(reach: Reach, r: WebhookReport, e: WebhookEvent, s: WebhookSubscriber): boolean {
  const filer = r.filedByAppId !== null && r.filedByAppId === s.appId;
  if (reach === 'filer') return filer;
  if (reach === 'new_holder') return within(r.holderPath, s.appInstitutionId);
  return filer || within(r.holderPath, s.appInstitutionId) || within(e.holderPath, s.appInstitutionId);
}

/** The payload of one delivery: the report's tracking id and status, and for a non-confidential report a little more. */
export function webhookPayload(
  type: string,
  r: WebhookReport,
  e: Pick<WebhookEvent, 'seq' | 'action' | 'toStatus' | 'at' | 'payload'>,
): WebhookPayload {
  const at = e.at.toISOString();
  if (r.confidential)
    return { type, timestamp: at, data: { trackingId: r.trackingId, status: e.toStatus, seq: e.seq, at } };
  const data: Record<string, unknown> = {
    trackingId: r.trackingId,
    externalRef: r.externalRef,
    status: e.toStatus,
    institutionId: r.institutionId,
    seq: e.seq,
    action: e.action,
    at,
  };
  // An escalation's level says how late it is; nothing else of an event payload (it may name people) goes out.
  if (e.action === 'escalate' && typeof e.payload.level === 'number') data.level = e.payload.level;
  return { type, timestamp: at, data };
}

/** The deliveries `events` of report `r` cause to `subscribers`: one per endpoint, event and subscribed type. */
export function webhookDeliveries(
  r: WebhookReport,
  events: readonly WebhookEvent[],
  subscribers: readonly WebhookSubscriber[],
): WebhookDeliveryRow[] {
  const rows: WebhookDeliveryRow[] = [];
  for (const e of events)
    for (const [type, reach] of webhookEventTypesOf(e))
      for (const s of subscribers)
        if (s.eventTypes.includes(type) && reaches(reach, r, e, s))
          rows.push({
            endpointId: s.endpointId,
            eventSeq: e.seq,
            eventType: type,
            payload: webhookPayload(type, r, e),
          });
  return rows;
}

/**
 * Seconds to wait after the n-th failed attempt (n = 1, 2, …): about 4.9 days in all, so a receiver that is down for
 * 3 days still gets everything. After the last one the delivery has failed.
 */
export const WEBHOOK_RETRY_SCHEDULE_S = [
  30, 120, 600, 3_600, 10_800, 21_600, 43_200, 86_400, 86_400, 86_400, 86_400,
] as const;

/** An endpoint failing without a single success for this long is disabled. */
export const WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

/**
 * When to try again after `attempts` failed attempts, or null when the schedule is exhausted. `random` in [0, 1)
 * spreads retries ±10 % so receivers coming back are not hit by every sender at once.
 */
export function nextWebhookAttempt(attempts: number, now: Date, random: number): Date | null {
  const base = WEBHOOK_RETRY_SCHEDULE_S[attempts - 1];
  if (base === undefined) return null;
  return new Date(now.getTime() + Math.round(base * 1000 * (0.9 + 0.2 * random)));
}
