/**
 * The webhook projector: writes the deliveries core `webhookDeliveries` computes for a report's new events, inside
 * the recording transaction, so a delivery exists exactly when its event does (issue 12 §5). Storage only looks up
 * the report and the endpoints that might care, and inserts; the webhook worker sends them.
 */
import {
  type Projector,
  type WebhookEvent,
  type WebhookReport,
  type WebhookSubscriber,
  webhookDeliveries,
  webhookEventTypesOf,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { webhookDeliveries as deliveriesTable } from './webhooks-schema';

const ints = (v: unknown): number[] | null => (Array.isArray(v) ? v.map(Number) : null);
const intArray = (xs: readonly number[]) => `{${xs.join(',')}}`;

async function reportOf(tx: Db, reportId: number): Promise<WebhookReport> {
  // `to_jsonb(r)` reads intake's `external_ref` column when it exists (issue 12 §2 adds it), null before.
  const res = await tx.execute(sql`select r.tracking_id as "trackingId", r.institution_id as "institutionId",
      i.path, r.is_confidential as confidential, to_jsonb(r) ->> 'external_ref' as "externalRef",
      a.id as "appId"
    from reports r
    left join institutions i on i.id = r.institution_id
    left join integration_apps a on r.channel like 'integration:%' and a.slug = substr(r.channel, 13)
    where r.id = ${reportId}`);
  const r = res.rows[0]!;
  return {
    trackingId: String(r.trackingId),
    externalRef: r.externalRef == null ? null : String(r.externalRef),
    institutionId: r.institutionId == null ? null : Number(r.institutionId),
    holderPath: ints(r.path),
    filedByAppId: r.appId == null ? null : String(r.appId),
    confidential: r.confidential === true,
  };
}

async function pathsOf(tx: Db, ids: readonly number[]): Promise<Map<number, number[]>> {
  if (ids.length === 0) return new Map();
  const res = await tx.execute(
    sql`select id, path from institutions where id = any(${intArray(ids)}::int[])`,
  );
  return new Map(res.rows.map((r) => [Number(r.id), ints(r.path) ?? []]));
}

async function subscribersOf(tx: Db, institutionIds: readonly number[], appId: string | null) {
  const res = await tx.execute(sql`select e.id as "endpointId", e.app_id as "appId",
      a.institution_id as "appInstitutionId", e.event_types as "eventTypes"
    from webhook_endpoints e join integration_apps a on a.id = e.app_id
    where e.enabled and e.deleted_at is null and a.disabled_at is null
      and (a.institution_id = any(${intArray(institutionIds)}::int[]) or a.id = ${appId})`);
  return res.rows.map(
    (r): WebhookSubscriber => ({
      endpointId: String(r.endpointId),
      appId: String(r.appId),
      appInstitutionId: Number(r.appInstitutionId),
      eventTypes: (r.eventTypes as string[]) ?? [],
    }),
  );
}

/** An event with the institution that held the report when it happened (null: national queue, or unknown). */
export type HeldEvent = Omit<WebhookEvent, 'holderPath'> & { holderId: number | null };

/** Writes the webhook deliveries of `events` of report `reportId`. */
export async function writeWebhookDeliveries(
  tx: Db,
  reportId: number,
  events: readonly HeldEvent[],
  now: Date,
  /** Whether any endpoint is live, when the caller already knows (the recording's lock read tells). */
  anyEndpoint?: boolean,
) {
  // Most changes of most reports concern no app: decide that without a query when no event has a webhook type.
  if (anyEndpoint === false || !events.some((e) => webhookEventTypesOf(e).length > 0)) return;
  // Until some app subscribes, a transition pays one cheap look at a tiny table, not the report and path reads.
  if (anyEndpoint === undefined) {
    const any = await tx.execute(
      sql`select 1 from webhook_endpoints where enabled and deleted_at is null limit 1`,
    );
    if (any.rows.length === 0) return;
  }
  const report = await reportOf(tx, reportId);
  const holderIds = [...new Set(events.map((e) => e.holderId).filter((x): x is number => x !== null))];
  const paths = await pathsOf(tx, holderIds);
  const withPaths: WebhookEvent[] = events.map(({ holderId, ...e }) => ({
    ...e,
    holderPath: holderId === null ? null : (paths.get(holderId) ?? null),
  }));
  const scope = new Set([...(report.holderPath ?? []), ...[...paths.values()].flat()]);
  const subscribers = await subscribersOf(tx, [...scope], report.filedByAppId);
  if (subscribers.length === 0) return;
  const rows = webhookDeliveries(report, withPaths, subscribers);
  if (rows.length === 0) return;
  await tx
    .insert(deliveriesTable)
    .values(
      rows.map((r) => ({
        endpointId: r.endpointId,
        reportId,
        eventSeq: r.eventSeq,
        eventType: r.eventType,
        payload: r.payload,
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
}

/**
 * Writes the webhook deliveries of report `reportId`'s events after `afterSeq`, read back from the log: the rows the
 * projector would have written. Intake writes a filing's own rows in its statement (intake-statements.ts);
 * test/db/intake-webhooks.test.ts holds the two equal with this.
 */
export async function enqueueWebhooks(tx: Db, reportId: number, afterSeq: number, now: Date) {
  const ev =
    await tx.execute(sql`select seq, action, from_status as "fromStatus", to_status as "toStatus", at,
      payload
    from events where report_id = ${reportId} and seq > ${afterSeq} order by seq`);
  await writeWebhookDeliveries(
    tx,
    reportId,
    ev.rows.map((e) => ({
      seq: Number(e.seq),
      action: String(e.action),
      fromStatus: e.fromStatus === null ? null : String(e.fromStatus),
      toStatus: String(e.toStatus),
      at: new Date(String(e.at)),
      payload: e.payload as Record<string, unknown>,
      holderId: null,
    })),
    now,
  );
}

/** The webhook projector of record-transition: the events are in hand, with the holder of each. */
export const webhookProjector: Projector<Db> = {
  name: 'webhooks',
  project: (tx, change) =>
    writeWebhookDeliveries(
      tx,
      change.reportId,
      change.events.map(({ seq, event }) => ({
        seq,
        action: event.type,
        fromStatus: event.from,
        toStatus: event.to,
        at: event.at,
        payload: event.payload as Record<string, unknown>,
        holderId: event.holderId === null ? null : Number(event.holderId),
      })),
      change.now,
      change.webhooks,
    ),
};
