/**
 * The delivery log of an endpoint, a test event, and replays. A replay is a new delivery with the same payload and
 * the same message id (`webhook-id`), so a receiver that did process the first can recognise it; the original row
 * keeps its history.
 */
import { fail, WEBHOOK_TEST_EVENT, type WebhookDeliveryRecord } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { endpointForCaller } from './access';

type Deps = Pick<AppDeps, 'webhooks'>;

/** Newest first; `nextCursor` is the last id of the page when more may follow. */
export async function listWebhookDeliveries(
  deps: Deps,
  caller: Caller,
  endpointId: string,
  cursor: number | null,
  limit: number,
): Promise<{ items: WebhookDeliveryRecord[]; nextCursor: number | null }> {
  await endpointForCaller(deps, caller, endpointId);
  const items = await deps.webhooks.deliveries(endpointId, cursor, limit + 1);
  const page = items.slice(0, limit);
  return { items: page, nextCursor: items.length > limit ? page[page.length - 1]!.id : null };
}

/** Queues a `webhook.test` delivery, sent by the worker like any other and logged. */
export async function sendTestEvent(
  deps: Deps,
  caller: Caller,
  endpointId: string,
  now: Date,
): Promise<WebhookDeliveryRecord> {
  await endpointForCaller(deps, caller, endpointId);
  const payload = {
    type: WEBHOOK_TEST_EVENT,
    timestamp: now.toISOString(),
    data: { endpointId, message: 'Peristiwa uji dari Pintu.' },
  };
  const id = await deps.webhooks.enqueueTest(endpointId, WEBHOOK_TEST_EVENT, payload, now);
  return (await deps.webhooks.delivery(id))!;
}

/** Sends a delivery again (any status), as a new delivery with the same message id. */
export async function replayWebhookDelivery(
  deps: Deps,
  caller: Caller,
  deliveryId: number,
  now: Date,
): Promise<WebhookDeliveryRecord> {
  const original = await deps.webhooks.delivery(deliveryId);
  if (!original) return fail('NOT_FOUND', 'Pengiriman webhook tidak ditemukan.');
  await endpointForCaller(deps, caller, original.endpointId).catch(() =>
    fail('NOT_FOUND', 'Pengiriman webhook tidak ditemukan.'),
  );
  return deps.webhooks.replay(deliveryId, now);
}
