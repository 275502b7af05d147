/**
 * The webhook worker's statements (issue 12 §5): claim due deliveries (lease + token, `for update skip locked`, in
 * order per endpoint and report), record each attempt's outcome conditional on the claim, and disable an endpoint
 * that keeps failing with a notice to its app's developers through the notification outbox.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { sendDeliveryJobs } from '../notifications/delivery-jobs';
import type { Db } from './open';

const iso = (d: Date) => d.toISOString();
const date = (v: unknown) => (v == null ? null : new Date(String(v)));

/** A claimed delivery with what signing and sending it need. */
export interface ClaimedWebhook {
  id: number;
  token: string;
  messageId: string;
  attempts: number;
  payload: unknown;
  url: string;
  endpointId: string;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretUntil: Date | null;
}

/**
 * Claims up to `limit` due deliveries. A delivery waits while an earlier one of the same endpoint and report is
 * still pending or being sent, so a receiver sees a report's events in order; a disabled endpoint's wait.
 */
export async function claimWebhooks(db: Db, now: Date, leaseMs: number, limit: number) {
  const token = randomUUID();
  const res = await db.execute(sql`with due as (
      select d.id from webhook_deliveries d
      join webhook_endpoints e on e.id = d.endpoint_id and e.enabled and e.deleted_at is null
      where ((d.status = 'pending' and d.next_attempt_at <= ${iso(now)})
          or (d.status = 'sending' and d.claimed_until < ${iso(now)}))
        and not exists (select 1 from webhook_deliveries p
          where p.endpoint_id = d.endpoint_id and p.report_id = d.report_id and p.id < d.id
            and p.status in ('pending', 'sending'))
      order by d.next_attempt_at, d.id
      limit ${limit}
      for update of d skip locked)
    update webhook_deliveries w set status = 'sending', attempts = w.attempts + 1, claim_token = ${token},
      claimed_until = ${iso(new Date(now.getTime() + leaseMs))}
    from due, webhook_endpoints e
    where w.id = due.id and e.id = w.endpoint_id
    returning w.id::int as id, coalesce(w.replay_of, w.id)::int as msg, w.attempts, w.payload, e.url,
      e.id as "endpointId", e.secret_sealed as "secretSealed", e.previous_secret_sealed as "previousSecretSealed",
      e.previous_secret_until as "previousSecretUntil"`);
  return res.rows.map(
    (r): ClaimedWebhook => ({
      id: Number(r.id),
      token,
      messageId: `msg_${Number(r.msg)}`,
      attempts: Number(r.attempts),
      payload: r.payload,
      url: String(r.url),
      endpointId: String(r.endpointId),
      secretSealed: String(r.secretSealed),
      previousSecretSealed: r.previousSecretSealed == null ? null : String(r.previousSecretSealed),
      previousSecretUntil: date(r.previousSecretUntil),
    }),
  );
}

export interface Attempt {
  status: number | null;
  error: string | null;
  ms: number;
}

/** Records a 2xx; the endpoint's failure window closes. False when the claim was taken over. */
export async function markWebhookDelivered(db: Db, c: ClaimedWebhook, a: Attempt, now: Date) {
  return db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`update webhook_deliveries set status = 'delivered', delivered_at = ${iso(now)},
        last_status_code = ${a.status}, last_error = null, response_ms = ${a.ms}, claim_token = null
      where id = ${c.id} and claim_token = ${c.token} returning id`);
    await tx.execute(sql`update webhook_endpoints set failing_since = null where id = ${c.endpointId}`);
    return res.rows.length > 0;
  });
}

/**
 * Records a failed attempt: pending again at `next`, or failed when the schedule is exhausted (`next` null). The
 * endpoint is disabled when it has failed without a success since `disableBefore` or the delivery failed for good;
 * returns whether this call disabled it.
 */
export async function markWebhookFailed(
  db: Db,
  c: ClaimedWebhook,
  a: Attempt,
  next: Date | null,
  now: Date,
  disableBefore: Date,
): Promise<boolean> {
  return db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    const res = await tx.execute(sql`update webhook_deliveries set status = ${next ? 'pending' : 'failed'},
        next_attempt_at = ${iso(next ?? now)}, last_status_code = ${a.status}, last_error = ${a.error?.slice(0, 500) ?? null},
        response_ms = ${a.ms}, claim_token = null, claimed_until = null
      where id = ${c.id} and claim_token = ${c.token} returning id`);
    if (res.rows.length === 0) return false;
    const ep =
      await tx.execute(sql`update webhook_endpoints set failing_since = coalesce(failing_since, ${iso(now)})
      where id = ${c.endpointId} returning failing_since as "failingSince", enabled`);
    const failingSince = date(ep.rows[0]?.failingSince)!;
    if (ep.rows[0]?.enabled !== true || (next !== null && failingSince > disableBefore)) return false;
    return disableEndpoint(tx, c.endpointId, failingSince, now);
  });
}

/** Disables a failing endpoint and tells its app's developers (in-app and e-mail, through the outbox). */
async function disableEndpoint(tx: Db, endpointId: string, failingSince: Date, now: Date) {
  const off = await tx.execute(sql`update webhook_endpoints set enabled = false, disabled_at = ${iso(now)},
      disabled_reason = 'failing'
    where id = ${endpointId} and enabled returning app_id as "appId", url`);
  if (off.rows.length === 0) return false;
  const { appId, url } = off.rows[0] as { appId: string; url: string };
  const notice = JSON.stringify({ endpointId, url, failingSince: iso(failingSince), trackingId: '' });
  const rows = await tx.execute(sql`insert into notification_outbox (idempotency_key, report_id, event_seq,
      recipient_kind, recipient_user_id, audience_role, audience_institution_id, channel, template, language,
      payload, status, next_attempt_at, created_at)
    select 'wh.' || ${endpointId} || '.' || ${now.getTime()} || '.u-' || u.id || '.' || ch.channel, null, 0, 'user',
      u.id, 'developer', a.institution_id, ch.channel, 'webhook_disabled',
      case when u.language = 'en' then 'en' else 'id' end,
      ${notice}::jsonb || jsonb_build_object('appName', a.name), 'pending', ${iso(now)}, ${iso(now)}
    from integration_apps a
    join role_grants g on g.role = 'developer' and g.institution_id = a.institution_id
    join users u on u.id = g.user_id and u.deactivated_at is null
    cross join (values ('in_app'), ('email')) as ch(channel)
    where a.id = ${appId}
    on conflict do nothing
    returning id::int as id`);
  await sendDeliveryJobs(
    tx,
    rows.rows.map((r) => Number(r.id)),
  );
  return true;
}
