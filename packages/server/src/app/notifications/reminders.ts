/**
 * Reminders are not lifecycle events: the SLA sweep records them in `sla_notices` (kind `reminder`, recipient
 * `holder`, `national_admin` for the national queue, or `reporter`). The delivery worker turns recent ones into outbox rows here; the idempotency key
 * (`n.<report>.r<notice>.<recipient>.<channel>`) makes a second pass write nothing, so each reminder gives each
 * recipient exactly one row even though this step runs outside the sweep's transaction. Escalations, auto-resolve
 * and auto-archive are events and get their rows in saveTransition (enqueue.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';

/** How far back reminders are looked for: a worker down longer than this leaves older reminders unsent. */
export const REMINDER_WINDOW_MS = 2 * 24 * 3_600_000;

/** Writes the outbox rows of the reminders recorded since `now - REMINDER_WINDOW_MS`; returns how many. */
export async function enqueueReminders(db: Db, now: Date): Promise<number> {
  const since = new Date(now.getTime() - REMINDER_WINDOW_MS).toISOString();
  const at = now.toISOString();
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
    where n.kind = 'reminder' and n.recipient in ('holder', 'national_admin') and n.recorded_at >= ${since}
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
    where n.kind = 'reminder' and n.recipient = 'reporter' and n.recorded_at >= ${since}
    on conflict (idempotency_key) do nothing
    returning id`);
  return staff.rows.length + reporter.rows.length;
}
