/**
 * Writes the outbox rows for a report's new events, inside the caller's transaction (saveTransition), so a
 * notification exists exactly when its event does. Recipients per event (domain.md §5):
 * - the reporter: disposition, acknowledgement, published follow-up, hold question, resolved, archived — by e-mail
 *   and SMS from the sealed contact (opened only by the delivery worker), in-app when they have an account;
 * - staff: the holder's liaison officers and coordinator on a new disposition; escalations by level (1 holder,
 *   2 the parent's coordinator — or national admins for a top-level holder —, 3 national admins and oversight) —
 *   in-app and e-mail to their account address.
 * Payloads carry the tracking id, status and the staff-written text, never anything about the reporter.
 */
import { sql } from 'drizzle-orm';
import { notificationOutbox } from '../../db/notifications-schema';
import type { Db } from '../../db/open';
import { sendDeliveryJobs } from '../../notifications/delivery-jobs';
import type { TemplateName } from '../../notifications/templates';

interface NewEvent {
  seq: number;
  action: string;
  toStatus: string;
  payload: Record<string, unknown>;
}

interface ReportFacts {
  trackingId: string;
  language: string;
  hasContact: boolean;
  accountId: string | null;
  status: string;
  institutionId: number | null;
  path: number[] | null;
}

/** Staff audiences: roles at an institution (null = granted nationally, or any scope containing `within`). */
interface Audience {
  roles: string[];
  institutionId: number | null;
  /** For oversight: grants with no institution or on an ancestor of this holder path. */
  withinPath?: number[] | null;
}

type OutboxRow = typeof notificationOutbox.$inferInsert;

function reporterTemplate(e: NewEvent): TemplateName | null {
  switch (e.action) {
    case 'verify':
    case 'not_our_authority':
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

/** What of an event's payload the reporter's message shows: staff text, never ids of people. */
function reporterPayload(e: NewEvent): Record<string, unknown> {
  const p = e.payload;
  const out: Record<string, unknown> = {};
  if (typeof p.message === 'string') out.message = p.message;
  if (typeof p.question === 'string') out.question = p.question;
  if (typeof p.reason === 'string' && (e.action === 'archive' || e.action === 'auto_archive'))
    out.reason = p.reason;
  return out;
}

function staffAudiences(
  e: NewEvent,
  r: ReportFacts,
): { template: TemplateName; audiences: Audience[] } | null {
  const dispositioned =
    e.action === 'dispose_down' ||
    ((e.action === 'verify' || e.action === 'not_our_authority') && e.toStatus === 'dispositioned');
  if (dispositioned && r.institutionId !== null)
    return {
      template: 'new_disposition',
      audiences: [{ roles: ['liaison_officer', 'coordinator'], institutionId: r.institutionId }],
    };
  if (e.action === 'escalate') {
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
  return null;
}

async function usersOf(tx: Db, a: Audience) {
  const roles = sql.join(
    a.roles.map((r) => sql`${r}`),
    sql`, `,
  );
  const scope =
    a.withinPath !== undefined
      ? sql`(g.institution_id is null or g.institution_id = any(${`{${(a.withinPath ?? []).join(',')}}`}::int[]))`
      : a.institutionId === null
        ? sql`g.institution_id is null`
        : sql`g.institution_id = ${a.institutionId}`;
  const res =
    await tx.execute(sql`select distinct on (u.id) u.id, u.language, g.role, g.institution_id as "institutionId"
    from role_grants g join users u on u.id = g.user_id
    where g.role in (${roles}) and ${scope} and u.deactivated_at is null
    order by u.id, g.role`);
  return res.rows as { id: string; language: string; role: string; institutionId: number | null }[];
}

const key = (reportId: number, seq: number, recipient: string, channel: string) =>
  `n.${reportId}.${seq}.${recipient}.${channel}`;

/** Writes the outbox rows for the events of report `reportId` after sequence number `afterSeq`. */
export async function enqueueNotifications(tx: Db, reportId: number, afterSeq: number, now: Date) {
  const ev = await tx.execute(sql`select seq, action, to_status as "toStatus", payload from events
    where report_id = ${reportId} and seq > ${afterSeq} order by seq`);
  const events = ev.rows as unknown as NewEvent[];
  if (events.length === 0) return;
  const rep = await tx.execute(sql`select r.tracking_id as "trackingId", r.language,
      r.reporter_sealed is not null as "hasContact",
      (select u.id from users u where u.id = r.reporter_account_id) as "accountId", r.status,
      r.institution_id as "institutionId", i.path
    from reports r left join institutions i on i.id = r.institution_id where r.id = ${reportId}`);
  const r = rep.rows[0] as unknown as ReportFacts;
  const rows: OutboxRow[] = [];
  const base = { reportId, nextAttemptAt: now, createdAt: now, status: 'pending' };
  for (const e of events) {
    const template = reporterTemplate(e);
    if (template) {
      const payload = { trackingId: r.trackingId, status: e.toStatus, ...reporterPayload(e) };
      const common = { ...base, eventSeq: e.seq, audienceRole: 'reporter', template, payload };
      const language = r.language === 'en' ? 'en' : 'id';
      if (r.hasContact)
        for (const channel of ['email', 'sms'] as const)
          rows.push({
            ...common,
            idempotencyKey: key(reportId, e.seq, 'reporter', channel),
            recipientKind: 'reporter',
            channel,
            language,
          });
      if (r.accountId)
        rows.push({
          ...common,
          idempotencyKey: key(reportId, e.seq, `u-${r.accountId}`, 'in_app'),
          recipientKind: 'user',
          recipientUserId: r.accountId,
          channel: 'in_app',
          language,
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
      for (const u of await usersOf(tx, a)) {
        if (seen.has(u.id)) continue;
        seen.add(u.id);
        for (const channel of ['in_app', 'email'] as const)
          rows.push({
            ...base,
            eventSeq: e.seq,
            idempotencyKey: key(reportId, e.seq, `u-${u.id}`, channel),
            recipientKind: 'user',
            recipientUserId: u.id,
            audienceRole: u.role,
            audienceInstitutionId: u.institutionId,
            channel,
            template: staff.template,
            language: u.language === 'en' ? 'en' : 'id',
            payload,
          });
      }
  }
  if (!rows.length) return;
  const written = await tx
    .insert(notificationOutbox)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notificationOutbox.id });
  // Their pg-boss delivery jobs, in the same transaction (delivery-jobs.ts).
  await sendDeliveryJobs(
    tx,
    written.map((w) => w.id),
  );
}
