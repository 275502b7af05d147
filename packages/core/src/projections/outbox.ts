/**
 * Which notifications an event causes (domain.md §5): the outbox rows, with their template, recipient, channel and
 * idempotency key. Both writers — a transition's projector and intake's single statement — take their rows from
 * here; storage only looks up the staff an audience names, and inserts.
 * - the reporter: receipt of a filing (by e-mail and SMS from the sealed contact), disposition, acknowledgement,
 *   published follow-up, hold question, resolved, archived — by e-mail and SMS from the sealed contact (opened only
 *   by the delivery worker), in-app when they have an account;
 * - staff: the holder's liaison officers and coordinator on a new disposition; escalations by level (1 holder,
 *   2 the parent's coordinator — or national admins for a top-level holder —, 3 national admins and oversight) —
 *   in-app and e-mail to their account address.
 * A child born of a split causes none: its parent's event told the reporter, and the parent's staff act on it.
 * Payloads carry the tracking id, status and the staff-written text, never anything about the reporter.
 */

export type OutboxTemplate =
  | 'submitted'
  | 'dispositioned'
  | 'acknowledged'
  | 'follow_up'
  | 'hold_question'
  | 'resolved'
  | 'archived'
  | 'new_disposition'
  | 'escalation';

export type OutboxChannel = 'email' | 'sms' | 'in_app';

/** An event as the outbox sees it: its place in the chain and what it did. */
export interface OutboxEvent {
  seq: number;
  action: string;
  /** Null for a report's first event (a filing, or a child born of a split). */
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown>;
}

/** What of the report the rows need. `reportId` is the storage id (intake passes a placeholder, see outboxKey). */
export interface OutboxReport {
  reportId: string;
  trackingId: string;
  language: string;
  /** A sealed contact exists (e-mail/SMS go to it). */
  hasContact: boolean;
  /** The reporter's account, when it exists. */
  accountId: string | null;
  institutionId: number | null;
  /** The holder's institution path (root first), for oversight's scope. */
  path: number[] | null;
  /**
   * The channel the report came through, when it answers the filing itself (SMS and e-mail reply with the tracking id
   * and access code): the receipt is then not sent a second time on that channel.
   */
  answeredBy?: 'sms' | 'email' | null;
}

/** Staff to notify: roles at an institution (null = granted nationally), or oversight within a holder path. */
export interface StaffAudience {
  roles: string[];
  institutionId: number | null;
  /** For oversight: grants with no institution or on an ancestor of this holder path. */
  withinPath?: number[] | null;
}

/** A staff account an audience resolved to. */
export interface StaffRecipient {
  id: string;
  language: string;
  role: string;
  institutionId: number | null;
}

export interface OutboxRow {
  idempotencyKey: string;
  eventSeq: number;
  recipientKind: 'reporter' | 'user';
  recipientUserId: string | null;
  audienceRole: string;
  audienceInstitutionId: number | null;
  channel: OutboxChannel;
  template: OutboxTemplate;
  language: 'id' | 'en';
  payload: Record<string, unknown>;
}

/** The idempotency key of one notification: one per event, recipient and channel. */
export const outboxKey = (reportId: string, seq: number, recipient: string, channel: OutboxChannel) =>
  `n.${reportId}.${seq}.${recipient}.${channel}`;

const languageOf = (l: string): 'id' | 'en' => (l === 'en' ? 'en' : 'id');

function reporterTemplate(e: OutboxEvent): OutboxTemplate | null {
  switch (e.action) {
    case 'submitted':
      return 'submitted';
    case 'verify':
    case 'not_our_authority':
    case 'raise_level':
      return e.toStatus === 'dispositioned' ? 'dispositioned' : null;
    case 'acknowledge':
      return 'acknowledged';
    case 'post_follow_up':
    case 'approve_follow_up':
      return 'follow_up';
    case 'hold':
      return 'hold_question';
    case 'accept':
    case 'auto_resolve':
    case 'resolve_parent':
      return 'resolved';
    case 'archive':
    case 'auto_archive':
      return 'archived';
    default:
      return null;
  }
}

const caughtByHoneypot = (e: OutboxEvent) =>
  Array.isArray(e.payload.flags) && (e.payload.flags as unknown[]).includes('honeypot');

/** What of an event's payload the reporter's message shows: staff text, never ids of people. */
function reporterPayload(e: OutboxEvent): Record<string, unknown> {
  const p = e.payload;
  const out: Record<string, unknown> = {};
  if (typeof p.message === 'string') out.message = p.message;
  if (typeof p.question === 'string') out.question = p.question;
  if (typeof p.reason === 'string' && (e.action === 'archive' || e.action === 'auto_archive'))
    out.reason = p.reason;
  return out;
}

