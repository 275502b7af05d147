/** Changing a webhook endpoint: its URL, event types or description, enabling or disabling, deleting, rotating. */
import type { WebhookEndpointPatch, WebhookEndpointRecord } from '@pintu/core';
import { newWebhookSecret } from '../../webhooks/signature';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { endpointForCaller } from './access';
import { checkWebhookUrl, type UrlCheckDeps } from './check-webhook-url';
import { checkEventTypes } from './register-webhook-endpoint';

/** How long the old secret keeps signing after a rotation: receivers switch without losing a delivery. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

export async function updateWebhookEndpoint(
  deps: Pick<AppDeps, 'webhooks'> & UrlCheckDeps,
  caller: Caller,
  endpointId: string,
  patch: WebhookEndpointPatch,
  now: Date,
): Promise<WebhookEndpointRecord> {
  await endpointForCaller(deps, caller, endpointId);
  const checked: WebhookEndpointPatch = { ...patch };
  if (patch.eventTypes !== undefined) checked.eventTypes = checkEventTypes(patch.eventTypes);
  if (patch.url !== undefined) checked.url = await checkWebhookUrl(deps, patch.url);
  return deps.webhooks.update(endpointId, checked, now);
}

/** Deletes the endpoint: its pending deliveries are cancelled, its log stays readable to nobody but the database. */
export async function deleteWebhookEndpoint(
  deps: Pick<AppDeps, 'webhooks'>,
  caller: Caller,
  endpointId: string,
  now: Date,
): Promise<void> {
  await endpointForCaller(deps, caller, endpointId);
  await deps.webhooks.remove(endpointId, now);
}

/** A new secret, shown once; the old one signs too (a second signature) for 24 hours. */
export async function rotateWebhookSecret(
  deps: Pick<AppDeps, 'webhooks' | 'sealer'>,
  caller: Caller,
  endpointId: string,
  now: Date,
): Promise<{ secret: string; previousSecretUntil: Date }> {
  await endpointForCaller(deps, caller, endpointId);
  const secret = newWebhookSecret();
  const previousSecretUntil = new Date(now.getTime() + SECRET_OVERLAP_MS);
  await deps.webhooks.rotateSecret(endpointId, deps.sealer.seal(secret), previousSecretUntil);
  return { secret, previousSecretUntil };
}
