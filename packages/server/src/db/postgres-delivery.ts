/**
 * The outbox's delivery statements (notifications/worker.ts; notifications/README.md): the claim (`for update skip
 * locked`, a claim token and a lease), the marks fenced by that token, the gate before an e-mail's end of DATA,
 * the in-app row, the recipient's contact; and the reminders' outbox rows (app/notifications/reminders.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from './open';

/** An outbox row claimed by one worker. */
export interface ClaimedRow {
  id: number;
  key: string;
  reportId: number;
  recipientKind: 'reporter' | 'user';
  recipientUserId: string | null;
  channel: 'email' | 'in_app' | 'sms';
  template: string;
  language: string;
  payload: Record<string, unknown>;
  attempts: number;
  token: string;
}

type Row = Record<string, unknown>;
const iso = (d: Date) => d.toISOString();

const claimedOf = (r: Row): ClaimedRow => ({
  id: Number(r.id),
  key: String(r.key),
  reportId: Number(r.reportId),
  recipientKind: r.recipientKind as ClaimedRow['recipientKind'],
  recipientUserId: r.recipientUserId == null ? null : String(r.recipientUserId),
  channel: r.channel as ClaimedRow['channel'],
  template: String(r.template),
  language: String(r.language),
  payload: (r.payload ?? {}) as Record<string, unknown>,
  attempts: Number(r.attempts),
  token: String(r.token),
});

/**
 * Claims due rows (pending and due, or `sending` whose lease ran out), or row `one` whatever its
 * `next_attempt_at`; a `delivering` row whose lease ran out first becomes `unconfirmed` (never resent).
 */
export async function claimOutboxRows(
  db: Db,
  c: { now: Date; until: Date; token: string; limit: number; one?: number | undefined },
): Promise<ClaimedRow[]> {
  const { now, until, token, one } = c;
  const only = one === undefined ? sql`` : sql` and id = ${one}`;
  await db.execute(sql`update notification_outbox set status = 'unconfirmed', claim_token = null,
      last_error = 'worker stopped after committing delivery; not resent'
    where status = 'delivering' and claimed_until < ${iso(now)}${only}`);
  const pending =
    one === undefined
      ? sql`(status = 'pending' and next_attempt_at <= ${iso(now)})`
      : sql`status = 'pending'`;
  const res = await db.execute(sql`update notification_outbox o
    set status = 'sending', attempts = o.attempts + 1, claim_token = ${token}, claimed_until = ${iso(until)}
    from (select id from notification_outbox
      where (${pending} or (status = 'sending' and claimed_until < ${iso(now)}))${only}
      order by next_attempt_at, id limit ${c.limit} for update skip locked) c
    where o.id = c.id
    returning o.id::int as id, o.idempotency_key as key, o.report_id::int as "reportId",
      o.recipient_kind as "recipientKind", o.recipient_user_id as "recipientUserId", o.channel, o.template,
      o.language, o.payload, o.attempts, o.claim_token as token`);
  return (res.rows as Row[]).map(claimedOf).sort((a, b) => a.id - b.id);
}

/** Ends a claimed row's attempt (under its claim token). */
export async function markOutboxRow(
  db: Db,
  row: Pick<ClaimedRow, 'id' | 'token'>,
  status: 'sent' | 'skipped' | 'unconfirmed',
  now: Date,
  error?: string,
): Promise<void> {
  await db.execute(sql`update notification_outbox set status = ${status}, claim_token = null,
      sent_at = ${status === 'sent' ? iso(now) : null}, last_error = ${error ?? null}
    where id = ${row.id} and claim_token = ${row.token}`);
}

/** A failed attempt: `pending` again from `next`, or `failed` for good. */
export async function retryOutboxRow(
  db: Db,
  row: Pick<ClaimedRow, 'id' | 'token'>,
  r: { final: boolean; next: Date; error: string },
): Promise<void> {
  await db.execute(sql`update notification_outbox set status = ${r.final ? 'failed' : 'pending'},
      claim_token = null, next_attempt_at = ${iso(r.next)}, last_error = ${r.error}
    where id = ${row.id} and claim_token = ${row.token}`);
}

/** An active account's contact; e-mail and phone are sealed at rest and opened with `open` (issue 16 §6). */
export async function userContact(
  db: Db,
  userId: string | null,
  open: (sealed: string) => string,
): Promise<{ name: string | null; email: string | null; phone: string | null } | null> {
  const res = await db.execute(sql`select name, email_sealed, phone from users
    where id = ${userId} and deactivated_at is null`);
  const r = res.rows[0] as Row | undefined;
  if (!r) return null;
  const opened = (v: unknown) => (v == null ? null : open(String(v)));
  return {
    name: r.name == null ? null : String(r.name),
    email: opened(r.email_sealed),
    phone: opened(r.phone),
  };
}

