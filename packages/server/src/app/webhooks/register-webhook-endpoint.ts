/** Registers a webhook endpoint for an app; its secret is returned once, here, and stored sealed. */
import { randomInt } from 'node:crypto';
import { failField, WEBHOOK_EVENT_TYPES, type WebhookEndpointRecord } from '@pintu/core';
import { newWebhookSecret } from '../../webhooks/signature';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { appForCaller } from './access';
import { checkWebhookUrl, type UrlCheckDeps } from './check-webhook-url';

export interface EndpointInput {
  url: string;
  description?: string | undefined;
  eventTypes: string[];
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const newEndpointId = () => `whe_${Array.from({ length: 16 }, () => ALPHABET[randomInt(32)]).join('')}`;

/** The event types, checked and without repeats; at least one. */
export function checkEventTypes(types: readonly string[]): string[] {
  const unknown = types.find((t) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined)
    failField('eventTypes', 'unknown_event_type', `Jenis peristiwa ${unknown} tidak dikenal.`);
  if (types.length === 0) failField('eventTypes', 'required', 'Pilih sedikitnya satu jenis peristiwa.');
  return [...new Set(types)];
}

export async function registerWebhookEndpoint(
  deps: Pick<AppDeps, 'webhooks' | 'sealer'> & UrlCheckDeps,
  caller: Caller,
  appId: string,
  input: EndpointInput,
  now: Date,
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  const app = await appForCaller(deps, caller, appId);
  const eventTypes = checkEventTypes(input.eventTypes);
  const url = await checkWebhookUrl(deps, input.url);
  const secret = newWebhookSecret();
  const endpoint = await deps.webhooks.create({
    id: newEndpointId(),
    appId: app.id,
    url,
    description: input.description ?? '',
    eventTypes,
    secretSealed: deps.sealer.seal(secret),
    now,
  });
  return { endpoint, secret };
}
