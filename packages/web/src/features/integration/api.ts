/**
 * Types and calls of the developer's pages (ADR 0012): integration apps, their API keys, webhook endpoints and the
 * delivery log. The routes were built in parallel with these pages, so the types are written here by hand.
 */
import { api } from '../../api/client';

// TEMPORARY: replace with @pintu/api-types once the routes land
/** What a key may do (ADR 0012 `KEY_PERMISSIONS`). */
export const KEY_PERMISSIONS = ['reports:file', 'reports:read', 'reports:act', 'webhooks:manage'] as const;
// TEMPORARY: replace with @pintu/api-types once the routes land
export type KeyPermission = (typeof KEY_PERMISSIONS)[number];

// TEMPORARY: replace with @pintu/api-types once the routes land
/** The event types an endpoint may subscribe to (ADR 0012 § Webhooks). */
export const WEBHOOK_EVENT_TYPES = [
  'report.filed',
  'report.dispositioned',
  'report.status_changed',
  'report.follow_up_published',
  'report.reporter_replied',
  'report.deadline_breached',
] as const;
// TEMPORARY: replace with @pintu/api-types once the routes land
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The slug pattern: the ADR's `^[a-z0-9-]{1,40}$`, narrowed as the database's check narrows it (no hyphen at
 * either end), so the live hint never accepts what the server refuses.
 */
export const SLUG_PATTERN = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

// TEMPORARY: replace with @pintu/api-types once the routes land
/** A registered regional app (`IntegrationApp`). */
export interface IntegrationApp {
  id: string;
  name: string;
  slug: string;
  channel?: string;
  institutionId: number;
  contactName: string;
  contactEmail: string;
  createdAt: string;
  disabledAt: string | null;
}

// TEMPORARY: replace with @pintu/api-types once the routes land
export interface AppInput {
  name: string;
  slug: string;
  institutionId: number;
  contactName: string;
  contactEmail: string;
}

// TEMPORARY: replace with @pintu/api-types once the routes land
export interface AppPatch {
  name?: string;
  contactName?: string;
  contactEmail?: string;
  disabled?: boolean;
}

// TEMPORARY: replace with @pintu/api-types once the routes land
export type KeyStatus = 'live' | 'expiring' | 'expired' | 'revoked';

// TEMPORARY: replace with @pintu/api-types once the routes land
/** An API key as lists show it: never the key itself (`IntegrationKey`). */
export interface IntegrationKey {
  id: string;
  appId: string;
  prefix: string;
  name: string;
  permissions: string[];
  rateLimit: number;
  expiresAt: string | null;
  revokedAt: string | null;
  rotatedFrom: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  status: KeyStatus;
}

// TEMPORARY: replace with @pintu/api-types once the routes land
/** A created or rotated key: the only answer that carries `key` (`IntegrationKeyCreated`). */
export interface CreatedKey extends IntegrationKey {
  key: string;
  previous?: { id: string; expiresAt: string };
}

// TEMPORARY: replace with @pintu/api-types once the routes land
export interface KeyInput {
  name: string;
  permissions: KeyPermission[];
  expiresAt?: string;
  rateLimit?: number;
}

// TEMPORARY: replace with @pintu/api-types once the routes land
/** A webhook endpoint (`WebhookEndpoint`). */
export interface WebhookEndpoint {
  id: string;
  appId: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  previousSecretUntil: string | null;
  createdAt: string;
}

// TEMPORARY: replace with @pintu/api-types once the routes land
export interface EndpointInput {
  url: string;
  description?: string;
  eventTypes: WebhookEventType[];
}

// TEMPORARY: replace with @pintu/api-types once the routes land
export interface EndpointPatch {
  url?: string;
  description?: string;
  eventTypes?: WebhookEventType[];
  enabled?: boolean;
}

// TEMPORARY: replace with @pintu/api-types once the routes land
export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled';

// TEMPORARY: replace with @pintu/api-types once the routes land
/** One delivery of the log (`WebhookDelivery`). */
export interface WebhookDelivery {
  id: number;
  endpointId: string;
  messageId: string;
  eventType: string;
  trackingId: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  responseMs: number | null;
  replayOf: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

// TEMPORARY: replace with @pintu/api-types once the routes land
export interface DeliveryPage {
  items: WebhookDelivery[];
  nextCursor: string | null;
}

const BASE = '/integration';
const enc = encodeURIComponent;

export const integrationApi = {
  apps: () => api.get<{ items: IntegrationApp[] }>(`${BASE}/apps`),
  app: (appId: string) => api.get<IntegrationApp>(`${BASE}/apps/${enc(appId)}`),
  registerApp: (body: AppInput) => api.post<IntegrationApp>(`${BASE}/apps`, body),
  patchApp: (appId: string, body: AppPatch) => api.patch<IntegrationApp>(`${BASE}/apps/${enc(appId)}`, body),
  keys: (appId: string) => api.get<{ items: IntegrationKey[] }>(`${BASE}/apps/${enc(appId)}/keys`),
  createKey: (appId: string, body: KeyInput) => api.post<CreatedKey>(`${BASE}/apps/${enc(appId)}/keys`, body),
  rotateKey: (keyId: string, overlapHours: number) =>
    api.post<CreatedKey>(`${BASE}/keys/${enc(keyId)}/rotate`, { overlapHours }),
  revokeKey: (keyId: string) => api.post<IntegrationKey>(`${BASE}/keys/${enc(keyId)}/revoke`),
  endpoints: (appId: string) => api.get<{ items: WebhookEndpoint[] }>(`${BASE}/apps/${enc(appId)}/webhooks`),
  createEndpoint: (appId: string, body: EndpointInput) =>
    api.post<WebhookEndpoint & { secret: string }>(`${BASE}/apps/${enc(appId)}/webhooks`, body),
  patchEndpoint: (endpointId: string, body: EndpointPatch) =>
    api.patch<WebhookEndpoint>(`${BASE}/webhooks/${enc(endpointId)}`, body),
  deleteEndpoint: (endpointId: string) => api.del<{ ok: boolean }>(`${BASE}/webhooks/${enc(endpointId)}`),
  rotateSecret: (endpointId: string) =>
    api.post<{ secret: string; previousSecretUntil: string }>(
      `${BASE}/webhooks/${enc(endpointId)}/rotate-secret`,
    ),
  sendTest: (endpointId: string) => api.post<WebhookDelivery>(`${BASE}/webhooks/${enc(endpointId)}/test`),
  deliveries: (endpointId: string, cursor: string | null, limit = 30) =>
    api.get<DeliveryPage>(`${BASE}/webhooks/${enc(endpointId)}/deliveries`, { cursor, limit }),
  replay: (deliveryId: number) => api.post<WebhookDelivery>(`${BASE}/deliveries/${deliveryId}/replay`),
};

/** The query keys of this feature; every change invalidates `['integration']`. */
export const qk = {
  apps: ['integration', 'apps'] as const,
  app: (id: string) => ['integration', 'app', id] as const,
  keys: (id: string) => ['integration', 'keys', id] as const,
  endpoints: (id: string) => ['integration', 'endpoints', id] as const,
  deliveries: (id: string) => ['integration', 'deliveries', id] as const,
};
