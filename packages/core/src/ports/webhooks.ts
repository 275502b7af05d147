/**
 * Webhook endpoints and their delivery log as the use cases see them (issue 12 §5, ADR 0012). Secrets cross this
 * port sealed only; the delivery worker opens them when it signs.
 */

/** The app an endpoint belongs to, with its institution's path (root first) for the policy's scope. */
export interface WebhookApp {
  id: string;
  name: string;
  institutionId: number;
  institutionPath: number[];
}

export interface WebhookEndpointRecord {
  id: string;
  appId: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  /** Until when the previous secret still signs (after a rotation). */
  previousSecretUntil: Date | null;
  createdAt: Date;
}

export interface NewWebhookEndpoint {
  id: string;
  appId: string;
  url: string;
  description: string;
  eventTypes: string[];
  secretSealed: string;
  now: Date;
}

export interface WebhookEndpointPatch {
  url?: string;
  description?: string;
  eventTypes?: string[];
  enabled?: boolean;
}

export interface WebhookDeliveryRecord {
  id: number;
  endpointId: string;
  /** The message id receivers see (`msg_<id>`); a replay keeps the original's, so receivers can deduplicate. */
  messageId: string;
  eventType: string;
  trackingId: string | null;
  payload: unknown;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  responseMs: number | null;
  replayOf: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface WebhookStore {
  app(appId: string): Promise<WebhookApp | null>;
  create(endpoint: NewWebhookEndpoint): Promise<WebhookEndpointRecord>;
  list(appId: string): Promise<WebhookEndpointRecord[]>;
  /** An endpoint that is not deleted, or null. */
  get(endpointId: string): Promise<WebhookEndpointRecord | null>;
  /** Enabling clears the disabled mark and the failure window; disabling is `manual`. */
  update(endpointId: string, patch: WebhookEndpointPatch, now: Date): Promise<WebhookEndpointRecord>;
  /** Hides the endpoint and cancels its pending deliveries; the log stays. */
  remove(endpointId: string, now: Date): Promise<void>;
  /** The new secret signs from now on; the old one also signs until `previousUntil`. */
  rotateSecret(endpointId: string, secretSealed: string, previousUntil: Date): Promise<void>;
  /** Queues a delivery without a report (the `webhook.test` event); returns its id. */
  enqueueTest(endpointId: string, eventType: string, payload: unknown, now: Date): Promise<number>;
  /** Newest first; `before` is the id the previous page ended with. */
  deliveries(endpointId: string, before: number | null, limit: number): Promise<WebhookDeliveryRecord[]>;
  delivery(deliveryId: number): Promise<WebhookDeliveryRecord | null>;
  /** A new pending delivery with the same payload and message id; returns it. */
  replay(deliveryId: number, now: Date): Promise<WebhookDeliveryRecord>;
}
