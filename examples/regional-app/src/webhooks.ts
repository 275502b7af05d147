/**
 * The webhook receiver's logic: verify a Standard Webhooks delivery with the `standardwebhooks` package (signature
 * and a timestamp within 5 minutes), then apply it once through the store's inbox.
 */
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { StatusObservation, Store, WebhookOutcome } from './store';

/** Pintu's webhook payload (ADR 0012): never the reporter's identity. */
export interface PintuWebhook {
  type: string;
  timestamp: string;
  data?: {
    trackingId?: string;
    externalRef?: string | null;
    status?: string;
    institutionId?: number;
    seq?: number;
    action?: string;
    at?: string;
  };
}

export type ReceiveResult =
  | { ok: true; webhookId: string; outcome: WebhookOutcome }
  | { ok: false; status: 400 | 401; reason: string };

/**
 * Verifies and applies one delivery. `secrets` holds the current secret and, during a rotation, the next one: a
 * delivery signed with either verifies.
 */
export function receiveWebhook(
  store: Store,
  secrets: string[],
  rawBody: Buffer | string,
  headers: Record<string, string | string[] | undefined>,
): ReceiveResult {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') flat[k.toLowerCase()] = v;
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  let payload: PintuWebhook | null = null;
  let reason = 'tanda tangan webhook tidak valid';
  for (const secret of secrets) {
    try {
      payload = new Webhook(secret).verify(body, flat) as PintuWebhook;
      break;
    } catch (err) {
      if (!(err instanceof WebhookVerificationError))
        return { ok: false, status: 400, reason: 'isi bukan JSON' };
      reason = err.message;
    }
  }
  if (!payload) return { ok: false, status: 401, reason };
  const webhookId = flat['webhook-id']!;
  const d = payload.data;
  const observation: StatusObservation | null =
    d?.trackingId && d.status && Number.isInteger(d.seq)
      ? { trackingId: d.trackingId, externalRef: d.externalRef ?? null, status: d.status, seq: d.seq! }
      : null;
  return { ok: true, webhookId, outcome: store.applyWebhook(webhookId, payload.type, observation) };
}
