/** An app's webhook endpoints (never their secrets), and one endpoint, for a caller who manages the app. */
import type { WebhookEndpointRecord } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import { appForCaller, endpointForCaller, type WebhookDeps } from './access';

export async function listWebhookEndpoints(
  deps: WebhookDeps,
  caller: Caller,
  appId: string,
): Promise<WebhookEndpointRecord[]> {
  const app = await appForCaller(deps, caller, appId);
  return deps.webhooks.list(app.id);
}

export async function getWebhookEndpoint(
  deps: WebhookDeps,
  caller: Caller,
  endpointId: string,
): Promise<WebhookEndpointRecord> {
  return (await endpointForCaller(deps, caller, endpointId)).endpoint;
}
