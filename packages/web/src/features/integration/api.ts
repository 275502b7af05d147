/**
 * Types and calls of the developer's pages (ADR 0012): integration apps, their API keys, webhook endpoints and the
 * delivery log.
 */
import type { Schema } from '@pintu/api-types';
import { api } from '../../api/client';

/** What a key may do (ADR 0012 `KEY_PERMISSIONS`), in the order the form lists them. */
export const KEY_PERMISSIONS = [
  'reports:file',
  'reports:read',
  'reports:act',
  'webhooks:manage',
] as const satisfies readonly Schema<'IntegrationKeyInput'>['permissions'][number][];
export type KeyPermission = (typeof KEY_PERMISSIONS)[number];

/** The event types an endpoint may subscribe to (ADR 0012 § Webhooks), in the order the form lists them. */
export const WEBHOOK_EVENT_TYPES = [
  'report.filed',
  'report.dispositioned',
  'report.status_changed',
  'report.follow_up_published',
  'report.reporter_replied',
  'report.deadline_breached',
] as const satisfies readonly Schema<'WebhookEndpointInput'>['eventTypes'][number][];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The slug pattern: the ADR's `^[a-z0-9-]{1,40}$`, narrowed as the database's check narrows it (no hyphen at
 * either end), so the live hint never accepts what the server refuses.
 */
export const SLUG_PATTERN = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

export type IntegrationApp = Schema<'IntegrationApp'>;
export type AppInput = Schema<'IntegrationAppInput'>;
export type AppPatch = Schema<'IntegrationAppPatch'>;
export type IntegrationKey = Schema<'IntegrationKey'>;
export type KeyStatus = IntegrationKey['status'];
/** A created or rotated key: the only answer that carries `key`. */
export type CreatedKey = Schema<'IntegrationKeyCreated'>;
export type KeyInput = Schema<'IntegrationKeyInput'>;
export type WebhookEndpoint = Schema<'WebhookEndpoint'>;
export type EndpointInput = Schema<'WebhookEndpointInput'>;
export type EndpointPatch = Schema<'WebhookEndpointPatch'>;
export type WebhookDelivery = Schema<'WebhookDelivery'>;
export type DeliveryStatus = WebhookDelivery['status'];
export type DeliveryPage = Schema<'WebhookDeliveryPage'>;

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
    api.post<Schema<'WebhookSecretRotated'>>(`${BASE}/webhooks/${enc(endpointId)}/rotate-secret`),
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
