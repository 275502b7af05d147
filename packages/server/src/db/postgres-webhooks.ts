/** Webhook endpoints and the delivery log over SQL (core port `WebhookStore`, issue 12 §5). */
import type {
  WebhookApp,
  WebhookDeliveryRecord,
  WebhookEndpointPatch,
  WebhookEndpointRecord,
  WebhookStore,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';

type Row = Record<string, unknown>;
const date = (v: unknown) => (v == null ? null : new Date(String(v)));
const iso = (d: Date) => d.toISOString();

const ENDPOINT_COLUMNS = sql`id, app_id as "appId", url, description, event_types as "eventTypes", enabled,
  disabled_at as "disabledAt", disabled_reason as "disabledReason", failing_since as "failingSince",
  previous_secret_until as "previousSecretUntil", created_at as "createdAt"`;

function endpointOf(r: Row): WebhookEndpointRecord {
  return {
    id: String(r.id),
    appId: String(r.appId),
    url: String(r.url),
    description: String(r.description ?? ''),
    eventTypes: (r.eventTypes as string[]) ?? [],
    enabled: r.enabled === true,
    disabledAt: date(r.disabledAt),
    disabledReason: r.disabledReason == null ? null : String(r.disabledReason),
    failingSince: date(r.failingSince),
    previousSecretUntil: date(r.previousSecretUntil),
    createdAt: date(r.createdAt)!,
  };
}

const DELIVERY_COLUMNS = sql`d.id::int as id, d.endpoint_id as "endpointId", coalesce(d.replay_of, d.id)::int as msg,
  d.event_type as "eventType", r.tracking_id as "trackingId", d.payload, d.status, d.attempts,
  d.next_attempt_at as "nextAttemptAt", d.last_status_code as "lastStatusCode", d.last_error as "lastError",
  d.response_ms as "responseMs", d.replay_of::int as "replayOf", d.created_at as "createdAt",
  d.delivered_at as "deliveredAt"`;

function deliveryOf(r: Row): WebhookDeliveryRecord {
  const pending = r.status === 'pending' || r.status === 'sending';
  return {
    id: Number(r.id),
    endpointId: String(r.endpointId),
    messageId: `msg_${Number(r.msg)}`,
    eventType: String(r.eventType),
    trackingId: r.trackingId == null ? null : String(r.trackingId),
    payload: r.payload,
    status: String(r.status),
    attempts: Number(r.attempts),
    nextAttemptAt: pending ? date(r.nextAttemptAt) : null,
    lastStatusCode: r.lastStatusCode == null ? null : Number(r.lastStatusCode),
    lastError: r.lastError == null ? null : String(r.lastError),
    responseMs: r.responseMs == null ? null : Number(r.responseMs),
    replayOf: r.replayOf == null ? null : Number(r.replayOf),
    createdAt: date(r.createdAt)!,
    deliveredAt: date(r.deliveredAt),
  };
}

export function postgresWebhooks(db: Db): WebhookStore {
  const one = async (id: string) => {
    const res = await db.execute(sql`select ${ENDPOINT_COLUMNS} from webhook_endpoints
      where id = ${id} and deleted_at is null`);
    return res.rows[0] ? endpointOf(res.rows[0]) : null;
  };
  const delivery = async (id: number) => {
    const res = await db.execute(sql`select ${DELIVERY_COLUMNS} from webhook_deliveries d
      left join reports r on r.id = d.report_id where d.id = ${id}`);
    return res.rows[0] ? deliveryOf(res.rows[0]) : null;
  };
  return {
    async app(appId): Promise<WebhookApp | null> {
      const res = await db.execute(sql`select a.id, a.name, a.institution_id as "institutionId", i.path
        from integration_apps a join institutions i on i.id = a.institution_id where a.id = ${appId}`);
      const r = res.rows[0];
      if (!r) return null;
      return {
        id: String(r.id),
        name: String(r.name),
        institutionId: Number(r.institutionId),
        institutionPath: (r.path as unknown[]).map(Number),
      };
    },
    async create(e) {
      await db.execute(sql`insert into webhook_endpoints (id, app_id, url, description, event_types,
          secret_sealed, enabled, created_at)
        values (${e.id}, ${e.appId}, ${e.url}, ${e.description}, ${`{${e.eventTypes.join(',')}}`}::text[],
          ${e.secretSealed}, true, ${iso(e.now)})`);
      return (await one(e.id))!;
    },
    async list(appId) {
      const res = await db.execute(sql`select ${ENDPOINT_COLUMNS} from webhook_endpoints
        where app_id = ${appId} and deleted_at is null order by created_at, id`);
      return res.rows.map(endpointOf);
    },
    get: one,
    async update(id, p: WebhookEndpointPatch, now) {
      const sets = [];
      if (p.url !== undefined) sets.push(sql`url = ${p.url}`);
      if (p.description !== undefined) sets.push(sql`description = ${p.description}`);
      if (p.eventTypes !== undefined) sets.push(sql`event_types = ${`{${p.eventTypes.join(',')}}`}::text[]`);
      if (p.enabled === true)
        sets.push(sql`enabled = true, disabled_at = null, disabled_reason = null, failing_since = null`);
      if (p.enabled === false)
        sets.push(sql`enabled = false, disabled_at = ${iso(now)}, disabled_reason = 'manual'`);
      if (sets.length)
        await db.execute(sql`update webhook_endpoints set ${sql.join(sets, sql`, `)}
          where id = ${id} and deleted_at is null`);
      return (await one(id))!;
    },
    async remove(id, now) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`update webhook_endpoints set deleted_at = ${iso(now)}, enabled = false
          where id = ${id}`);
        await tx.execute(sql`update webhook_deliveries set status = 'cancelled', claim_token = null
          where endpoint_id = ${id} and status in ('pending', 'sending')`);
      });
    },
    async rotateSecret(id, secretSealed, previousUntil) {
      await db.execute(sql`update webhook_endpoints set previous_secret_sealed = secret_sealed,
          previous_secret_until = ${iso(previousUntil)}, secret_sealed = ${secretSealed}
        where id = ${id} and deleted_at is null`);
    },
    async enqueueTest(endpointId, eventType, payload, now) {
      const res =
        await db.execute(sql`insert into webhook_deliveries (endpoint_id, event_type, payload, status,
          next_attempt_at, created_at)
        values (${endpointId}, ${eventType}, ${JSON.stringify(payload)}::jsonb, 'pending', ${iso(now)},
          ${iso(now)})
        returning id::int as id`);
      return Number(res.rows[0]!.id);
    },
    async deliveries(endpointId, before, limit) {
      const res = await db.execute(sql`select ${DELIVERY_COLUMNS} from webhook_deliveries d
        left join reports r on r.id = d.report_id
        where d.endpoint_id = ${endpointId} ${before === null ? sql`` : sql`and d.id < ${before}`}
        order by d.id desc limit ${limit}`);
      return res.rows.map(deliveryOf);
    },
    delivery,
    async replay(id, now) {
      const res = await db.execute(sql`insert into webhook_deliveries (endpoint_id, report_id, event_seq,
          event_type, payload, replay_of, status, next_attempt_at, created_at)
        select endpoint_id, report_id, event_seq, event_type, payload, coalesce(replay_of, id), 'pending',
          ${iso(now)}, ${iso(now)}
        from webhook_deliveries where id = ${id}
        returning id::int as id`);
      return (await delivery(Number(res.rows[0]!.id)))!;
    },
  };
}