/** The staff an event notifies, or null. */
export function staffAudiences(
  e: OutboxEvent,
  r: Pick<OutboxReport, 'institutionId' | 'path'>,
): { template: OutboxTemplate; audiences: StaffAudience[] } | null {
  const dispositioned =
    e.action === 'dispose_down' ||
    ((e.action === 'verify' || e.action === 'not_our_authority' || e.action === 'raise_level') &&
      e.toStatus === 'dispositioned');
  if (dispositioned && r.institutionId !== null)
    return {
      template: 'new_disposition',
      audiences: [{ roles: ['liaison_officer', 'coordinator'], institutionId: r.institutionId }],
    };
  if (e.action !== 'escalate') return null;
  const level = Number(e.payload.level);
  const at = (e.payload.notifyInstitutionId as number | string | null | undefined) ?? null;
  const target = at === null ? null : Number(at);
  if (level === 1 && target !== null)
    return {
      template: 'escalation',
      audiences: [{ roles: ['liaison_officer', 'coordinator'], institutionId: target }],
    };
  if (level === 2 && target !== null)
    return { template: 'escalation', audiences: [{ roles: ['coordinator'], institutionId: target }] };
  return {
    template: 'escalation',
    audiences: [
      { roles: ['national_admin'], institutionId: null },
      { roles: ['oversight'], institutionId: null, withinPath: r.path ?? [] },
    ],
  };
}

/**
 * The outbox rows of `events`. `staffOf` gives the accounts an audience names (storage looks them up first, for
 * every audience `staffAudiences` returns). A filing's receipt goes to the contact only: an account sees the report
 * in its list already.
 */
export function outboxRows(
  r: OutboxReport,
  events: readonly OutboxEvent[],
  staffOf: (a: StaffAudience) => readonly StaffRecipient[],
): OutboxRow[] {
  const rows: OutboxRow[] = [];
  const none = { recipientUserId: null, audienceInstitutionId: null };
  for (const e of events) {
    if (e.fromStatus === null && e.action !== 'submitted') continue;
    const template = reporterTemplate(e);
    if (template) {
      const payload = { trackingId: r.trackingId, status: e.toStatus, ...reporterPayload(e) };
      const common = {
        eventSeq: e.seq,
        audienceRole: 'reporter',
        template,
        payload,
        language: languageOf(r.language),
      };
      // A filing caught by the honeypot is a bot's: its receipt would go to whatever address the bot typed.
      if (r.hasContact && !(template === 'submitted' && caughtByHoneypot(e)))
        for (const channel of ['email', 'sms'] as const) {
          if (template === 'submitted' && r.answeredBy === channel) continue;
          rows.push({
            ...common,
            ...none,
            idempotencyKey: outboxKey(r.reportId, e.seq, 'reporter', channel),
            recipientKind: 'reporter',
            channel,
          });
        }
      if (r.accountId && template !== 'submitted')
        rows.push({
          ...common,
          ...none,
          idempotencyKey: outboxKey(r.reportId, e.seq, `u-${r.accountId}`, 'in_app'),
          recipientKind: 'user',
          recipientUserId: r.accountId,
          channel: 'in_app',
        });
    }
    const staff = staffAudiences(e, r);
    if (!staff) continue;
    const payload = {
      trackingId: r.trackingId,
      status: e.toStatus,
      ...(e.action === 'escalate'
        ? {
            level: e.payload.level ?? null,
            stage: e.payload.stage ?? null,
            dueAt: e.payload.dueAt ?? null,
            overdueWorkingDays: e.payload.overdueWorkingDays ?? null,
          }
        : {}),
    };
    const seen = new Set<string>();
    for (const a of staff.audiences)
      for (const u of staffOf(a)) {
        if (seen.has(u.id)) continue;
        seen.add(u.id);
        for (const channel of ['in_app', 'email'] as const)
          rows.push({
            eventSeq: e.seq,
            idempotencyKey: outboxKey(r.reportId, e.seq, `u-${u.id}`, channel),
            recipientKind: 'user',
            recipientUserId: u.id,
            audienceRole: u.role,
            audienceInstitutionId: u.institutionId,
            channel,
            template: staff.template,
            language: languageOf(u.language),
            payload,
          });
      }
  }
  return rows;
}