/** The reporter's sealed identity, or null (anonymous, or erased). */
export async function reporterSealed(db: Db, reportId: number): Promise<string | null> {
  const res = await db.execute(sql`select reporter_sealed as sealed from reports where id = ${reportId}`);
  const sealed = (res.rows[0] as Row | undefined)?.sealed;
  return sealed == null ? null : String(sealed);
}

/**
 * The in-app notification and `sent` in one transaction; false (nothing written) when the row's claim was taken
 * over.
 */
export async function deliverInAppRow(
  db: Db,
  row: Pick<ClaimedRow, 'id' | 'token' | 'recipientUserId' | 'template'>,
  n: { trackingId: string; title: string; body: string; createdAt: Date; sentAt: Date },
): Promise<boolean> {
  const lost = new Error('lease lost');
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into notifications (user_id, outbox_id, tracking_id, template, title, body,
          created_at)
        values (${row.recipientUserId}, ${row.id}, ${n.trackingId}, ${row.template},
          ${n.title}, ${n.body}, ${iso(n.createdAt)})
        on conflict (outbox_id) do nothing`);
      const done = await tx.execute(sql`update notification_outbox set status = 'sent', claim_token = null,
          sent_at = ${iso(n.sentAt)} where id = ${row.id} and claim_token = ${row.token} returning id`);
      if (done.rows.length !== 1) throw lost;
    });
    return true;
  } catch (err) {
    if (err === lost) return false;
    throw err;
  }
}

/** The gate before an e-mail's end of DATA: `delivering` under the claim; false when the claim was taken over. */
export async function gateOutboxRow(
  db: Db,
  row: Pick<ClaimedRow, 'id' | 'token'>,
  until: Date,
): Promise<boolean> {
  const res = await db.execute(sql`update notification_outbox set status = 'delivering',
      claimed_until = ${iso(until)}
    where id = ${row.id} and claim_token = ${row.token} and status = 'sending' returning id`);
  return res.rows.length === 1;
}

export async function outboxStatus(db: Db, id: number): Promise<string | null> {
  const res = await db.execute(sql`select status from notification_outbox where id = ${id}`);
  const status = (res.rows[0] as Row | undefined)?.status;
  return status == null ? null : String(status);
}

/**
 * The outbox rows of the reminders recorded since `since`: in-app and e-mail for the holder's liaison officers
 * and coordinators (the national admins for the national queue), e-mail and SMS for a reporter with a contact.
 * The idempotency key makes a second pass write nothing. Returns how many rows were written.
 */
export async function insertReminderOutboxRows(db: Db, since: Date, now: Date): Promise<number> {
  const at = iso(now);
  const from = iso(since);
  const staff = await db.execute(sql`insert into notification_outbox (idempotency_key, report_id, event_seq,
      recipient_kind, recipient_user_id, audience_role, audience_institution_id, channel, template, language,
      payload, status, next_attempt_at, created_at)
    select 'n.' || n.report_id || '.r' || n.id || '.u-' || u.id || '.' || ch.channel, n.report_id, 0, 'user', u.id,
      g.role, g.institution_id, ch.channel, 'reminder', u.language,
      jsonb_build_object('trackingId', n.tracking_id, 'stage', n.stage, 'noticeId', n.id,
        'dueAt', to_char(n.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
      'pending', ${at}, ${at}
    from sla_notices n
    join role_grants g on (n.recipient = 'holder' and g.institution_id = n.recipient_institution_id
        and g.role in ('liaison_officer', 'coordinator'))
      -- the national queue's deadlines (verification) are the national admins'
      or (n.recipient = 'national_admin' and g.role = 'national_admin' and g.institution_id is null)
    join users u on u.id = g.user_id and u.deactivated_at is null
    cross join (values ('in_app'), ('email')) as ch(channel)
    where n.kind = 'reminder' and n.recipient in ('holder', 'national_admin') and n.recorded_at >= ${from}
    on conflict (idempotency_key) do nothing
    returning id`);
  const reporter =
    await db.execute(sql`insert into notification_outbox (idempotency_key, report_id, event_seq,
      recipient_kind, audience_role, channel, template, language, payload, status, next_attempt_at, created_at)
    select 'n.' || n.report_id || '.r' || n.id || '.reporter.' || ch.channel, n.report_id, 0, 'reporter',
      'reporter', ch.channel, 'reminder_reporter', case when r.language = 'en' then 'en' else 'id' end,
      jsonb_build_object('trackingId', n.tracking_id, 'stage', n.stage, 'noticeId', n.id, 'status', r.status),
      'pending', ${at}, ${at}
    from sla_notices n
    join reports r on r.id = n.report_id and r.reporter_sealed is not null
    cross join (values ('email'), ('sms')) as ch(channel)
    where n.kind = 'reminder' and n.recipient = 'reporter' and n.recorded_at >= ${from}
    on conflict (idempotency_key) do nothing
    returning id`);
  return staff.rows.length + reporter.rows.length;
}
